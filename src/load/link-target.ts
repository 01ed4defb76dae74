import { readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

/**
 * Where a symbolic link inside the pack leads. Packs synced through shared drives or assembled from other
 * folders carry links; impact-pack reads through a link only when it ends at a file inside the pack, and
 * never follows a link that loops, dangles or leaves the pack.
 */
export type LinkTarget =
  | { kind: 'file-inside'; real: string }
  | { kind: 'folder-inside'; real: string }
  | { kind: 'outside'; real: string }
  /** The link resolves to itself (ELOOP) or to a folder that contains the link. */
  | { kind: 'loop' }
  | { kind: 'dangling'; target: string }
  | { kind: 'unreadable'; code: string };

/** True when `child` is `parent` or lies inside it (both absolute, resolved paths). */
export function isInside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

/**
 * Synchronous: links are rare, and the item reader that follows them is synchronous (see read-text-file.ts).
 * @param rootReal the pack root after realpath, so that a pack reached through a link still compares right
 */
export function followLink(rootReal: string, linkPath: string): LinkTarget {
  let real: string;
  try {
    real = realpathSync.native(linkPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    if (code === 'ELOOP') return { kind: 'loop' };
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'dangling', target: linkText(linkPath) };
    return { kind: 'unreadable', code };
  }
  if (!isInside(real, rootReal)) return { kind: 'outside', real };
  const info = statOrUndefined(real);
  if (!info) return { kind: 'dangling', target: linkText(linkPath) };
  if (!info.isDirectory()) return { kind: 'file-inside', real };
  // A link to a folder that holds the link would make any walk that follows it endless.
  const linkFolderReal = realOrSame(path.dirname(linkPath));
  return isInside(linkFolderReal, real) ? { kind: 'loop' } : { kind: 'folder-inside', real };
}

/** What a link says it points to, for messages; "?" when it cannot be read. */
function linkText(linkPath: string): string {
  try {
    return readlinkSync(linkPath);
  } catch {
    return '?';
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function realOrSame(folder: string): string {
  try {
    return realpathSync.native(folder);
  } catch {
    return folder;
  }
}
