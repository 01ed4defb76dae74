import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { OutputRefused } from './output-errors';
import { nodeOutputFileSystem, type OutputFileSystem } from './output-fs';
import { acquireOutputLock, type OutputLock } from './output-lock';
import { OUTPUT_MARKER, recoverInterruptedOutput, retiredName, stagingName } from './output-recovery';

/** How long a build waits for another build holding the output lock (which it holds while it renders). */
export const DEFAULT_LOCK_WAIT_MS = 60_000;

const MARKER_TEXT = 'Written by impact-pack; the whole folder is replaced on each build.\n';

export interface WriteOutputOptions {
  fs?: OutputFileSystem;
  /** How long to wait for another build holding the output lock; 0 refuses at once. */
  lockWaitMs?: number;
  lockPollMs?: number;
}

/**
 * A new output folder, filled one file at a time and then swapped in whole, or dropped. Opening takes the
 * output lock (other builds wait), repairs what an interrupted build left, refuses a folder impact-pack did
 * not write, and creates a staging folder beside the target. Each added file goes to the staging folder
 * and is flushed to the disk at once, so a build holds no finished document in memory. `commit` writes the
 * marker last and swaps the staging folder in with two renames; `abandon` removes it. At no moment is a
 * half-written folder under the output's name: a build that fails or is killed leaves the previous output
 * whole, and the next build cleans up (see output-recovery.ts for the instant between the two renames).
 */
export class StagedOutput {
  private readonly written: string[] = [];
  private readonly folders: Set<string>;
  private finished = false;

  private constructor(
    private readonly fs: OutputFileSystem,
    private readonly target: string,
    private readonly staging: string,
    private readonly retired: string,
    private readonly lock: OutputLock,
  ) {
    this.folders = new Set([staging]);
  }

  static async open(outDir: string, options: WriteOutputOptions = {}): Promise<StagedOutput> {
    const fs = options.fs ?? nodeOutputFileSystem;
    const target = path.resolve(outDir);
    const parent = path.dirname(target);
    await fs.mkdir(parent, { recursive: true });
    const lock = await acquireOutputLock(target, { fs, waitMs: options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS, pollMs: options.lockPollMs });
    try {
      await recoverInterruptedOutput(fs, target);
      await assertReplaceable(fs, target);
      // The suffix only keeps this build's folders apart from leftovers; it never reaches the output.
      const suffix = randomBytes(4).toString('hex');
      const staging = path.join(parent, stagingName(path.basename(target), suffix));
      const retired = path.join(parent, retiredName(path.basename(target), suffix));
      try {
        await fs.mkdir(staging);
      } catch (error) {
        await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
        throw error;
      }
      return new StagedOutput(fs, target, staging, retired, lock);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** Writes one output file (a name relative to the output folder) into the staging folder, flushed. */
  async add(name: string, data: Uint8Array | string): Promise<void> {
    assertInsideOutput(name);
    if (this.finished) throw new Error(`The output ${this.target} was already committed or abandoned; cannot add ${name}.`);
    const dest = path.join(this.staging, name);
    const folder = path.dirname(dest);
    if (!this.folders.has(folder)) {
      await this.fs.mkdir(folder, { recursive: true });
      this.folders.add(folder);
    }
    await this.fs.writeFileDurably(dest, data);
    this.written.push(name);
  }

  /** Swaps the staging folder in as the output folder; returns the names written, sorted. On failure, abandons. */
  async commit(): Promise<string[]> {
    if (this.finished) throw new Error(`The output ${this.target} was already committed or abandoned.`);
    this.finished = true;
    const { fs, target, staging, retired } = this;
    const parent = path.dirname(target);
    let swapped = false;
    try {
      // Last, so that a staging folder with a marker is known to be complete.
      await fs.writeFileDurably(path.join(staging, OUTPUT_MARKER), MARKER_TEXT);
      for (const folder of [...this.folders].sort().reverse()) await fs.syncFolder(folder);

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
      // The previous output is no longer needed; if it cannot be deleted now, the next build removes it.
      await fs.rm(retired, { recursive: true, force: true }).catch(() => undefined);
      return [...this.written].sort();
    } catch (error) {
      if (!swapped) await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
      throw error;
    } finally {
      await this.lock.release();
    }
  }

  /** Drops the staging folder and releases the lock; the previous output stays as it was. Safe to call twice. */
  async abandon(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    try {
      await this.fs.rm(this.staging, { recursive: true, force: true }).catch(() => undefined);
    } finally {
      await this.lock.release();
    }
  }
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
export function assertInsideOutput(name: string): void {
  const normal = path.posix.normalize(name);
  if (name === '' || path.posix.isAbsolute(name) || path.win32.isAbsolute(name) || normal === '..' || normal.startsWith('../') || name.includes('\\')) {
    throw new Error(`Refusing to write the output file "${name}": it would leave the output folder.`);
  }
}
