import { parseHashCache, serialiseHashCache, type FileFacts } from '../../src/files/hash-cache';

const FACTS: FileFacts = { size: 12, mtimeMs: 1600000000000, sha256: 'a'.repeat(64), content: 'pdf' };

describe('the hash cache file', () => {
  it('reads back what it wrote', () => {
    const text = serialiseHashCache(new Map([['files/a.pdf', FACTS]]));
    expect(parseHashCache(text)).toEqual(new Map([['files/a.pdf', FACTS]]));
  });

  it.each([
    ['not JSON', () => '{'],
    ['another format', (t: string) => t.replace('impact-pack/file-hashes', 'something-else')],
    ['another version', (t: string) => t.replace('"version": 1', '"version": 2')],
    ['an entry edited without its checksum', (t: string) => t.replace('"size": 12', '"size": 13')],
    ['a malformed hash', (t: string) => t.replace('a'.repeat(64), 'not-a-hash')],
    ['an unknown content kind', (t: string) => t.replace('"pdf"', '"exe"')],
  ])('rejects %s as damaged', (_, damage) => {
    const text = serialiseHashCache(new Map([['files/a.pdf', FACTS]]));
    expect(parseHashCache(damage(text))).toBeUndefined();
  });
});
