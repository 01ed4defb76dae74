import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/temp-pack';

// A pack of parallelFromItems(env) items or more is read by this thread and a worker thread, each half of the
// files. The worker runs the compiled code (dist/, built by `npm test`), so this test runs the real command:
// the result must be byte for byte the one thread's, faults and positions included, and the worker must have run.
// The threshold comes down to FROM through IMPACT_PACK_PARALLEL_FROM_ITEMS, so that the pack need not have
// 8,000 items; the worker's share (FROM) still spans several of its result batches (256 items each).
const FROM = 600;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require('../../scripts/generate-pack.js') as { generatePack(o: Record<string, unknown>): { faulty: unknown[] } };
const CLI = path.resolve(__dirname, '../../bin/impact-pack.js');

describe('items read by two threads', () => {
  let work: { root: string; cleanup: () => void };
  beforeAll(() => {
    work = tempDir();
    const summary = generator.generatePack({ out: path.join(work.root, 'pack'), items: 2 * FROM, files: 50, bytes: 256 * 1024, seed: 3, faulty: 0.05 });
    expect(summary.faulty.length).toBeGreaterThan(0);
    // Counts the workers the command starts, without changing what it does.
    writeFileSync(
      path.join(work.root, 'count-workers.js'),
      "const wt = require('node:worker_threads'); const fs = require('node:fs'); const W = wt.Worker;\n" +
        "wt.Worker = class extends W { constructor(...a) { fs.appendFileSync(process.env.WORKER_LOG, 'worker\\n'); super(...a); } };\n",
    );
  });
  afterAll(() => work.cleanup());

  const validate = (env: Record<string, string>) => {
    const log = path.join(work.root, `workers-${Object.keys(env).length}.log`);
    writeFileSync(log, '');
    const r = spawnSync(process.execPath, ['-r', path.join(work.root, 'count-workers.js'), CLI, 'validate', path.join(work.root, 'pack'), '--format', 'json', '--no-cache'], {
      encoding: 'utf8',
      env: { ...process.env, WORKER_LOG: log, IMPACT_PACK_PARALLEL_FROM_ITEMS: String(FROM), ...env },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, workers: readFileSync(log, 'utf8').split('\n').filter(Boolean).length };
  };

  it('gives the same diagnostics as one thread', () => {
    // Below the threshold, no worker.
    expect(validate({ IMPACT_PACK_PARALLEL_FROM_ITEMS: String(2 * FROM + 1) }).workers).toBe(0);
    const one = validate({ IMPACT_PACK_ITEM_WORKERS: '0' });
    const two = validate({});
    expect(one.workers).toBe(0);
    expect(two.workers).toBe(1);
    expect(two.stderr).toBe('');
    expect(two.status).toBe(1);
    expect(JSON.parse(two.stdout).diagnostics.length).toBeGreaterThan(0);
    expect(two.stdout).toBe(one.stdout);
  });
});
