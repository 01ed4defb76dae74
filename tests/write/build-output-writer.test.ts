import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildPack, type BuildOptions } from '../../src/pipeline/build';
import type { ProgressEvent } from '../../src/pipeline/load-pack';
import { BuildOutputWriter } from '../../src/write/build-output-writer';
import { writeOutputAtomically } from '../../src/write/atomic-output';
import { failWhen } from '../hardening/fault-fs';
import { leftoversBeside, readOutputTree } from '../hardening/output-tree';
import { copyToTemp, FIXED, tempDir } from '../helpers/temp-pack';

/**
 * A build writes each document into the staging folder as soon as it is rendered, instead of holding every
 * document's bytes until the end; the output folder is still replaced whole, or left as it was.
 */
const VALID = path.join(__dirname, '../fixtures/packs/valid');

const buildOptions = (outDir: string, extra: Partial<BuildOptions> = {}): BuildOptions => ({
  outDir,
  formats: ['html'],
  version: '0.0.0-test',
  env: FIXED.env,
  now: FIXED.now,
  ...extra,
});

/** The files in the one staging folder beside `out`, or undefined when there is none. */
function stagedFiles(out: string): string[] | undefined {
  const staging = leftoversBeside(out).filter((name) => name.includes('.staging-'));
  if (staging.length === 0) return undefined;
  expect(staging).toHaveLength(1);
  return readdirSync(path.join(path.dirname(out), staging[0])).sort();
}

test('no SDG document is rendered once the output cannot be written (a folder impact-pack did not write)', async () => {
  const pack = copyToTemp(VALID);
  const t = tempDir({ 'out/notes.txt': 'mine' });
  try {
    const out = path.join(t.root, 'out');
    const documents: number[] = [];
    const onProgress = (event: ProgressEvent) => {
      if (event.phase === 'documents') documents.push(event.done);
    };
    const result = await buildPack(pack.root, buildOptions(out, { onProgress }));
    expect(result.outputError).toMatch(/did not write/);
    // The loop stops before its first document: only the final progress event, with nothing done.
    expect(documents).toEqual([0]);
    expect(readOutputTree(out)).toEqual({ 'notes.txt': Buffer.from('mine').toString('base64') });
    expect(leftoversBeside(out)).toEqual([]);
  } finally {
    pack.cleanup();
    t.cleanup();
  }
});

test('a rendered document is on the disk, in the staging folder, before the next one is rendered', async () => {
  const pack = copyToTemp(VALID);
  const t = tempDir();
  try {
    const out = path.join(t.root, 'out');
    const seen: Array<{ done: number; staged?: string[]; output: boolean }> = [];
    const onProgress = (event: ProgressEvent) => {
      if (event.phase === 'documents') seen.push({ done: event.done, staged: stagedFiles(out), output: existsSync(out) });
    };
    const result = await buildPack(pack.root, buildOptions(out, { onProgress }));
    expect(result.sdgs).toEqual([7, 17]);
    // Before SDG 7: the gap report is written, no SDG document yet; before SDG 17: SDG 7's document is written.
    expect(seen[0].staged).toEqual(expect.arrayContaining(['gap-report.md', 'gap-report.html', 'gap-report.json']));
    expect(seen[0].staged).not.toContain('sdg-07.html');
    expect(seen[1].staged).toContain('sdg-07.html');
    expect(seen[1].staged).not.toContain('sdg-17.html');
    // The output folder itself appears only at the swap, with the marker.
    expect(seen.map((s) => s.output)).toEqual([false, false, false]);
    expect(result.written).toEqual([...result.written].sort());
    expect(Object.keys(readOutputTree(out) as Record<string, string>)).toEqual([...result.written, '.impact-pack-output'].sort());
    expect(leftoversBeside(out)).toEqual([]);
  } finally {
    pack.cleanup();
    t.cleanup();
  }
});

test('a build that throws while rendering leaves the previous output whole, no staging folder and no lock', async () => {
  const pack = copyToTemp(VALID);
  const t = tempDir();
  try {
    const out = path.join(t.root, 'out');
    await buildPack(pack.root, buildOptions(out));
    const previous = readOutputTree(out);
    const onProgress = (event: ProgressEvent) => {
      if (event.phase === 'documents' && event.done === 1) throw new Error('a bug while rendering');
    };
    await expect(buildPack(pack.root, buildOptions(out, { formats: ['html', 'pdf'], onProgress }))).rejects.toThrow('a bug while rendering');
    expect(readOutputTree(out)).toEqual(previous);
    expect(leftoversBeside(out)).toEqual([]);
    // And the lock was released: the next build does not wait for it.
    expect((await buildPack(pack.root, buildOptions(out, { output: { lockWaitMs: 0 } }))).outputError).toBeUndefined();
  } finally {
    pack.cleanup();
    t.cleanup();
  }
});

describe('BuildOutputWriter', () => {
  it('keeps the first write failure, ignores later files, and throws it at the end', async () => {
    const t = tempDir();
    try {
      const out = path.join(t.root, 'out');
      await writeOutputAtomically(out, new Map([['a.txt', 'previous']]));
      const previous = readOutputTree(out);
      const fs = failWhen((op) => op.name === 'writeFileDurably' && op.path.endsWith('b.txt'), 'ENOSPC');
      const writer = await BuildOutputWriter.open(out, { fs });
      await writer.put('a.txt', 'next');
      await writer.put('b.txt', 'next');
      await writer.put('c.txt', 'next');
      // The staging folder went with the failure, not at the end of the build.
      expect(leftoversBeside(out)).toEqual([]);
      await expect(writer.finish()).rejects.toMatchObject({ code: 'ENOSPC' });
      // The log holds the operations that succeeded: a.txt, and nothing after b.txt failed.
      expect(fs.log.filter((op) => op.name === 'writeFileDurably').map((op) => path.basename(op.path))).toEqual(['a.txt']);
      expect(readOutputTree(out)).toEqual(previous);
    } finally {
      t.cleanup();
    }
  });

  it('keeps a failure to open (a folder impact-pack did not write) until the end', async () => {
    const t = tempDir({ 'out/notes.txt': 'mine' });
    try {
      const out = path.join(t.root, 'out');
      const writer = await BuildOutputWriter.open(out);
      await writer.put('a.txt', 'next');
      await expect(writer.finish()).rejects.toThrow(/did not write/);
      expect(readOutputTree(out)).toEqual({ 'notes.txt': Buffer.from('mine').toString('base64') });
      expect(leftoversBeside(out)).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it('abandoned, leaves the previous output as it was and can be abandoned again', async () => {
    const t = tempDir();
    try {
      const out = path.join(t.root, 'out');
      await writeOutputAtomically(out, new Map([['a.txt', 'previous']]));
      const previous = readOutputTree(out);
      const writer = await BuildOutputWriter.open(out);
      await writer.put('a.txt', 'next');
      await writer.abandon();
      await writer.abandon();
      expect(readOutputTree(out)).toEqual(previous);
      expect(leftoversBeside(out)).toEqual([]);
    } finally {
      t.cleanup();
    }
  });
});
