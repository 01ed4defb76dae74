import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * The pack's cache folder, `.impact-pack-cache/` at the pack root (git-ignored by `init`). It holds
 * only what can be rebuilt: file hashes and the last link-check results. Every reader treats its
 * content as untrusted; a write that fails (read-only pack) costs speed, never correctness.
 *
 * The caches that decide what is checked or built again (validation results, file hashes, document reuse)
 * are sealed: their first line is an HMAC of the rest under a key kept on this machine, outside any pack
 * (`$XDG_CACHE_HOME/impact-pack/seal-key`, or `~/.cache/…`). A cache file written by hand, committed to
 * the repository or copied from another machine fails the seal and is read as damaged, so a pull request
 * cannot forge a clean validation. The link-check record only reports changes and is not sealed, so that
 * CI can carry it between runs.
 */
export const CACHE_FOLDER = '.impact-pack-cache';

/** The files impact-pack writes in the cache folder; anything else found there is not the tool's, and is an input like any other file. */
export const CACHE_FILES = ['validation.json', 'file-hashes.json', 'build-state.json', 'link-results.json'] as const;

/**
 * In CI (the `CI` variable set, as GitHub Actions, GitLab and most services do), caches found in the
 * checkout came from the repository, not from an earlier run on this machine: they are not read.
 */
export function cachesIgnored(env: Readonly<Record<string, string | undefined>> | undefined): boolean {
  const ci = env?.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

const SEAL_PREFIX = '#impact-pack-seal v1 ';
let sealKey: Buffer | undefined;

/** This machine's key, created on first use; a key that cannot be stored lasts for this process only (caches then never match). */
function machineKey(): Buffer {
  if (sealKey) return sealKey;
  const folder = path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'impact-pack');
  const file = path.join(folder, 'seal-key');
  try {
    const existing = readFileSync(file);
    if (existing.length >= 32) return (sealKey = existing);
  } catch {
    // not created yet
  }
  const fresh = randomBytes(32);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, fresh);
    } finally {
      closeSync(fd);
    }
    return (sealKey = fresh);
  } catch {
    // Another process created it first: use theirs; otherwise this process's own key.
    try {
      const theirs = readFileSync(file);
      if (theirs.length >= 32) return (sealKey = theirs);
    } catch {
      // unreadable
    }
    return (sealKey = fresh);
  }
}

function seal(name: string, text: string): string {
  return createHmac('sha256', machineKey()).update(`${name}\0${text}`).digest('hex');
}

/** The text under a valid seal, or '' (read as damaged) when the seal is missing or wrong. */
function unseal(name: string, text: string): string {
  const end = text.indexOf('\n');
  if (!text.startsWith(SEAL_PREFIX) || end < 0) return '';
  const given = Buffer.from(text.slice(SEAL_PREFIX.length, end), 'utf8');
  const body = text.slice(end + 1);
  const expected = Buffer.from(seal(name, body), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected) ? body : '';
}

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

/**
 * The text of a cache file, or undefined when there is none or it cannot be read. A sealed cache whose
 * seal does not hold reads as '' (damaged), so that it is rebuilt.
 */
export async function readCacheFile(packRoot: string, name: string, options: { sealed?: boolean } = {}): Promise<string | undefined> {
  const folder = await cacheFolder(packRoot, false);
  if (!folder) return undefined;
  const file = path.join(folder, name);
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined || options.sealed === false) return text;
  return unseal(name, text);
}

/**
 * Replaces a cache file in one rename, so that a concurrent reader (two validations at once) sees the
 * old or the new file, never half of one. Returns false when the cache could not be written.
 */
export async function writeCacheFile(packRoot: string, name: string, text: string, options: { sealed?: boolean } = {}): Promise<boolean> {
  const folder = await cacheFolder(packRoot, true);
  if (!folder) return false;
  const target = path.join(folder, name);
  const existing = await lstat(target).catch(() => undefined);
  if (existing && !existing.isFile()) return false;
  const temporary = path.join(folder, `.${name}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, options.sealed === false ? text : `${SEAL_PREFIX}${seal(name, text)}\n${text}`, { flag: 'wx' });
    await rename(temporary, target);
    return true;
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
    return false;
  }
}
