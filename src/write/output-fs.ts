import * as fs from 'node:fs/promises';

/**
 * The file-system operations the output writer and its lock use, and nothing else. Passing another
 * implementation lets tests fail any single operation (a full disk at the 5th file, a read-only folder,
 * a crash between two renames) without root rights or special mounts.
 */
export interface OutputFileSystem {
  mkdir(path: string, options?: { recursive?: boolean }): Promise<unknown>;
  /** Writes the whole file and flushes it to the disk before resolving. */
  writeFileDurably(path: string, data: Uint8Array | string): Promise<void>;
  /** Creates the file only if nothing has that name yet (EEXIST otherwise), written and flushed. */
  writeFileExclusive(path: string, data: string): Promise<void>;
  /** Flushes a folder's entries (new names, renames) to the disk; best effort where folders cannot be opened. */
  syncFolder(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** A second name for a file; EEXIST when `to` exists, which makes it an atomic "create if absent". */
  link(existing: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  rm(path: string, options: { recursive: true; force: true }): Promise<void>;
  readdir(path: string): Promise<string[]>;
  readFile(path: string): Promise<Buffer>;
  /** undefined when nothing has that name. */
  kind(path: string): Promise<'file' | 'folder' | 'other' | undefined>;
}

export const nodeOutputFileSystem: OutputFileSystem = {
  mkdir: (path, options) => fs.mkdir(path, options),
  async writeFileDurably(path, data) {
    const handle = await fs.open(path, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  async writeFileExclusive(path, data) {
    const handle = await fs.open(path, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  async syncFolder(path) {
    // Windows cannot open a folder for flushing, and some network file systems refuse; the renames
    // still happen, only their durability across a power cut is then up to the file system.
    const handle = await fs.open(path, 'r').catch(() => undefined);
    if (!handle) return;
    try {
      await handle.sync().catch(() => undefined);
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fs.rename(from, to),
  link: (existing, to) => fs.link(existing, to),
  unlink: (path) => fs.unlink(path),
  rm: (path, options) => fs.rm(path, options),
  readdir: (path) => fs.readdir(path),
  readFile: (path) => fs.readFile(path),
  async kind(path) {
    const info = await fs.lstat(path).catch(() => undefined);
    if (!info) return undefined;
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
  },
};
