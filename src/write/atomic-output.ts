import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { OutputRefused } from './output-errors';
import { nodeOutputFileSystem, type OutputFileSystem } from './output-fs';
import { acquireOutputLock } from './output-lock';
import { OUTPUT_MARKER, recoverInterruptedOutput, retiredName, stagingName } from './output-recovery';

export { OUTPUT_MARKER } from './output-recovery';
export { OutputLocked, OutputRefused } from './output-errors';

/** How long a build waits for another build writing the same folder; writing takes seconds, rendering is already done. */
export const DEFAULT_LOCK_WAIT_MS = 60_000;

const MARKER_TEXT = 'Written by impact-pack; the whole folder is replaced on each build.\n';

export interface WriteOutputOptions {
  fs?: OutputFileSystem;
  /** How long to wait for another build holding the output lock; 0 refuses at once. */
  lockWaitMs?: number;
  lockPollMs?: number;
}

/**
 * Writes a complete output folder or nothing. Under a lock that keeps other builds out, the files go to a
 * staging folder beside the target, each flushed to the disk, with the marker written last; then two
 * renames swap the staging folder in. At no moment is a half-written folder under the output's name:
 * a build that fails (full disk, read-only folder) or is killed leaves the previous output whole, and the
 * next build cleans up (see output-recovery.ts for the instant between the two renames).
 */
export async function writeOutputAtomically(outDir: string, files: Map<string, Uint8Array | string>, options: WriteOutputOptions = {}): Promise<string[]> {
  const fs = options.fs ?? nodeOutputFileSystem;
  const target = path.resolve(outDir);
  for (const name of files.keys()) assertInsideOutput(name);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const lock = await acquireOutputLock(target, { fs, waitMs: options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS, pollMs: options.lockPollMs });
  try {
    await recoverInterruptedOutput(fs, target);
    await assertReplaceable(fs, target);
    return await stageAndSwap(fs, target, files);
  } finally {
    await lock.release();
  }
}

async function stageAndSwap(fs: OutputFileSystem, target: string, files: Map<string, Uint8Array | string>): Promise<string[]> {
  const parent = path.dirname(target);
  const base = path.basename(target);
  // The suffix only keeps this build's folders apart from leftovers; it never reaches the output.
  const suffix = randomBytes(4).toString('hex');
  const staging = path.join(parent, stagingName(base, suffix));
  const retired = path.join(parent, retiredName(base, suffix));
  const written: string[] = [];
  let swapped = false;
  try {
    await fs.mkdir(staging);
    const folders = new Set<string>([staging]);
    for (const name of [...files.keys()].sort()) {
      const dest = path.join(staging, name);
      if (!folders.has(path.dirname(dest))) {
        await fs.mkdir(path.dirname(dest), { recursive: true });
        folders.add(path.dirname(dest));
      }
      await fs.writeFileDurably(dest, files.get(name)!);
      written.push(name);
    }
    // Last, so that a staging folder with a marker is known to be complete.
    await fs.writeFileDurably(path.join(staging, OUTPUT_MARKER), MARKER_TEXT);
    for (const folder of [...folders].sort().reverse()) await fs.syncFolder(folder);

    const replacing = (await fs.kind(target)) !== undefined;
    if (replacing) await fs.rename(target, retired);
    try {
      await fs.rename(staging, target);
    } catch (error) {
      if (replacing) await fs.rename(retired, target).catch(() => undefined);
      throw error;
    }
    swapped = true;
    await fs.syncFolder(parent);
  } catch (error) {
    if (!swapped) await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  // The previous output is no longer needed; if it cannot be deleted now, the next build removes it.
  await fs.rm(retired, { recursive: true, force: true }).catch(() => undefined);
  return written;
}

/** Refuses to replace a non-empty folder that impact-pack did not write (say `--out ~/Documents`). */
async function assertReplaceable(fs: OutputFileSystem, target: string): Promise<void> {
  const kind = await fs.kind(target);
  if (kind === undefined) return;
  if (kind !== 'folder') throw new OutputRefused(`${target} is not a folder; choose another --out.`);
  const entries = await fs.readdir(target);
  if (entries.length === 0) return;
  if (!entries.includes(OUTPUT_MARKER)) {
    throw new OutputRefused(
      `${target} already holds files that impact-pack did not write; choose an empty or new folder with --out, or delete it first.`,
    );
  }
}

/** Output names come from the build, never from the pack; a name that could leave the folder is a bug. */
function assertInsideOutput(name: string): void {
  const normal = path.posix.normalize(name);
  if (name === '' || path.posix.isAbsolute(name) || path.win32.isAbsolute(name) || normal === '..' || normal.startsWith('../') || name.includes('\\')) {
    throw new Error(`Refusing to write the output file "${name}": it would leave the output folder.`);
  }
}
