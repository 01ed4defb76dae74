import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from './digest';

/** Folders never read for a pack's inputs: version control, installed packages (the link stage ignores both too). */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

export interface TreeStat {
  /** Digest of every file's path, size and modification time (and a link's target), in path order. */
  digest: string;
  files: number;
  /** The latest modification time seen, in ms since 1970; 0 for an empty tree. */
  newestMtimeMs: number;
}

/**
 * Describes a folder tree by the metadata of its files, without reading any content: the cheap half of
 * "has anything changed?". A file edited in place gets a new modification time; a file added, removed or
 * renamed changes the listing. Synchronous on purpose: tens of thousands of `lstat` calls run faster
 * back to back than as promises, and nothing else waits on them. Symbolic links are described, never
 * followed, so the walk stays inside the tree. `skip` lists folders (relative to `root`, POSIX) to leave out.
 */
export function statTree(root: string, skip: readonly string[] = [], skipFile: (rel: string) => boolean = () => false): TreeStat {
  const lines: string[] = [];
  let newestMtimeMs = 0;
  const skipped = new Set(skip);
  const folders = [''];
  while (folders.length > 0) {
    const rel = folders.pop()!;
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch (error) {
      // A folder that cannot be listed is part of the state too: when it becomes readable, the digest changes.
      lines.push(`${rel}\0unreadable\0${(error as NodeJS.ErrnoException).code ?? ''}`);
      continue;
    }
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(entry.name) && !skipped.has(child)) folders.push(child);
        continue;
      }
      if (skipFile(child)) continue;
      const info = lstatSync(path.join(root, child), { throwIfNoEntry: false });
      // Removed between the listing and the lstat: the next walk sees it gone.
      if (!info) continue;
      const target = info.isSymbolicLink() ? readlinkSync(path.join(root, child)) : '';
      lines.push(`${child}\0${info.size}\0${info.mtimeMs}\0${target}`);
      if (info.mtimeMs > newestMtimeMs) newestMtimeMs = info.mtimeMs;
    }
  }
  lines.sort();
  return { digest: sha256(lines.join('\n')), files: lines.length, newestMtimeMs };
}
