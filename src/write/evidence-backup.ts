import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Rewriting an evidence file safely, as `approve` does (src/cli/commands/approve.ts keeps its own copy of these
 * two steps): a copy into the pack's backup folder first, then the new text written beside the file and renamed
 * over it, so that the file is never half written.
 */
export const EVIDENCE_BACKUP_FOLDER = '.impact-pack-backups';

/** Copies the file into `.impact-pack-backups/<stamp>/<file>` (never over an earlier backup); returns the copy's pack-relative path. */
export async function backupEvidenceFile(root: string, file: string, stamp: string): Promise<string> {
  for (let n = 0; ; n++) {
    const rel = path.posix.join(EVIDENCE_BACKUP_FOLDER, n === 0 ? stamp : `${stamp}-${n}`, file);
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

/** Writes beside the file and renames over it. */
export async function replaceEvidenceFile(absolute: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(absolute), `.${path.basename(absolute)}.tmp-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, absolute);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A timestamp for a backup folder name: 20211101T120000Z. */
export function backupStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}
