import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { REPO_ROOT } from '../helpers/temp-pack';
import { copyPack } from './helpers';

const VALID = path.join(REPO_ROOT, 'tests/fixtures/packs/valid');
const ITEM_7 = 'items/sdg-07/energy-policy.yaml';

// The real command in its own process (it waits for Ctrl-C): runs the compiled CLI, as a user would.
describe('impact-pack watch', () => {
  it('prints problems as files are saved and stops cleanly on Ctrl-C', async () => {
    const pack = copyPack(VALID);
    try {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/impact-pack.js'), 'watch', pack.root, '--no-build'], {
        env: { ...process.env, NO_COLOR: '1', CI: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      const waiters: (() => void)[] = [];
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        waiters.splice(0).forEach((w) => w());
      });
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const printed = (text: string) =>
        new Promise<void>((resolve) => {
          const check = () => (stdout.includes(text) ? resolve() : waiters.push(check));
          check();
        });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

      await printed('0 error(s), 0 warning(s)');
      const file = path.join(pack.root, ITEM_7);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: /m, 'title: TODO '));
      await printed('1 new, 0 fixed');
      expect(stdout).toContain(`${ITEM_7} changed`);
      expect(stdout).toContain('PLACEHOLDER_TEXT');

      child.kill('SIGINT');
      expect(await exited).toBe(1);
      expect(stdout).toContain('Stopped watching.');
      expect(stderr).toBe('');
    } finally {
      pack.cleanup();
    }
  });
});

describe('impact-pack watch with a build', () => {
  it('prints the diagnostics before the build line, and refuses a second watch on the same output (exit 2, naming the first)', async () => {
    const pack = copyPack(VALID);
    try {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/impact-pack.js'), 'watch', pack.root, '--formats', 'html'], {
        env: { ...process.env, NO_COLOR: '1', CI: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      const waiters: (() => void)[] = [];
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        waiters.splice(0).forEach((w) => w());
      });
      const printed = (text: string) =>
        new Promise<void>((resolve) => {
          const check = () => (stdout.includes(text) ? resolve() : waiters.push(check));
          check();
        });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

      await printed('Built ');
      expect(stdout.indexOf('0 error(s), 0 warning(s)')).toBeGreaterThan(-1);
      expect(stdout.indexOf('0 error(s), 0 warning(s)')).toBeLessThan(stdout.indexOf('Built '));

      const second = await runCli(['watch', pack.root, '--formats', 'pdf']);
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(`Another impact-pack watch is already building into ${path.join(pack.root, 'out')} (process ${child.pid} on `);
      expect(second.stdout).not.toContain('Watching');

      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      pack.cleanup();
    }
  });
});
