import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ItemCache } from '../../src/incremental/item-cache';
import { loadPack } from '../../src/pipeline/load-pack';
import { FIXED, REPO_ROOT } from '../helpers/temp-pack';
import { copyPack } from './helpers';

const VALID = path.join(REPO_ROOT, 'tests/fixtures/packs/valid');
const OPTIONS = { env: FIXED.env, now: FIXED.now, cache: false };

describe('ItemCache (watch sessions)', () => {
  let pack: { root: string; cleanup: () => void };
  beforeEach(() => {
    pack = copyPack(VALID);
    // A schema error and a YAML error, so that cached diagnostics of both kinds are checked.
    writeFileSync(path.join(pack.root, 'items/sdg-07/bad-status.yaml'), 'id: bad-status\nsdg: 7\nmetric: "7.2.1"\nkind: policy\ntitle: A policy\nnarrative: N.\nstatus: done\n');
    writeFileSync(path.join(pack.root, 'items/sdg-07/broken.yaml'), 'id: broken\ntitle: "unterminated\n');
  });
  afterEach(() => pack.cleanup());

  it('parses only files whose text changed, and gives the same result as a run without it', async () => {
    const cache = new ItemCache();
    const first = await loadPack(pack.root, { ...OPTIONS, itemCache: cache });
    expect(cache.misses).toBe(4);
    const second = await loadPack(pack.root, { ...OPTIONS, itemCache: cache });
    expect(cache.hits).toBe(4);
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(second.pack!.items.map((p) => p.file)).toEqual(first.pack!.items.map((p) => p.file));
    expect(second.pack!.unreadable).toEqual(first.pack!.unreadable);

    const file = path.join(pack.root, 'items/sdg-07/bad-status.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: done', 'status: draft'));
    const third = await loadPack(pack.root, { ...OPTIONS, itemCache: cache });
    expect(cache.misses).toBe(5);
    expect(third.diagnostics).toEqual((await loadPack(pack.root, OPTIONS)).diagnostics);
    expect(third.diagnostics.some((d) => d.code === 'SCHEMA_ENUM')).toBe(false);
  });

  it('forgets deleted files', async () => {
    const cache = new ItemCache();
    await loadPack(pack.root, { ...OPTIONS, itemCache: cache });
    rmSync(path.join(pack.root, 'items/sdg-07/broken.yaml'));
    const after = await loadPack(pack.root, { ...OPTIONS, itemCache: cache });
    expect(after.pack!.unreadable).toEqual([]);
    expect(cache.lookup('items/sdg-07/broken.yaml', 'id: broken\ntitle: "unterminated\n', after.pack!.catalogue)).toBeUndefined();
  });
});
