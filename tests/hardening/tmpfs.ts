/**
 * A tiny RAM file system for real full-disk and read-only tests. Mounting needs the right to mount (root in
 * a container that allows it, as on the development machine); where that is refused, `mountTmpfs` returns
 * the reason instead, and the fault tests rely on the injected file system alone (fault-fs.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Tmpfs {
  dir: string;
  remountReadOnly(): void;
  unmount(): void;
}

export function mountTmpfs(sizeKb: number): Tmpfs | { unavailable: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'impact-pack-tmpfs-'));
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mount.error || mount.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { unavailable: (mount.error?.message ?? mount.stderr.trim()) || `mount exited with ${mount.status}` };
  }
  return {
    dir,
    remountReadOnly() {
      const remount = spawnSync('mount', ['-o', 'remount,ro', dir], { encoding: 'utf8' });
      if (remount.status !== 0) throw new Error(`remount read-only failed: ${remount.stderr}`);
    },
    unmount() {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
