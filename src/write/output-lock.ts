import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import { OutputLocked } from './output-errors';
import type { OutputFileSystem } from './output-fs';

/**
 * One build at a time per output folder. Two builds swapping the same folder would each remove the other's
 * staging folder; CI jobs, a watcher and a coordinator at the keyboard do start builds at the same time.
 *
 * The lock is a small file beside the output folder (`.out.lock` for `out/`), created atomically: the
 * content is written to a private file first and then hard-linked to the lock name, which fails if the
 * name exists, so nobody ever reads a half-written lock. A lock whose process has died (SIGKILL, power cut)
 * is stale and is taken over; a live one is waited for, then refused with a message that says who holds it.
 */

export const LOCK_FORMAT = 'impact-pack/output-lock';

export interface LockHolder {
  format: typeof LOCK_FORMAT;
  pid: number;
  host: string;
  /** Unique per acquisition, so that a process never removes a lock it does not hold. */
  token: string;
  /** ISO time the lock was taken; only for the message shown to whoever waits. */
  since: string;
}

export interface LockOptions {
  fs: OutputFileSystem;
  /** How long to wait for a live holder before refusing; 0 refuses at once. */
  waitMs: number;
  pollMs?: number;
  /** The rest is injectable so that tests can play two hosts or a dead process without spawning one. */
  pid?: number;
  host?: string;
  isAlive?: (pid: number) => boolean;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Another lock than the build's beside the same folder (watch holds `.out.watch.lock` for its whole session). */
  lockPath?: string;
  /** The refusal's message, given who holds the lock; the default speaks of a build. */
  busyMessage?: (who: string, lockPath: string) => string;
}

export interface OutputLock {
  path: string;
  holder: LockHolder;
  /** What happened on the way in, e.g. a stale lock of a killed build that was taken over. */
  notes: string[];
  release(): Promise<void>;
}

export function lockPathFor(outDir: string): string {
  const target = path.resolve(outDir);
  return path.join(path.dirname(target), `.${path.basename(target)}.lock`);
}

/** A process exists when signal 0 can be sent to it (EPERM: it exists but belongs to someone else). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Far more attempts than a real contention needs; only a lock that never settles reaches it. */
const MAX_PASSES = 10_000;

export async function acquireOutputLock(outDir: string, options: LockOptions): Promise<OutputLock> {
  const { fs } = options;
  const lockPath = options.lockPath ?? lockPathFor(outDir);
  const pollMs = options.pollMs ?? 100;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const isAlive = options.isAlive ?? processIsAlive;
  const holder: LockHolder = {
    format: LOCK_FORMAT,
    pid: options.pid ?? process.pid,
    host: options.host ?? hostname(),
    token: randomBytes(8).toString('hex'),
    since: new Date(now()).toISOString(),
  };
  const notes: string[] = [];
  const started = now();
  // Each pass either takes the lock, removes a stale one, or waits; a lock that keeps changing under us
  // (other builds starting and finishing) must still not keep this one busy forever.
  for (let pass = 1; ; pass++) {
    if (pass > MAX_PASSES) throw new OutputLocked(`The lock ${lockPath} kept changing while this build tried to take it; run the build again.`);
    if (await tryCreate(fs, lockPath, holder)) {
      await removeAbandonedFiles(fs, lockPath, holder, isAlive);
      return { path: lockPath, holder, notes, release: () => releaseLock(fs, lockPath, holder.token) };
    }
    let current = await readHolder(fs, lockPath);
    if (current === 'absent') continue; // Released between our attempt and the read: try again.
    if (current === 'unreadable') {
      // Only a lock written without hard links can be caught half-written; give its writer a moment.
      await sleep(pollMs);
      current = await readHolder(fs, lockPath);
      if (current === 'absent') continue;
    }
    const stale = current === 'unreadable' || (current.host === holder.host && !isAlive(current.pid));
    if (stale && (await breakStaleLock(fs, lockPath, current === 'unreadable' ? undefined : current.token, holder.token))) {
      notes.push(
        current === 'unreadable'
          ? `Removed the unreadable lock file ${lockPath}.`
          : `Took over the lock of an earlier build that no longer runs (process ${current.pid}, since ${current.since}).`,
      );
      continue;
    }
    const waited = now() - started;
    if (waited >= options.waitMs) {
      const who = current === 'unreadable' ? 'a lock file that cannot be read or removed' : `process ${current.pid} on ${current.host}, since ${current.since}`;
      if (options.busyMessage) throw new OutputLocked(options.busyMessage(who, lockPath));
      throw new OutputLocked(
        `Another impact-pack build is writing ${path.resolve(outDir)} (${who})` +
          `${options.waitMs > 0 ? `; waited ${Math.round(waited / 1000)} s` : ''}. Run the build again when it has finished; ` +
          `if no build is running, delete ${lockPath}.`,
      );
    }
    await sleep(Math.min(pollMs, Math.max(1, options.waitMs - waited)));
  }
}

/** true when the lock is ours now; false when someone holds it. Other failures (a full disk) are thrown. */
async function tryCreate(fs: OutputFileSystem, lockPath: string, holder: LockHolder): Promise<boolean> {
  const content = `${JSON.stringify(holder)}\n`;
  const privateFile = `${lockPath}.${holder.pid}.${holder.token}`;
  try {
    await fs.writeFileExclusive(privateFile, content);
  } catch (error) {
    await fs.unlink(privateFile).catch(() => undefined);
    throw error;
  }
  try {
    await fs.link(privateFile, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // File systems without hard links (some network shares, FAT): an exclusive create is the next best thing.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
      try {
        await fs.writeFileExclusive(lockPath, content);
        return true;
      } catch (fallback) {
        if ((fallback as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw fallback;
      }
    }
    throw error;
  } finally {
    await fs.unlink(privateFile).catch(() => undefined);
  }
}

async function readHolder(fs: OutputFileSystem, lockPath: string): Promise<LockHolder | 'absent' | 'unreadable'> {
  // By the entry itself, not what it points to: a dangling link or a folder under the lock's name is a
  // lock nobody can read (stale), not an absent one (which would send the caller round in circles).
  const kind = await fs.kind(lockPath).catch(() => 'other' as const);
  if (kind === undefined) return 'absent';
  if (kind !== 'file') return 'unreadable';
  let text: string;
  try {
    text = (await fs.readFile(lockPath)).toString('utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'unreadable';
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    const valid = parsed.format === LOCK_FORMAT && Number.isInteger(parsed.pid) && typeof parsed.host === 'string' && typeof parsed.token === 'string';
    return valid ? (parsed as LockHolder) : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/**
 * Moves the stale lock aside under a private name before deleting it; false when it could not be moved.
 * If another process replaced the stale lock with its own live one in the meantime, the moved file is
 * not the stale one: it is put back.
 */
async function breakStaleLock(fs: OutputFileSystem, lockPath: string, staleToken: string | undefined, ourToken: string): Promise<boolean> {
  const aside = `${lockPath}.stale.${process.pid}.${ourToken}`;
  try {
    await fs.rename(lockPath, aside);
  } catch (error) {
    // Gone already (another process broke it first) counts as done; anything else leaves it in place.
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  const moved = await readHolder(fs, aside);
  const isTheStaleOne = moved === 'unreadable' || moved === 'absent' || moved.token === staleToken;
  if (!isTheStaleOne) await fs.link(aside, lockPath).catch(() => undefined);
  // rm, not unlink: what stood under the lock's name may have been a folder.
  await fs.rm(aside, { recursive: true, force: true }).catch(() => undefined);
  return true;
}

/**
 * A process killed while taking or breaking a lock leaves its private file (`.out.lock.<pid>.<token>`)
 * behind. Once the lock is ours, those of processes that no longer run on this host are removed.
 */
async function removeAbandonedFiles(fs: OutputFileSystem, lockPath: string, holder: LockHolder, isAlive: (pid: number) => boolean): Promise<void> {
  const prefix = `${path.basename(lockPath)}.`;
  const names = await fs.readdir(path.dirname(lockPath)).catch(() => [] as string[]);
  for (const name of names) {
    const match = new RegExp(`^${escapeRegExp(prefix)}(?:stale\\.)?(\\d+)\\.[0-9a-f]+$`).exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid !== holder.pid && !isAlive(pid)) await fs.unlink(path.join(path.dirname(lockPath), name)).catch(() => undefined);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function releaseLock(fs: OutputFileSystem, lockPath: string, token: string): Promise<void> {
  const current = await readHolder(fs, lockPath);
  if (current !== 'absent' && current !== 'unreadable' && current.token === token) await fs.unlink(lockPath).catch(() => undefined);
}
