import { rmSync } from 'node:fs';
import path from 'node:path';
import { writeOutputAtomically } from '../../src/write/atomic-output';
import { nodeOutputFileSystem } from '../../src/write/output-fs';
import { lockPathFor } from '../../src/write/output-lock';
import { recoverInterruptedOutput } from '../../src/write/output-recovery';
import { tempDir } from '../helpers/temp-pack';
import { crashAfter, failWhen } from './fault-fs';
import { leftoversBeside, readOutputTree, type OutputTree } from './output-tree';

/**
 * A crash at every single file-system operation of a build's write, one after the other: the process
 * "dies" there (nothing after it reaches the disk, not even clean-up). At that instant the output folder
 * must hold the previous output whole, or the new one whole, or, only between the two renames of the swap,
 * nothing, with the previous output recoverable; and after the next build's recovery step, a whole output
 * again, with no staging or retired folder left behind.
 */
const PREVIOUS = new Map<string, string>([
  ['gap-report.md', '# previous report\n'],
  ['sdg-07.html', '<p>previous seven</p>\n'],
  ['traceability/files.csv', 'previous,csv\n'],
]);
const NEXT = new Map<string, string>([
  ['gap-report.md', '# next report\n'],
  ['sdg-07.html', '<p>next seven</p>\n'],
  ['sdg-17.html', '<p>next seventeen</p>\n'],
  ['traceability/files.csv', 'next,csv\n'],
]);

let previousTree: OutputTree;
let nextTree: OutputTree;
let operations: number;

beforeAll(async () => {
  const t = tempDir();
  try {
    const out = path.join(t.root, 'out');
    await writeOutputAtomically(out, PREVIOUS);
    previousTree = readOutputTree(out);
    const counting = failWhen(() => false, 'UNUSED');
    await writeOutputAtomically(out, NEXT, { fs: counting });
    nextTree = readOutputTree(out);
    operations = counting.log.length;
  } finally {
    t.cleanup();
  }
});

test('the two outputs differ, so that a mix of them would be noticed', () => {
  expect(previousTree).not.toEqual(nextTree);
  expect(operations).toBeGreaterThan(10);
});

test('a crash at any operation leaves a whole output, at once or after recovery', async () => {
  const states: Record<string, number> = { previous: 0, next: 0, 'between renames': 0 };
  for (let n = 0; n <= operations; n++) {
    const t = tempDir();
    try {
      const out = path.join(t.root, 'out');
      await writeOutputAtomically(out, PREVIOUS);
      const crashing = crashAfter(n);
      await writeOutputAtomically(out, NEXT, { fs: crashing }).catch(() => undefined);

      const atCrash = readOutputTree(out);
      const state = atCrash === 'missing' ? 'between renames' : JSON.stringify(atCrash) === JSON.stringify(nextTree) ? 'next' : 'previous';
      if (state === 'previous') expect({ n, tree: atCrash }).toEqual({ n, tree: previousTree });
      states[state]++;

      // The crashed "process" is this one, which lives on; a real next build is another process and takes
      // over the dead one's lock and private lock files (tested in output-lock.test.ts). Play that part here.
      for (const name of leftoversBeside(out).filter((f) => f.startsWith(path.basename(lockPathFor(out))))) {
        rmSync(path.join(t.root, name), { force: true });
      }
      await recoverInterruptedOutput(nodeOutputFileSystem, out);
      const recovered = readOutputTree(out);
      expect({ n, tree: recovered }).toEqual({ n, tree: state === 'next' ? nextTree : previousTree });
      expect({ n, leftovers: leftoversBeside(out) }).toEqual({ n, leftovers: [] });

      // And the next build then succeeds.
      await writeOutputAtomically(out, NEXT, { lockWaitMs: 0 });
      expect(readOutputTree(out)).toEqual(nextTree);
    } finally {
      t.cleanup();
    }
  }
  // Where the crashes landed, for docs/reliability.md.
  if (process.env.IMPACT_PACK_TEST_REPORT) console.log(`crash points: ${operations + 1}, outcomes: ${JSON.stringify(states)}`);
  // Every phase was hit: crashes before the swap, between its renames, and after it.
  expect(states.previous).toBeGreaterThan(0);
  expect(states['between renames']).toBeGreaterThan(0);
  expect(states.next).toBeGreaterThan(0);
});
