/**
 * `impact-pack review` as a reviewer's colleague starts it: the built command prints an address on 127.0.0.1
 * with a key, the desk answers it, and Ctrl-C (SIGINT) stops it cleanly with exit code 0.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { REPO_ROOT } from '../helpers/temp-pack';

const BIN = path.join(REPO_ROOT, 'bin/impact-pack.js');
const VALID = path.join(__dirname, '../fixtures/packs/valid');

it('prints a tokened address on 127.0.0.1, serves it, and stops on SIGINT', async () => {
  expect(existsSync(path.join(REPO_ROOT, 'dist/cli/run.js'))).toBe(true);
  const child = spawn(process.execPath, [BIN, 'review', VALID], { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString('utf8');
        const found = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(stdout);
        if (found) resolve(found[1]);
      });
      void exited.then(() => reject(new Error(`review exited early: ${stderr}`)));
    });
    const first = await fetch(url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0];
    const page = await fetch(new URL('/items', url), { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Energy-efficient building policy');
    expect((await fetch(new URL('/items', url))).status).toBe(403);
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(0);
  expect(stdout).toContain('Review desk stopped.');
  expect(stderr).toBe('');
}, 60_000);

it.each([
  [['--port', 'abc'], '--port takes a port number'],
  [['--port', '70000'], '--port takes a port number'],
  [['--allow-origin', 'not a url'], '--allow-origin takes'],
  [['--allow-origin', 'ftp://desk.example'], '--allow-origin takes an http or https address'],
])('refuses %j with a usage error before starting', async (args, message) => {
  const result = await runCli(['review', VALID, ...args]);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(message);
});
