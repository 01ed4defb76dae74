import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The pack's cache folder, `.impact-pack-cache/` at the pack root (git-ignored by `init`). It holds
 * only what can be rebuilt: file hashes and the last link-check results. Every reader treats its
 * content as untrusted; a write that fails (read-only pack) costs speed, never correctness.
 */
export const CACHE_FOLDER = '.impact-pack-cache';

/** The folder, or undefined when something other than a plain folder sits there (a link could lead out of the pack). */
async function cacheFolder(packRoot: string, create: boolean): Promise<string | undefined> {
  const folder = path.join(packRoot, CACHE_FOLDER);
  const info = await lstat(folder).catch(() => undefined);
  if (info) return info.isDirectory() ? folder : undefined;
  if (!create) return undefined;
  return mkdir(folder).then(
    () => folder,
    (error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? folder : undefined),
  );
}

/** The text of a cache file, or undefined when there is none or it cannot be read. */
export async function readCacheFile(packRoot: string, name: string): Promise<string | undefined> {
  const folder = await cacheFolder(packRoot, false);
  if (!folder) return undefined;
  const file = path.join(folder, name);
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  return readFile(file, 'utf8').catch(() => undefined);
}

/**
 * Replaces a cache file in one rename, so that a concurrent reader (two validations at once) sees the
 * old or the new file, never half of one. Returns false when the cache could not be written.
 */
export async function writeCacheFile(packRoot: string, name: string, text: string): Promise<boolean> {
  const folder = await cacheFolder(packRoot, true);
  if (!folder) return false;
  const target = path.join(folder, name);
  const existing = await lstat(target).catch(() => undefined);
  if (existing && !existing.isFile()) return false;
  const temporary = path.join(folder, `.${name}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, target);
    return true;
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
    return false;
  }
}
