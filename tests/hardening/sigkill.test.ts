import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyToTemp, REPO_ROOT, tempDir } from '../helpers/temp-pack';
import { leftoversBeside, readOutputTree, type OutputTree } from './output-tree';
import { fingerprintPack } from './pack-fingerprint';

/**
 * `impact-pack build` killed with SIGKILL at random moments, again and again, alternating between two
 * versions of a pack so that the previous and the new output differ. After every kill the output folder
 * holds one whole output (the previous, or the new one if the kill came after the swap), or, if the kill
 * landed between the two renames of the swap, nothing yet but the previous output complete beside it,
 * which the next build puts back. The evidence never changes. Moments are drawn from a fixed seed, so a
 * failure can be replayed; some kills are aimed at the write phase by watching the output's parent folder.
 */
const BIN = path.join(REPO_ROOT, 'bin/impact-pack.js');
const VALID = path.join(__dirname, '../fixtures/packs/valid');
/** Kills at moments drawn over a whole build, and as many again drawn near its end. */
const RANDOM_KILLS = 6;
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

/** A small deterministic generator (mulberry32): the same kill moments on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface BuildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  killed: boolean;
}

/** Runs a build; kills it after `killAfterMs`, or at the `killAtEvent`-th change beside the output folder. */
function build(pack: string, out: string, kill: { afterMs?: number; atEvent?: number } = {}): Promise<BuildRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'build', pack, '--out', out, '--formats', 'html'], {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const killNow = () => {
      if (child.exitCode === null && child.signalCode === null) killed = child.kill('SIGKILL');
    };
    const timer = kill.afterMs !== undefined ? setTimeout(killNow, kill.afterMs) : undefined;
    let events = 0;
    const watcher =
      kill.atEvent !== undefined
        ? watch(path.dirname(out), (_type, name) => {
            if (name && String(name).startsWith(`.${path.basename(out)}.`) && ++events === kill.atEvent) killNow();
          })
        : undefined;
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      watcher?.close();
      resolve({ code, signal, stderr, killed });
    });
  });
}

const same = (a: OutputTree, b: OutputTree) => JSON.stringify(a) === JSON.stringify(b);

test(
  'a build killed at any moment leaves a whole output, and the next build always succeeds',
  async () => {
    const packA = copyToTemp(VALID);
    const packB = copyToTemp(VALID);
    const work = tempDir();
    try {
      // Version B differs from A in one title, so that its documents differ too.
      const item = path.join(packB.root, 'items/sdg-17/dialogue.yaml');
      writeFileSync(item, readFileSync(item, 'utf8').replace('Cross-sector dialogue on the SDGs', 'Cross-sector dialogue on the goals'));
      const evidence = { a: fingerprintPack(packA.root), b: fingerprintPack(packB.root) };

      const out = path.join(work.root, 'out');
      const reference: Record<'a' | 'b', OutputTree> = { a: 'missing', b: 'missing' };
      const started = Date.now();
      expect((await build(packB.root, out)).code).toBe(0);
      // Only used to spread the kill moments over a whole build on this machine; nothing is asserted on it.
      const buildMs = Date.now() - started;
      reference.b = readOutputTree(out);
      expect((await build(packA.root, out)).code).toBe(0);
      reference.a = readOutputTree(out);
      expect(same(reference.a, reference.b)).toBe(false);

      const random = seeded(0x1a2b3c);
      const plans: Array<{ afterMs?: number; atEvent?: number }> = [
        ...Array.from({ length: RANDOM_KILLS }, () => ({ afterMs: Math.round(random() * buildMs * 1.2) })),
        // Near the end of a build, where the write and the swap happen.
        ...Array.from({ length: RANDOM_KILLS }, () => ({ afterMs: Math.round((0.85 + random() * 0.25) * buildMs) })),
        // Aimed at the write: the lock's private file, the lock, the staging folder, the two renames, the clean-up.
        ...[1, 2, 3, 4, 5, 6, 7].map((atEvent) => ({ atEvent })),
      ];
      let current: 'a' | 'b' = 'a';
      const outcomes: Record<string, number> = { previous: 0, next: 0, 'between renames': 0, finished: 0 };
      for (const plan of plans) {
        const next: 'a' | 'b' = current === 'a' ? 'b' : 'a';
        const run = await build(next === 'a' ? packA.root : packB.root, out, plan);
        expect(run.stderr).not.toMatch(STACK_TRACE);
        const tree = readOutputTree(out);
        if (!run.killed) {
          expect({ plan, code: run.code }).toEqual({ plan, code: 0 });
          expect(same(tree, reference[next])).toBe(true);
          outcomes.finished++;
          current = next;
          continue;
        }
        expect(run.signal).toBe('SIGKILL');
        if (tree === 'missing') {
          // Killed between the two renames: the previous output is complete under its retired name.
          const retired = leftoversBeside(out).filter((name) => name.startsWith('.out.old-'));
          expect(retired).toHaveLength(1);
          expect(same(readOutputTree(path.join(work.root, retired[0])), reference[current])).toBe(true);
          outcomes['between renames']++;
        } else if (same(tree, reference[current])) {
          outcomes.previous++;
        } else {
          expect({ plan, whole: same(tree, reference[next]) }).toEqual({ plan, whole: true });
          outcomes.next++;
          current = next;
        }
      }
      // Where the kills landed, for docs/reliability.md; the counts vary with the machine's speed and load.
      if (process.env.IMPACT_PACK_TEST_REPORT) console.log(`SIGKILL outcomes: ${JSON.stringify(outcomes)}`);
      // The next build recovers whatever the last kill left and completes.
      const last = await build(packA.root, out);
      expect(last.code).toBe(0);
      expect(same(readOutputTree(out), reference.a)).toBe(true);
      expect(leftoversBeside(out)).toEqual([]);
      expect(readdirSync(work.root)).toEqual(['out']);
      expect({ a: fingerprintPack(packA.root), b: fingerprintPack(packB.root) }).toEqual(evidence);
      // Kills landed before the swap as well as after it.
      expect(outcomes.previous).toBeGreaterThan(0);
      expect(outcomes.previous + outcomes.next + outcomes['between renames']).toBeGreaterThanOrEqual(plans.length / 2);
      expect(existsSync(out)).toBe(true);
    } finally {
      packA.cleanup();
      packB.cleanup();
      work.cleanup();
    }
  },
  20 * 60_000,
);
