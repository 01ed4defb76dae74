import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadPack } from '../../src/pipeline/load-pack';
import { HASH_CACHE_FILE } from '../../src/files/hash-cache';
import { CACHE_FOLDER } from '../../src/files/cache-folder';
import { MINIMAL_CONFIG, FIXED, tempDir } from '../helpers/temp-pack';

/** A pack in a temporary folder with one item citing `refs`, plus the given files. */
function packWith(refs: string[], files: Record<string, string | Uint8Array>) {
  const item = [
    'id: the-item',
    'sdg: 17',
    'metric: "17.2.2"',
    'kind: practice',
    'title: An item citing files',
    'narrative: The university hosted a forum in 2020.',
    'supporting_files:',
    ...refs.map((r) => `  - ${JSON.stringify(r)}`),
    'status: draft',
    'period: { start: 2020-03-01, end: 2020-03-31 }',
    '',
  ].join('\n');
  return tempDir({ 'impact-pack.yaml': MINIMAL_CONFIG, 'items/item.yaml': item, ...files });
}

const PDF = '%PDF-1.4\n% test\n';
const codes = (r: Awaited<ReturnType<typeof loadPack>>) => r.diagnostics.map((d) => `${d.line} ${d.code}`);
/** Every file older than the cache's safety margin, so that the cache may remember it. */
function age(root: string, files: string[]) {
  const old = new Date('2021-01-01T00:00:00Z');
  for (const f of files) utimesSync(path.join(root, f), old, old);
}

describe('resolving supporting files', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));
  const make = (refs: string[], files: Record<string, string | Uint8Array>) => {
    const t = packWith(refs, files);
    cleanups.push(t.cleanup);
    return t.root;
  };

  it('matches a reference typed in NFC to a file name macOS wrote in NFD', async () => {
    const nfd = 'files/re\u0301sume\u0301.pdf';
    const root = make(['files/r\u00e9sum\u00e9.pdf'], { [nfd]: PDF });
    const r = await loadPack(root, { ...FIXED, cache: false });
    expect(codes(r)).toEqual([]);
    expect(r.pack!.files.files.map((f) => f.path)).toEqual(['files/r\u00e9sum\u00e9.pdf']);
    expect(r.pack!.files.byItem.get('the-item')).toEqual(['files/r\u00e9sum\u00e9.pdf']);
  });

  it('matches a folder written in NFD too, and a glob through it', async () => {
    const root = make(['files/\u00e9t\u00e9/*.pdf'], { ['files/\u00e9t\u00e9/a.pdf'.normalize('NFD')]: PDF });
    const r = await loadPack(root, { ...FIXED, cache: false });
    expect(codes(r)).toEqual([]);
    expect(r.pack!.files.files.map((f) => f.path)).toEqual(['files/\u00e9t\u00e9/a.pdf']);
  });

  it('escapes literal paths, so that glob characters in a file name are taken literally', async () => {
    const root = make(['files/[draft] policy (v2).pdf', 'files/rapport (final).pdf'], { 'files/[draft] policy (v2).pdf': PDF, 'files/rapport (final).pdf': `${PDF}2` });
    const r = await loadPack(root, { ...FIXED, cache: false });
    expect(codes(r)).toEqual([]);
    expect(r.pack!.files.files).toHaveLength(2);
  });

  it('warns about two names that differ only in letter case, which macOS and Windows cannot hold', async () => {
    const root = make(['files/report.pdf'], { 'files/report.pdf': PDF, 'files/Report.pdf': `${PDF}x` });
    const r = await loadPack(root, { ...FIXED, cache: false });
    const collision = r.diagnostics.find((d) => d.code === 'FILE_CASE_COLLISION');
    expect(collision).toMatchObject({ severity: 'warning', file: 'items/item.yaml', line: 8, column: 5 });
    expect(collision!.message).toBe('"files/report.pdf" and "files/Report.pdf" differ only in letter case; macOS and Windows cannot hold both.');
  });

  it('warns about folders that differ only in letter case', async () => {
    const root = make(['files/a.pdf'], { 'files/a.pdf': PDF, 'Files/b.pdf': PDF });
    const r = await loadPack(root, { ...FIXED, cache: false });
    expect(r.diagnostics.find((d) => d.code === 'FILE_CASE_COLLISION')?.message).toContain('"files" and "Files"');
  });

  it('reports a link to a file outside the pack as leaving the pack, and never lists it', async () => {
    const outside = tempDir({ 'secret.txt': 'do not read' });
    cleanups.push(outside.cleanup);
    const root = make(['files/secret.txt', 'files/via/secret.txt', 'files/inside.pdf'], { 'files/target.pdf': PDF });
    symlinkSync(path.join(outside.root, 'secret.txt'), path.join(root, 'files/secret.txt'));
    symlinkSync(outside.root, path.join(root, 'files/via'));
    symlinkSync(path.join(root, 'files/target.pdf'), path.join(root, 'files/inside.pdf'));
    const r = await loadPack(root, { ...FIXED, cache: false });
    expect(codes(r).sort()).toEqual(['8 FILE_OUTSIDE_PACK', '9 FILE_OUTSIDE_PACK']);
    // A link inside the pack is followed; its target counts as cited, not as an orphan.
    expect(r.pack!.files.files.map((f) => f.path)).toEqual(['files/inside.pdf']);
    expect(r.pack!.files.orphans).toEqual([]);
    expect(JSON.stringify(r.pack!.files)).not.toContain('secret');
  });

  it('resolves paths with ./ and inner .. that stay inside the pack', async () => {
    const root = make(['./files/a.pdf', 'files/sub/../b.pdf'], { 'files/a.pdf': PDF, 'files/b.pdf': `${PDF}b` });
    const r = await loadPack(root, { ...FIXED, cache: false });
    expect(codes(r)).toEqual([]);
    expect(r.pack!.files.byItem.get('the-item')).toEqual(['files/a.pdf', 'files/b.pdf']);
  });

  it('records size, hash, media type and citing item of each file', async () => {
    const root = make(['files/*.pdf'], { 'files/a.pdf': PDF });
    const r = await loadPack(root, { ...FIXED, cache: false });
    expect(r.pack!.files.files).toEqual([
      {
        path: 'files/a.pdf',
        size: PDF.length,
        sha256: createHash('sha256').update(PDF).digest('hex'),
        mediaType: 'application/pdf',
        content: 'pdf',
        citedBy: [{ itemId: 'the-item', sdg: 17, metric: '17.2.2', file: 'items/item.yaml', line: 8 }],
      },
    ]);
  });
});

describe('the hash cache', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));
  const files = { 'files/a.pdf': PDF, 'files/b.csv': 'x,y\n1,2\n', 'files/orphan.pdf': PDF };
  const setUp = () => {
    const t = packWith(['files/a.pdf', 'files/b.csv'], files);
    cleanups.push(t.cleanup);
    age(t.root, Object.keys(files));
    return t.root;
  };

  it('re-hashes nothing when an unchanged pack is validated again', async () => {
    const root = setUp();
    const first = await loadPack(root, FIXED);
    // Two cited files, and the orphan because it has the size of a cited file.
    expect(first.pack!.files.hashing).toEqual({ hashed: 3, reused: 0, cache: 'absent' });
    const second = await loadPack(root, FIXED);
    expect(second.pack!.files.hashing).toEqual({ hashed: 0, reused: 3, cache: 'loaded' });
    expect(second.pack!.files.files).toEqual(first.pack!.files.files);
  });

  it('re-hashes a file whose size or modification time changed', async () => {
    const root = setUp();
    await loadPack(root, FIXED);
    writeFileSync(path.join(root, 'files/b.csv'), 'x,y\n1,3\n');
    utimesSync(path.join(root, 'files/b.csv'), new Date('2021-02-01'), new Date('2021-02-01'));
    const again = await loadPack(root, FIXED);
    expect(again.pack!.files.hashing).toEqual({ hashed: 1, reused: 2, cache: 'loaded' });
  });

  it('detects a damaged or tampered cache and rebuilds it instead of trusting it', async () => {
    const root = setUp();
    const truth = (await loadPack(root, FIXED)).pack!.files.files;
    const file = path.join(root, CACHE_FOLDER, HASH_CACHE_FILE);
    const cache = JSON.parse(readFileSync(file, 'utf8'));
    cache.entries['files/a.pdf'].sha256 = '0'.repeat(64);
    writeFileSync(file, JSON.stringify(cache));
    const tampered = await loadPack(root, FIXED);
    expect(tampered.pack!.files.hashing.cache).toBe('rebuilt');
    expect(tampered.pack!.files.files).toEqual(truth);

    writeFileSync(file, '{"format": "impact-pack/file-hashes", "vers');
    const truncated = await loadPack(root, FIXED);
    expect(truncated.pack!.files.hashing).toEqual({ hashed: 3, reused: 0, cache: 'rebuilt' });
    expect((await loadPack(root, FIXED)).pack!.files.hashing.cache).toBe('loaded');
  });

  it('does not remember files modified moments before the run, whose timestamps cannot be trusted yet', async () => {
    const t = packWith(['files/a.pdf'], { 'files/a.pdf': PDF });
    cleanups.push(t.cleanup);
    await loadPack(t.root, FIXED);
    expect((await loadPack(t.root, FIXED)).pack!.files.hashing.hashed).toBe(1);
  });

  it('neither reads nor writes a cache folder that is a link', async () => {
    const root = setUp();
    const elsewhere = tempDir();
    cleanups.push(elsewhere.cleanup);
    symlinkSync(elsewhere.root, path.join(root, CACHE_FOLDER));
    const r = await loadPack(root, FIXED);
    expect(r.pack!.files.hashing.hashed).toBe(3);
    expect(readdirSync(elsewhere.root)).toEqual([]);
  });

  it('stays off when the caller turns it off', async () => {
    const root = setUp();
    await loadPack(root, { ...FIXED, cache: false });
    expect(existsSync(path.join(root, CACHE_FOLDER))).toBe(false);
  });
});

describe('orphans under configured roots', () => {
  it('searches the roots of supporting_files.roots, skips ignored files and the snapshots folder', async () => {
    const config = `${MINIMAL_CONFIG}supporting_files:\n  roots: [files, evidence-docs]\n  ignore: ["**/*.md"]\n`;
    const t = tempDir({
      'impact-pack.yaml': config,
      'items/x.yaml': 'id: x\nsdg: 17\nmetric: "17.2.2"\nkind: practice\ntitle: Item x\nnarrative: A forum in 2020.\nstatus: draft\n',
      'files/a.pdf': PDF,
      'files/notes.md': '# notes',
      'evidence-docs/b.pdf': PDF,
      'other/c.pdf': PDF,
      'snapshots/2021/page.html': '<html></html>',
    });
    mkdirSync(path.join(t.root, 'files/node_modules/pkg'), { recursive: true });
    writeFileSync(path.join(t.root, 'files/node_modules/pkg/d.pdf'), PDF);
    try {
      const r = await loadPack(t.root, { ...FIXED, cache: false });
      expect(r.pack!.files.orphans.map((o) => o.path)).toEqual(['evidence-docs/b.pdf', 'files/a.pdf']);
      expect(r.pack!.files.roots).toEqual(['evidence-docs', 'files']);
    } finally {
      t.cleanup();
    }
  });

  it('does not call the institution logo an orphan when it is kept among the supporting files', async () => {
    const config = MINIMAL_CONFIG.replace('  name: Test University\n', '  name: Test University\n  logo: ./files/logo.png\n');
    const t = tempDir({
      'impact-pack.yaml': config,
      'items/x.yaml': 'id: x\nsdg: 17\nmetric: "17.2.2"\nkind: practice\ntitle: Item x\nnarrative: A forum in 2020.\nstatus: draft\n',
      'files/logo.png': '\x89PNG\r\n\x1a\n',
      'files/forgotten.pdf': PDF,
    });
    try {
      const r = await loadPack(t.root, { ...FIXED, cache: false });
      expect(r.pack!.files.orphans.map((o) => o.path)).toEqual(['files/forgotten.pdf']);
    } finally {
      t.cleanup();
    }
  });
});
