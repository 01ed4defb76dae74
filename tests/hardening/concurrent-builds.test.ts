import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyToTemp, REPO_ROOT, tempDir } from '../helpers/temp-pack';
import { leftoversBeside, readOutputTree } from './output-tree';

/**
 * Two builds of different versions of a pack started at the same moment into the same output folder, as
 * two CI jobs or a watcher and a person do. One takes the output lock, the other waits for it (or, past its
 * wait, refuses with a message naming the holder); both finish by themselves, and the folder ends up
 * holding one whole output, never a mix.
 */
const BIN = path.join(REPO_ROOT, 'bin/impact-pack.js');
const VALID = path.join(__dirname, '../fixtures/packs/valid');
const ROUNDS = 3;

function build(pack: string, out: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'build', pack, '--out', out, '--formats', 'html'], {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

test(
  'two builds at once: each waits its turn or refuses clearly, and the output is one whole build',
  async () => {
    const packA = copyToTemp(VALID);
    const packB = copyToTemp(VALID);
    const work = tempDir();
    try {
      const item = path.join(packB.root, 'items/sdg-07/energy-policy.yaml');
      writeFileSync(item, readFileSync(item, 'utf8').replace('Energy-efficient building policy', 'Energy-efficient buildings policy'));
      const refA = path.join(work.root, 'ref-a');
      const refB = path.join(work.root, 'ref-b');
      expect((await build(packA.root, refA)).code).toBe(0);
      expect((await build(packB.root, refB)).code).toBe(0);
      const expected = [JSON.stringify(readOutputTree(refA)), JSON.stringify(readOutputTree(refB))];
      expect(expected[0]).not.toBe(expected[1]);

      const out = path.join(work.root, 'out');
      for (let round = 0; round < ROUNDS; round++) {
        const runs = await Promise.all([build(packA.root, out), build(packB.root, out)]);
        for (const run of runs) {
          expect([0, 2]).toContain(run.code);
          if (run.code === 2) expect(run.stderr).toContain('Another impact-pack build is writing');
        }
        expect(runs.some((run) => run.code === 0)).toBe(true);
        expect(expected).toContain(JSON.stringify(readOutputTree(out)));
        expect(leftoversBeside(out)).toEqual([]);
      }
    } finally {
      packA.cleanup();
      packB.cleanup();
      work.cleanup();
    }
  },
  10 * 60_000,
);
