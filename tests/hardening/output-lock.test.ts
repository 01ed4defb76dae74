import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { OutputLocked, writeOutputAtomically } from '../../src/write/atomic-output';
import { nodeOutputFileSystem } from '../../src/write/output-fs';
import { acquireOutputLock, LOCK_FORMAT, lockPathFor, processIsAlive } from '../../src/write/output-lock';
import { tempDir } from '../helpers/temp-pack';

/** A pid that certainly belongs to no running process: one that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const fs = nodeOutputFileSystem;

describe('the output lock', () => {
  let t: { root: string; cleanup: () => void };
  let out: string;
  beforeEach(() => {
    t = tempDir();
    out = path.join(t.root, 'out');
  });
  afterEach(() => t.cleanup());

  it('is a file beside the output folder, removed again on release', async () => {
    const lock = await acquireOutputLock(out, { fs, waitMs: 0 });
    expect(lock.path).toBe(path.join(t.root, '.out.lock'));
    const content = JSON.parse(readFileSync(lock.path, 'utf8'));
    expect(content).toMatchObject({ format: LOCK_FORMAT, pid: process.pid, token: lock.holder.token });
    await lock.release();
    expect(readdirSync(t.root)).toEqual([]);
  });

  it('refuses a second holder at once, saying who holds it and which file to delete if nobody does', async () => {
    const first = await acquireOutputLock(out, { fs, waitMs: 0 });
    const second = acquireOutputLock(out, { fs, waitMs: 0 });
    await expect(second).rejects.toBeInstanceOf(OutputLocked);
    await expect(second).rejects.toThrow(`process ${process.pid}`);
    await expect(second).rejects.toThrow(`delete ${first.path}`);
    await first.release();
  });

  it('waits for a live holder and takes the lock once it is released', async () => {
    const first = await acquireOutputLock(out, { fs, waitMs: 0 });
    let polls = 0;
    // The holder finishes while the second build waits: no clock involved, only the poll count.
    const second = await acquireOutputLock(out, {
      fs,
      waitMs: 60_000,
      sleep: async () => {
        polls++;
        if (polls === 2) await first.release();
      },
    });
    expect(polls).toBe(2);
    expect(second.holder.token).not.toBe(first.holder.token);
    await second.release();
  });

  it('gives up after the wait it was allowed', async () => {
    const first = await acquireOutputLock(out, { fs, waitMs: 0 });
    let clock = 0;
    const waiting = acquireOutputLock(out, { fs, waitMs: 5_000, now: () => clock, sleep: async (ms) => void (clock += ms) });
    await expect(waiting).rejects.toThrow('waited 5 s');
    await first.release();
  });

  it('takes over the lock of a build that was killed, and says so', async () => {
    const pid = deadPid();
    expect(processIsAlive(pid)).toBe(false);
    const stale = { format: LOCK_FORMAT, pid, host: hostname(), token: 'deadbeefdeadbeef', since: '2026-01-01T00:00:00.000Z' };
    writeFileSync(lockPathFor(out), JSON.stringify(stale));
    // What a process killed while taking a lock leaves behind.
    writeFileSync(`${lockPathFor(out)}.${pid}.0123456789abcdef`, JSON.stringify(stale));
    const lock = await acquireOutputLock(out, { fs, waitMs: 0 });
    expect(lock.notes).toEqual([`Took over the lock of an earlier build that no longer runs (process ${pid}, since 2026-01-01T00:00:00.000Z).`]);
    expect(readdirSync(t.root)).toEqual(['.out.lock']);
    await lock.release();
  });

  it('takes over an unreadable lock file after one poll', async () => {
    writeFileSync(lockPathFor(out), '{"format": "impact-pack/output-lo');
    let polls = 0;
    const lock = await acquireOutputLock(out, { fs, waitMs: 0, sleep: async () => void polls++ });
    expect(polls).toBe(1);
    expect(lock.notes[0]).toContain('unreadable lock file');
    await lock.release();
  });

  it.each([
    ['a dangling link', () => symlinkSync('nowhere', lockPathFor(out))],
    ['a folder', () => mkdirSync(lockPathFor(out))],
  ])('takes over %s standing under the lock name, instead of going round in circles', async (_what, plant) => {
    plant();
    const lock = await acquireOutputLock(out, { fs, waitMs: 0, sleep: async () => undefined });
    expect(lock.notes[0]).toContain('unreadable lock file');
    await lock.release();
    expect(readdirSync(t.root)).toEqual([]);
  });

  it('never takes over a lock held from another host, whose processes it cannot see', async () => {
    const remote = { format: LOCK_FORMAT, pid: deadPid(), host: 'another-machine', token: 'feedfacefeedface', since: '2026-01-01T00:00:00.000Z' };
    writeFileSync(lockPathFor(out), JSON.stringify(remote));
    await expect(acquireOutputLock(out, { fs, waitMs: 0 })).rejects.toThrow('on another-machine');
    expect(JSON.parse(readFileSync(lockPathFor(out), 'utf8')).token).toBe('feedfacefeedface');
  });

  it('releases only its own lock', async () => {
    const lock = await acquireOutputLock(out, { fs, waitMs: 0 });
    const other = { ...lock.holder, token: 'aaaaaaaaaaaaaaaa' };
    writeFileSync(lock.path, JSON.stringify(other));
    await lock.release();
    expect(existsSync(lock.path)).toBe(true);
  });

  it('keeps a second writer of the same output from starting, then lets it write', async () => {
    const held = await acquireOutputLock(out, { fs, waitMs: 0 });
    await expect(writeOutputAtomically(out, new Map([['a.txt', 'a']]), { lockWaitMs: 0 })).rejects.toBeInstanceOf(OutputLocked);
    expect(existsSync(out)).toBe(false);
    await held.release();
    await writeOutputAtomically(out, new Map([['a.txt', 'a']]), { lockWaitMs: 0 });
    expect(readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('a');
    expect(readdirSync(t.root)).toEqual(['out']);
  });
});
