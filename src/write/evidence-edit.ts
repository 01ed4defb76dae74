import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { acquireOutputLock, type OutputLock } from './output-lock';
import { nodeOutputFileSystem } from './output-fs';

/**
 * Safe edits of evidence files (today: `approve`). An edit must never lose another edit, never leave a
 * file half written, never change how the file is stored, and never write outside the pack:
 * - the pack's edit lock (`.impact-pack.lock` at the pack root) is held while files are read and written,
 *   and each file is re-read under it, so two `approve` runs at the same time apply one after the other;
 * - the new text is written to a file beside the old one with the old one's permissions, flushed, and
 *   renamed over it;
 * - line endings (LF or CRLF) and a UTF-8 byte order mark are kept as the file had them;
 * - the backup goes into `.impact-pack-backups/` inside the pack, through folders that are checked to be
 *   real folders (a committed `.impact-pack-backups` symbolic link is refused), created without following links.
 */

/** Where copies of evidence files go before an edit rewrites them, inside the pack. */
export const BACKUP_FOLDER = '.impact-pack-backups';

/** A backup folder name from the time of the run, e.g. 20261206T101500Z. */
export function backupStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Edits take this long at most to wait for another edit of the same pack. */
const LOCK_WAIT_MS = 60_000;

export function packEditLockTarget(packRoot: string): string {
  // lockPathFor puts the lock beside this name: <pack>/.impact-pack.lock.
  return path.join(packRoot, 'impact-pack');
}

export async function lockPackForEdit(packRoot: string): Promise<OutputLock> {
  return acquireOutputLock(packEditLockTarget(packRoot), { fs: nodeOutputFileSystem, waitMs: LOCK_WAIT_MS, pollMs: 25 });
}

export class EditRefused extends Error {}

/** How a file stores its text, so that an edit can store the new text the same way. */
export interface TextStorage {
  bom: boolean;
  crlf: boolean;
}

/** The text of a file as LF without a byte order mark, and how it was stored. */
export function readStoredText(bytes: Buffer): { text: string; storage: TextStorage } {
  let text = bytes.toString('utf8');
  const bom = text.startsWith('\ufeff');
  if (bom) text = text.slice(1);
  // A file is CRLF when most of its line ends are; the edit then writes every line end as CRLF.
  const crlfCount = (text.match(/\r\n/g) ?? []).length;
  const lfCount = (text.match(/\n/g) ?? []).length;
  const crlf = crlfCount > 0 && crlfCount * 2 >= lfCount;
  if (crlf) text = text.replace(/\r\n/g, '\n');
  return { text, storage: { bom, crlf } };
}

export function storedBytes(text: string, storage: TextStorage): Buffer {
  const body = storage.crlf ? text.replace(/\r?\n/g, '\r\n') : text;
  return Buffer.from(`${storage.bom ? '\ufeff' : ''}${body}`, 'utf8');
}

/**
 * Re-reads a pack file, applies `edit` to its LF text, backs the old bytes up and replaces the file
 * atomically. Call with the pack's edit lock held. Returns the backup's pack-relative path, or the
 * problem `edit` reported (nothing is written then).
 */
export async function editPackFile(
  packRoot: string,
  file: string,
  stamp: string,
  edit: (text: string) => { text: string } | { problem: string },
): Promise<{ backup: string } | { problem: string }> {
  const absolute = path.join(packRoot, file);
  const handle = await open(absolute, constants.O_RDONLY | constants.O_NOFOLLOW);
  let bytes: Buffer;
  let mode: number;
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { problem: `${file} is not a regular file` };
    mode = info.mode & 0o7777;
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  const { text, storage } = readStoredText(bytes);
  const edited = edit(text);
  if ('problem' in edited) return edited;
  const backup = await backupInsidePack(packRoot, file, stamp, bytes);
  await replaceAtomically(absolute, storedBytes(edited.text, storage), mode);
  return { backup };
}

/** Creates one folder level without following a link, and checks that what stands there is a real folder. */
async function realFolder(absolute: string, shown: string): Promise<void> {
  await mkdir(absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const info = await lstat(absolute);
  if (info.isSymbolicLink()) throw new EditRefused(`${shown} is a symbolic link; backups are only written into real folders inside the pack (delete the link)`);
  if (!info.isDirectory()) throw new EditRefused(`${shown} is not a folder; backups cannot be written there`);
}

/** Writes the old bytes to .impact-pack-backups/STAMP[-n]/FILE, never overwriting, never through a link. */
export async function backupInsidePack(packRoot: string, file: string, stamp: string, bytes: Buffer): Promise<string> {
  const parts = file.split('/');
  for (let n = 0; n < 1000; n++) {
    const run = n === 0 ? stamp : `${stamp}-${n}`;
    const folders = [BACKUP_FOLDER, run, ...parts.slice(0, -1)];
    let rel = '';
    for (const part of folders) {
      rel = rel ? `${rel}/${part}` : part;
      await realFolder(path.join(packRoot, rel), rel);
    }
    const target = `${rel}/${parts[parts.length - 1]}`;
    try {
      // wx is O_CREAT|O_EXCL: it fails on an existing name, a symbolic link included.
      const handle = await open(path.join(packRoot, target), 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new EditRefused(`too many backups of ${file} share the time ${stamp}`);
}

/** Writes beside the file with its permissions, flushes, and renames over it: readers see the old or the new file, never a mix. */
async function replaceAtomically(absolute: string, bytes: Buffer, mode: number): Promise<void> {
  const temp = path.join(path.dirname(absolute), `.${path.basename(absolute)}.tmp-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.chmod(mode); // the umask may have narrowed the mode given to open
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, absolute);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
