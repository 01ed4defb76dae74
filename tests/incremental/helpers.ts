import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { CACHE_FOLDER } from '../../src/files/cache-folder';
import { copyToTemp } from '../helpers/temp-pack';

/**
 * A copy of a fixture pack without its cache folder: other tests run commands on the fixtures in place,
 * which leaves hash and build caches there, and a test of caching must start from none.
 */
export function copyPack(source: string): { root: string; cleanup: () => void } {
  const copy = copyToTemp(source);
  rmSync(path.join(copy.root, CACHE_FOLDER), { recursive: true, force: true });
  return copy;
}

/**
 * Sets every file's modification time an hour back. Saved results are not kept for files changed in the
 * last two seconds of a run (they could change again unseen), so tests of reuse age their packs first.
 */
export function ageFiles(root: string, ago = 3600_000): void {
  const when = new Date(Date.now() - ago);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile()) utimesSync(abs, when, when);
    }
  };
  walk(root);
}

/** Whether a path exists. */
export function exists(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false }) !== undefined;
}
