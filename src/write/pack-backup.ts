import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * How commands that rewrite a coordinator's own files (approve, migrate) do it: a copy of each file goes to
 * the pack's backup folder first, then the new text is written beside the file and renamed over it.
 */

/** Where copies of pack files go before a command rewrites them, inside the pack. */
export const BACKUP_FOLDER = '.impact-pack-backups';

/** A backup folder name from the time of the run, e.g. 20261206T101500Z. */
export function backupStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Copies the file into the backup folder (never overwriting an earlier backup) and returns the copy's pack-relative path. */
export async function backupFile(root: string, file: string, stamp: string): Promise<string> {
  for (let n = 0; ; n++) {
    const rel = path.posix.join(BACKUP_FOLDER, n === 0 ? stamp : `${stamp}-${n}`, file);
    const target = path.join(root, rel);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await copyFile(path.join(root, file), target, 1 /* COPYFILE_EXCL */);
      return rel;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Writes beside the file and renames over it, so that the file is never left half written. */
export async function replaceFile(absolute: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(absolute), `.${path.basename(absolute)}.tmp-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, absolute);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
