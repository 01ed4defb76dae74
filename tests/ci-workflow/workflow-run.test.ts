import Ajv04 from 'ajv-draft-04';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fg from 'fast-glob';
import { parse } from 'yaml';
import { WORKFLOW_PATH } from '../../src/init/ci-workflow';
import { REPO_ROOT, tempDir } from '../helpers/temp-pack';
import { smallPack } from '../analyse/small-pack';

interface Step {
  id?: string;
  run?: string;
}

/**
 * Runs the commands of the committed workflow's steps, in order, the way the Actions runner does
 * (bash -eo pipefail, the workflow's env, a job-summary file), against a pack whose public URLs point at a
 * server on 127.0.0.1. Only the pack, baseline and output paths are moved to a temporary folder.
 * The executable is bin/impact-pack.js over dist/, which `npm test` builds first.
 */
async function runSteps(env: Record<string, string>): Promise<{ id: string; status: number; stdout: string; stderr: string }[]> {
  const wf = parse(readFileSync(path.join(REPO_ROOT, WORKFLOW_PATH), 'utf8'));
  const steps: Step[] = wf.jobs.evidence.steps.filter((s: Step) => s.id && s.run);
  const results = [];
  for (const s of steps) {
    // Asynchronous, so that the test's HTTP server keeps answering while a step runs.
    // The test's server is on 127.0.0.1, which links refuses by default (an internal address): the one
    // change to the workflow's commands is --allow-private on the links step.
    const command = s.id === 'links' ? s.run!.replace(/links "\$PACK"/, 'links "$PACK" --allow-private') : s.run!;
    if (s.id === 'links' && command === s.run) throw new Error('the links step no longer reads `links "$PACK"`; update this test');
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...wf.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    results.push({ id: s.id!, status, stdout, stderr });
  }
  return results;
}

function assertDistFresh(): void {
  const built = path.join(REPO_ROOT, 'dist/cli/run.js');
  if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build:ts` (npm test does it first).');
  const newest = Math.max(...fg.sync('src/**/*.ts', { cwd: REPO_ROOT }).map((f) => statSync(path.join(REPO_ROOT, f)).mtimeMs));
  if (newest > statSync(built).mtimeMs) throw new Error('dist/ is older than src/: run `npm run build:ts` (npm test does it first).');
}

describe('the workflow\'s command sequence, run locally end to end', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    assertDistFresh();
    server = createServer((req, res) => {
      res.writeHead(req.url?.startsWith('/gone') ? 404 : 200, { 'content-type': 'text/html' });
      res.end('<p>public evidence</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('validates, checks links, builds, reports against the baseline, and fails on a regression or a broken link', async () => {
    const pack = smallPack();
    const work = tempDir();
    try {
      for (const f of fg.sync('items/**/*.yaml', { cwd: pack.root })) {
        const file = path.join(pack.root, f);
        writeFileSync(file, readFileSync(file, 'utf8').replace(/https:\/\/www\.example\.edu/g, base));
      }
      const env = {
        PACK: pack.root,
        BASELINE: path.join(pack.root, 'gap-baseline.json'),
        OUT: path.join(work.root, 'out'),
        GITHUB_STEP_SUMMARY: path.join(work.root, 'summary.md'),
      };

      // First run: no baseline yet. Everything passes; the proposed baseline lands in the artifact.
      const first = await runSteps(env);
      expect(first.map((s) => [s.id, s.status])).toEqual([['validate', 0], ['links', 0], ['build', 0], ['gaps', 0], ['baseline', 0]]);
      expect(first.find((s) => s.id === 'gaps')!.stdout).toContain('::notice::No baseline at');
      expect(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')).toContain('# Gap report: Test University');
      const out = readdirSync(env.OUT);
      expect(out).toEqual(expect.arrayContaining(['gap-report.sarif', 'gap-summary.md', 'gap-report.html', 'gap-report.json', 'gap-baseline.json', 'sdg-07.pdf']));

      // The office commits the proposed baseline. Then a policy loses its public URL and a link breaks.
      copyFileSync(path.join(env.OUT, 'gap-baseline.json'), env.BASELINE);
      const policy = path.join(pack.root, 'items/sdg-07/energy-policy.yaml');
      writeFileSync(policy, readFileSync(policy, 'utf8').replace(/^public_urls:.*\n/m, ''));
      const dialogue = path.join(pack.root, 'items/sdg-17/dialogue.yaml');
      writeFileSync(dialogue, `${readFileSync(dialogue, 'utf8')}public_urls: ["${base}/gone"]\n`);
      const second = await runSteps(env);
      // Every step still runs (the workflow's `if: !cancelled()`), and the job fails on links and the ratchet.
      expect(second.map((s) => s.id)).toEqual(['validate', 'links', 'build', 'gaps', 'baseline']);
      expect(second.find((s) => s.id === 'links')!.status).not.toBe(0);
      expect(second.find((s) => s.id === 'links')!.stdout + second.find((s) => s.id === 'links')!.stderr).toContain(`${base}/gone`);
      const gaps = second.find((s) => s.id === 'gaps')!;
      expect(gaps.status).toBe(1);
      expect(gaps.stderr).toContain('Metric 7.2.1: complete → partial');
      expect(gaps.stdout).toMatch(/^::notice file=.*items\/sdg-07\/energy-policy\.yaml,line=\d+,col=\d+.*title=METRIC_PARTIAL::/m);
      expect(readFileSync(path.join(env.OUT, 'gap-summary.md'), 'utf8')).toContain('## Compared with the baseline');

      const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
      const validate = new Ajv04({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
      const sarif = JSON.parse(readFileSync(path.join(env.OUT, 'gap-report.sarif'), 'utf8'));
      expect(validate(sarif) ? [] : validate.errors).toEqual([]);
      // The regressed state is not proposed as the new baseline.
      expect(readFileSync(path.join(env.OUT, 'gap-baseline.json'), 'utf8')).toBe(readFileSync(env.BASELINE, 'utf8'));
    } finally {
      pack.cleanup();
      work.cleanup();
    }
  }, 300_000);
});
