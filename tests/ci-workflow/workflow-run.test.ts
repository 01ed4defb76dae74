import Ajv04 from 'ajv-draft-04';
import { spawn, spawnSync } from 'node:child_process';
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
  name?: string;
  run?: string;
}

/**
 * Runs the commands of a workflow's steps, in order, the way the Actions runner does (bash -eo pipefail,
 * the workflow's env, a job-summary file, the repository as the working folder), against a pack whose
 * public URLs point at a server on 127.0.0.1. The `uses:` steps are not run: the checkout is the folder
 * itself, and Node is the one running the tests. `include` picks the steps.
 */
async function runSteps(
  workflowFile: string,
  cwd: string,
  env: Record<string, string>,
  include: (s: Step) => boolean = (s) => Boolean(s.id),
): Promise<{ id: string; status: number; stdout: string; stderr: string }[]> {
  const wf = parse(readFileSync(workflowFile, 'utf8'));
  const steps: Step[] = wf.jobs.evidence.steps.filter((s: Step) => s.run && include(s));
  const results = [];
  for (const s of steps) {
    // Asynchronous, so that the test's HTTP server keeps answering while a step runs.
    // The test's server is on 127.0.0.1, which links refuses by default (an internal address): the one
    // change to the workflow's commands is --allow-private on the links step.
    const command = s.id === 'links' ? s.run!.replace(/links "\$PACK"/, 'links "$PACK" --allow-private') : s.run!;
    if (s.id === 'links' && command === s.run) throw new Error('the links step no longer reads `links "$PACK"`; update this test');
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...wf.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    results.push({ id: s.id ?? s.name!, status, stdout, stderr });
  }
  return results;
}

/** This repository's workflow: the example pack's, with impact-pack built from this checkout (dist/). */
const REPO_WORKFLOW = path.join(REPO_ROOT, WORKFLOW_PATH);

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
      const first = await runSteps(REPO_WORKFLOW, REPO_ROOT, env);
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
      const second = await runSteps(REPO_WORKFLOW, REPO_ROOT, env);
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

  it('in a new pack made by init, outside this repository: installs the vendored impact-pack, then every step passes', async () => {
    const work = tempDir();
    try {
      const pack = path.join(work.root, 'my-pack');
      const prefix = path.join(work.root, 'prefix');
      // init as a user runs it; the tarball it vendors is the package of this (built) installation.
      const init = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/impact-pack.js'), 'init', pack, '--institution', 'Test University'], { cwd: work.root, encoding: 'utf8' });
      expect(init.stderr).toBe('');
      expect(init.status).toBe(0);
      const workflow = path.join(pack, WORKFLOW_PATH);
      const tarball = parse(readFileSync(workflow, 'utf8')).env.IMPACT_PACK_TARBALL;
      expect(existsSync(path.join(pack, tarball))).toBe(true);
      for (const f of fg.sync('items/**/*.yaml', { cwd: pack })) {
        const file = path.join(pack, f);
        writeFileSync(file, readFileSync(file, 'utf8').replace(/https:\/\/www\.example\.edu/g, base));
      }

      // Every `run:` step of the pack's own workflow, the install first, in the pack. The global prefix is a
      // temporary folder put first on PATH, as setup-node's is on a runner; npm may use its cache.
      const env = {
        PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
        npm_config_prefix: prefix,
        npm_config_prefer_offline: 'true',
        npm_config_update_notifier: 'false',
        GITHUB_STEP_SUMMARY: path.join(work.root, 'summary.md'),
      };
      const steps = await runSteps(workflow, pack, env, () => true);
      const failed = steps.filter((s) => s.status !== 0).map((s) => `${s.id}: ${s.stderr}`);
      expect(failed).toEqual([]);
      expect(steps.map((s) => s.id)).toEqual(['Install impact-pack', 'validate', 'links', 'build', 'gaps', 'baseline']);

      // The steps ran the installed copy, which is the version that made the pack.
      const installed = spawnSync('bash', ['-c', 'command -v impact-pack && impact-pack --version'], { env: { ...process.env, ...env }, encoding: 'utf8' });
      expect(installed.stdout.split('\n').slice(0, 2)).toEqual([path.join(prefix, 'bin', 'impact-pack'), JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version]);
      expect(steps.find((s) => s.id === 'gaps')!.stdout).toContain('::notice::No baseline at gap-baseline.json');
      expect(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')).toContain('# Gap report: Test University');
      expect(readdirSync(path.join(pack, 'out'))).toEqual(expect.arrayContaining(['gap-report.sarif', 'gap-summary.md', 'gap-baseline.json', 'gap-report.md']));
      expect(readdirSync(path.join(pack, 'out')).filter((f) => /^sdg-\d\d\.pdf$/.test(f)).length).toBeGreaterThan(0);
    } finally {
      work.cleanup();
    }
  }, 300_000);
});
