import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { folderDigest } from '../../src/incremental/folder-digest';
import { toolFingerprint } from '../../src/incremental/tool-fingerprint';
import { tempDir } from '../helpers/temp-pack';

describe('folderDigest', () => {
  it('changes with content, not with modification times (tsc rewrites unchanged files on every run)', () => {
    const t = tempDir({ 'a.js': 'one', 'sub/b.js': 'two', 'sub/b.d.ts': 'types' });
    try {
      const first = folderDigest(t.root);
      utimesSync(path.join(t.root, 'a.js'), new Date(2000, 0, 1), new Date(2000, 0, 1));
      writeFileSync(path.join(t.root, 'sub/b.js'), 'two');
      expect(folderDigest(t.root)).toBe(first);
      writeFileSync(path.join(t.root, 'sub/b.js'), 'three');
      expect(folderDigest(t.root)).not.toBe(first);

      const code = (name: string) => !name.endsWith('.d.ts');
      const withoutTypes = folderDigest(t.root, code);
      writeFileSync(path.join(t.root, 'sub/b.d.ts'), 'other types');
      expect(folderDigest(t.root, code)).toBe(withoutTypes);
    } finally {
      t.cleanup();
    }
  });

  it('describes a missing folder instead of failing', () => {
    expect(folderDigest('/nonexistent/impact-pack-templates')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives impact-pack one fingerprint per process', () => {
    expect(toolFingerprint()).toBe(toolFingerprint());
    expect(toolFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });
});
