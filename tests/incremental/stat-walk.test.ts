import { mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { statTree } from '../../src/incremental/stat-walk';
import { tempDir } from '../helpers/temp-pack';
import { ageFiles } from './helpers';

describe('statTree', () => {
  let t: { root: string; cleanup: () => void };
  beforeEach(() => {
    t = tempDir({ 'impact-pack.yaml': 'edition: "2022"\n', 'items/a.yaml': 'id: a\n', 'files/x.pdf': '%PDF-1.7\n' });
    ageFiles(t.root);
  });
  afterEach(() => t.cleanup());

  it('gives the same digest for an unchanged tree, and a new one for an edit, an addition or a rename', () => {
    const first = statTree(t.root);
    expect(statTree(t.root)).toEqual(first);
    expect(first.files).toBe(3);

    writeFileSync(path.join(t.root, 'items/a.yaml'), 'id: b\n');
    const edited = statTree(t.root);
    expect(edited.digest).not.toBe(first.digest);

    writeFileSync(path.join(t.root, 'items/b.yaml'), 'id: c\n');
    const added = statTree(t.root);
    expect(added.digest).not.toBe(edited.digest);

    renameSync(path.join(t.root, 'items/b.yaml'), path.join(t.root, 'items/c.yaml'));
    expect(statTree(t.root).digest).not.toBe(added.digest);
  });

  it('leaves out version control, installed packages and the folders it is told to skip', () => {
    const before = statTree(t.root, ['.impact-pack-cache']);
    for (const dir of ['.git', 'node_modules/x', '.impact-pack-cache']) {
      mkdirSync(path.join(t.root, dir), { recursive: true });
      writeFileSync(path.join(t.root, dir, 'file'), 'anything');
    }
    expect(statTree(t.root, ['.impact-pack-cache'])).toEqual(before);
    expect(statTree(t.root).digest).not.toBe(before.digest);
  });

  it('describes a symbolic link by its target, without following it', () => {
    symlinkSync('/etc', path.join(t.root, 'files/outside'));
    const linked = statTree(t.root);
    expect(linked.files).toBe(4);
    symlinkSync('/usr', path.join(t.root, 'files/other'));
    expect(statTree(t.root).files).toBe(5);
  });

  it('reports the newest modification time, so that a just-saved file is noticed', () => {
    const old = statTree(t.root).newestMtimeMs;
    expect(old).toBeLessThan(Date.now() - 60_000);
    writeFileSync(path.join(t.root, 'items/a.yaml'), 'id: new\n');
    expect(statTree(t.root).newestMtimeMs).toBeGreaterThan(old);
  });
});
