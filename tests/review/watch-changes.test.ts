/**
 * How the desk learns that a file changed on disk: the watcher of `impact-pack watch`, or, where its native
 * module cannot be loaded, polling the modification times. Both must report an editor's save; the desk's own
 * lock and backups must not count as changes. Waits are bounded and never measured.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WatcherUnavailable } from '../../src/incremental/file-watcher';
import { DeskState } from '../../src/review/desk-state';
import { watchForChanges, type ChangeWatch } from '../../src/review/watch-changes';
import { copyToTemp, FIXED } from '../helpers/temp-pack';

const VALID = path.join(__dirname, '../fixtures/packs/valid');
const ITEM = 'items/sdg-07/energy-policy.yaml';

/** Resolves when `count()` exceeds `from`, or fails after a bounded number of checks. */
async function changeSeen(count: () => number, from: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (count() > from) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no change was reported');
}

describe.each([
  ['the native watcher', undefined],
  [
    'polling, when the watcher cannot be loaded',
    async () => {
      throw new WatcherUnavailable('no native module here');
    },
  ],
])('watchForChanges with %s', (what, start) => {
  const pack = copyToTemp(VALID);
  let watch: ChangeWatch;
  let changes = 0;

  beforeAll(async () => {
    const state = new DeskState(pack.root, FIXED);
    await state.reload();
    watch = await watchForChanges(state, () => changes++, start);
  }, 30_000);

  afterAll(async () => {
    await watch?.close();
    pack.cleanup();
  });

  it('uses the mode it says', () => {
    expect(watch.mode).toBe(what.startsWith('polling') ? 'poll' : 'watcher');
  });

  it('reports a save of an item file', async () => {
    const before = changes;
    const file = path.join(pack.root, ITEM);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Energy-efficient', 'Low-energy'));
    await changeSeen(() => changes, before);
  }, 30_000);

  if (!what.startsWith('polling')) {
    it('does not count the desk\'s own backups and lock, but does count the next save', async () => {
      const before = changes;
      mkdirSync(path.join(pack.root, '.impact-pack-backups/x'), { recursive: true });
      writeFileSync(path.join(pack.root, '.impact-pack-backups/x/copy.yaml'), 'id: x\n');
      writeFileSync(path.join(pack.root, '.impact-pack.lock'), '1');
      // The next save is reported once; the backup and the lock before it added nothing of their own.
      const file = path.join(pack.root, ITEM);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const afterNoise = changes;
      writeFileSync(file, readFileSync(file, 'utf8').replace('Low-energy', 'Energy-efficient'));
      await changeSeen(() => changes, afterNoise);
      expect(afterNoise).toBe(before);
    }, 30_000);
  }
});
