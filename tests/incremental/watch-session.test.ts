import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { watchLockPathFor, watchPack, type WatchCycle } from '../../src/incremental/watch-session';
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

/** Polls until the condition holds; fails with the description once the deadline passes (never a fixed sleep). */
async function eventually(what: string, condition: () => boolean, deadlineMs = 15_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`not seen within ${deadlineMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const hasSed = spawnSync('sed', ['--version']).status === 0;

describe('watchPack and atomic saves', () => {
  let pack: { root: string; cleanup: () => void };
  beforeEach(() => {
    pack = copyPack(VALID);
  });
  afterEach(() => pack.cleanup());

  it('sees every save that replaces the file (rename over it, sed -i), several times in a row', async () => {
    const controller = new AbortController();
    const cycles = cycleQueue();
    const errors: Error[] = [];
    const session = watchPack(pack.root, { signal: controller.signal, load: { env: FIXED.env, now: FIXED.now }, onCycle: cycles.onCycle, onError: (e) => errors.push(e) });
    await cycles.next(1);
    const file = path.join(pack.root, ITEM_7);
    const original = readFileSync(file, 'utf8');
    const placeholderIn = (c: WatchCycle) => c.diagnostics.some((d) => d.code === 'PLACEHOLDER_TEXT' && d.file === ITEM_7);
    for (let save = 1; save <= 6; save++) {
      const withPlaceholder = save % 2 === 1;
      const title = withPlaceholder ? `TODO ${save}` : `Revision ${save}`;
      const before = cycles.seen.length;
      if (save % 3 === 0 && hasSed) {
        // GNU sed -i writes a temporary file beside the original and renames it over.
        execFileSync('sed', ['-i', `s/^title: .*$/title: ${title}/`, file]);
      } else {
        // What most editors do: write a temporary file, then rename it over the original.
        const temp = path.join(path.dirname(file), `.energy-policy.yaml.${save}.tmp`);
        writeFileSync(temp, original.replace(/^title: .*$/m, `title: ${title}`));
        renameSync(temp, file);
      }
      await eventually(`save ${save} seen (${withPlaceholder ? 'with' : 'without'} a placeholder)`, () =>
        cycles.seen.slice(before).some((c) => c.changed.includes(ITEM_7) && placeholderIn(c) === withPlaceholder),
      );
    }
    // The temporary files of the saves are never reported as changes.
    expect(cycles.seen.flatMap((c) => c.changed).filter((f) => /\.tmp$|\/sed\w{6}$/.test(f))).toEqual([]);
    controller.abort();
    await session;
    expect(errors).toEqual([]);
  });
});

describe('watchPack with a build', () => {
  let pack: { root: string; cleanup: () => void };
  beforeEach(() => {
    pack = copyPack(VALID);
  });
  afterEach(() => pack.cleanup());

  it('hands over the diagnostics before rendering starts', async () => {
    const controller = new AbortController();
    const outDir = path.join(pack.root, 'out');
    const events: string[] = [];
    const cycles = cycleQueue();
    const session = watchPack(pack.root, {
      signal: controller.signal,
      build: { outDir, formats: ['html'], version: '0.0.0-test', env: FIXED.env, now: FIXED.now },
      onValidated: (v) => events.push(`validated ${v.number}: output ${existsSync(path.join(outDir, 'sdg-07.html')) ? 'written' : 'not written'}`),
      onCycle: (c) => {
        events.push(`built ${c.number}: output ${existsSync(path.join(outDir, 'sdg-07.html')) ? 'written' : 'not written'}`);
        cycles.onCycle(c);
      },
    });
    await cycles.next(1);
    expect(events).toEqual(['validated 1: output not written', 'built 1: output written']);
    controller.abort();
    await session;
  });

  it('refuses a second session building into the same output folder, naming the first; takes over a dead one\'s lock', async () => {
    const outDir = path.join(pack.root, 'out');
    const build = { outDir, formats: ['html' as const], version: '0.0.0-test', env: FIXED.env, now: FIXED.now };
    const first = new AbortController();
    const cycles = cycleQueue();
    const session = watchPack(pack.root, { signal: first.signal, build, onCycle: cycles.onCycle });
    await cycles.next(1);

    const second = new AbortController();
    const refused = watchPack(pack.root, { signal: second.signal, build, onCycle: () => undefined });
    await expect(refused).rejects.toThrow(new RegExp(`Another impact-pack watch is already building into .*\\(process ${process.pid} on `));
    // Another output folder is another session's own.
    const elsewhere = new AbortController();
    const other = cycleQueue();
    const third = watchPack(pack.root, { signal: elsewhere.signal, build: { ...build, outDir: path.join(pack.root, 'out-2') }, onCycle: other.onCycle });
    await other.next(1);
    elsewhere.abort();
    await third;

    first.abort();
    await session;
    expect(existsSync(watchLockPathFor(outDir))).toBe(false);

    // A lock left by a watch that was killed (its process no longer exists) is taken over.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(watchLockPathFor(outDir), JSON.stringify({ format: 'impact-pack/output-lock', pid: dead, host: hostname(), token: 'abcdef0123456789', since: '2026-01-01T00:00:00.000Z' }));
    const notes: string[][] = [];
    const again = new AbortController();
    const later = cycleQueue();
    const resumed = watchPack(pack.root, { signal: again.signal, build, onLocked: (n) => notes.push(n), onCycle: later.onCycle });
    await later.next(1);
    expect(notes).toEqual([[expect.stringContaining(`process ${dead}`)]]);
    again.abort();
    await resumed;
  });

  it('creates the output folder\'s parents for its lock, and refuses in words an output it cannot write', async () => {
    const outside = tempDir({ blocker: 'a file, not a folder' });
    try {
      const build = { formats: ['html' as const], version: '0.0.0-test', env: FIXED.env, now: FIXED.now };
      const nested = new AbortController();
      const cycles = cycleQueue();
      const session = watchPack(pack.root, { signal: nested.signal, build: { ...build, outDir: path.join(outside.root, 'new/deeper/out') }, onCycle: cycles.onCycle });
      expect((await cycles.next(1)).build?.written).toContain('sdg-07.html');
      nested.abort();
      await session;

      const blocked = watchPack(pack.root, { signal: new AbortController().signal, build: { ...build, outDir: path.join(outside.root, 'blocker/out') }, onCycle: () => undefined });
      await expect(blocked).rejects.toThrow(/^Could not write .*blocker\/out: .*Nothing was written/);
    } finally {
      outside.cleanup();
    }
  });
});

