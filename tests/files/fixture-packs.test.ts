import path from 'node:path';
import { loadPack } from '../../src/pipeline/load-pack';
import { actualOf, asLines, expectedDiagnostics } from '../helpers/expectations';
import { FIXED } from '../helpers/temp-pack';

/**
 * The supporting-file fixture packs mark each diagnostic on the referencing line (`# expect: CODE@COLUMN`).
 * Orphans have no referencing line (they are reported on the file itself, line 0), so each pack lists
 * them here instead.
 */
const PACKS: Record<string, string[]> = {
  'files-checks': ['files/minutes-2020-final.pdf:0:0 FILE_ORPHAN', 'files/old-copy.pdf:0:0 FILE_ORPHAN', 'files/photo.png:0:0 FILE_ORPHAN'],
  'files-trace': ['files/sdg-17/draft-notes.txt:0:0 FILE_ORPHAN'],
};

describe.each(Object.entries(PACKS))('fixture pack %s', (name, orphans) => {
  const root = path.join(__dirname, '../fixtures/packs', name);

  it('reports exactly the marked diagnostics and the listed orphans', async () => {
    const result = await loadPack(root, { ...FIXED, cache: false });
    const expected = [...asLines(expectedDiagnostics(root)), ...orphans].sort();
    expect(asLines(actualOf(result.diagnostics)).sort()).toEqual(expected);
  });

  it('gives every diagnostic a message and a hint', async () => {
    const result = await loadPack(root, { ...FIXED, cache: false });
    for (const d of result.diagnostics) {
      expect(d.message.length).toBeGreaterThan(10);
      expect(d.hint?.length ?? 0).toBeGreaterThan(10);
    }
  });
});

describe('messages of the files-checks pack', () => {
  const root = path.join(__dirname, '../fixtures/packs/files-checks');
  let messages: Map<string, string>;
  beforeAll(async () => {
    const result = await loadPack(root, { ...FIXED, cache: false });
    messages = new Map(result.diagnostics.map((d) => [`${d.file}:${d.line} ${d.code}`, d.message]));
  });

  it('suggests the renamed file for a reference that no longer resolves', () => {
    expect(messages.get('items/a-forum.yaml:13 FILE_NOT_FOUND')).toBe(
      'Supporting file "files/minutes-2020.pdf" does not exist in the pack; did you mean "files/minutes-2020-final.pdf" (which no item cites)?',
    );
  });

  it('names the real content of a file whose extension lies', () => {
    expect(messages.get('items/a-forum.yaml:9 FILE_CONTENT_MISMATCH')).toMatch(/"files\/policy\.pdf" is named \.pdf but its first bytes are an HTML web page/);
  });

  it('gives the spelling on disk for a letter-case mismatch, and what a pattern would match ignoring case', () => {
    expect(messages.get('items/a-forum.yaml:14 FILE_CASE_MISMATCH')).toContain('is spelled "files/Energy-Plan.pdf" on disk');
    expect(messages.get('items/a-forum.yaml:15 GLOB_NO_MATCH')).toContain('ignoring letter case it would match "files/photo.png"');
  });

  it('says which orphan is a leftover copy of a cited file', () => {
    expect(messages.get('files/old-copy.pdf:0 FILE_ORPHAN')).toContain('same content as "files/rapport (final).pdf"');
    expect(messages.get('files/photo.png:0 FILE_ORPHAN')).not.toContain('same content');
  });

  it('tells every item citing a shared file, with the threshold and the other items', () => {
    const tail = 'the threshold for this note is 2 metrics (supporting_files.cited_by_many in impact-pack.yaml).';
    expect(messages.get('items/a-forum.yaml:8 FILE_CITED_BY_MANY')).toBe(
      `"files/rapport (final).pdf" is cited for 2 metrics (7.2.2, 17.2.2); ${tail} Also cited by: renovation-programme.`,
    );
    expect(messages.get('items/b-renovation.yaml:8 FILE_CITED_BY_MANY')).toBe(
      `"files/rapport (final).pdf" is cited for 2 metrics (7.2.2, 17.2.2); ${tail} Also cited by: forum-evidence.`,
    );
  });

  it('reports sizes in words a coordinator reads', () => {
    expect(messages.get('items/a-forum.yaml:12 FILE_TOO_LARGE')).toBe('"files/big.csv" is 2.2 KB, more than the pack\'s limit of 1.0 KB.');
  });
});
