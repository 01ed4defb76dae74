import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { watchPack, type WatchCycle } from '../../src/incremental/watch-session';
import { FIXED, REPO_ROOT, tempDir } from '../helpers/temp-pack';
import { copyPack } from './helpers';

const VALID = path.join(REPO_ROOT, 'tests/fixtures/packs/valid');
const ITEM_7 = 'items/sdg-07/energy-policy.yaml';

/** Collects cycles and lets a test wait for the next one; a test that never sees it fails on jest's timeout. */
function cycleQueue() {
  const seen: WatchCycle[] = [];
  const waiting: ((c: WatchCycle) => void)[] = [];
  return {
    seen,
    onCycle: (c: WatchCycle) => {
      seen.push(c);
      waiting.splice(0).forEach((w) => w(c));
    },
    next: (count: number) => (seen.length >= count ? Promise.resolve(seen[count - 1]) : new Promise<WatchCycle>((r) => waiting.push(() => seen.length >= count && r(seen[count - 1])))),
  };
}

describe('watchPack', () => {
  let pack: { root: string; cleanup: () => void };
  beforeEach(() => {
    pack = copyPack(VALID);
  });
  afterEach(() => pack.cleanup());

  it('validates at the start and again after a file is saved, reporting what changed', async () => {
    const controller = new AbortController();
    const cycles = cycleQueue();
    const errors: Error[] = [];
    const session = watchPack(pack.root, { signal: controller.signal, load: { env: FIXED.env, now: FIXED.now }, debounceMs: 50, onCycle: cycles.onCycle, onError: (e) => errors.push(e) });
    const first = await cycles.next(1);
    expect(first).toMatchObject({ number: 1, changed: [] });
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    const file = path.join(pack.root, ITEM_7);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: /m, 'title: TODO '));
    const second = await cycles.next(2);
    expect(second.changed).toContain(ITEM_7);
    expect(second.diagnostics.map((d) => d.code)).toContain('PLACEHOLDER_TEXT');

    controller.abort();
    await session;
    expect(errors).toEqual([]);
  });

  it('builds into the output folder, re-rendering only what changed, and is not woken by its own output', async () => {
    const out = tempDir();
    try {
      const controller = new AbortController();
      const cycles = cycleQueue();
      // The output folder inside the pack, as by default: writing it must not start another cycle.
      const outDir = path.join(pack.root, 'out');
      const session = watchPack(pack.root, {
        signal: controller.signal,
        build: { outDir, formats: ['html'], version: '0.0.0-test', env: FIXED.env, now: FIXED.now },
        debounceMs: 50,
        onCycle: cycles.onCycle,
      });
      const first = await cycles.next(1);
      expect(first.build?.written).toContain('sdg-07.html');

      const file = path.join(pack.root, ITEM_7);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: /m, 'title: Revised '));
      const second = await cycles.next(2);
      const outcomes = Object.fromEntries((second.build?.documents ?? []).map((d) => [d.sdg, d.reused]));
      expect(outcomes).toEqual({ 7: false, 17: true });
      expect(readFileSync(path.join(outDir, 'sdg-07.html'), 'utf8')).toContain('Revised');

      // Let any event from the second build's writes arrive; none may start a third cycle.
      await new Promise((r) => setTimeout(r, 500));
      controller.abort();
      await session;
      expect(cycles.seen).toHaveLength(2);
    } finally {
      out.cleanup();
    }
  });
});
