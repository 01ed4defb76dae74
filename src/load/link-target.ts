import { readlink, realpath, stat } from 'node:fs/promises';
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

/** @param rootReal the pack root after realpath, so that a pack reached through a link still compares right */
export async function followLink(rootReal: string, linkPath: string): Promise<LinkTarget> {
  let real: string;
  try {
    real = await realpath(linkPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    if (code === 'ELOOP') return { kind: 'loop' };
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { kind: 'dangling', target: await readlink(linkPath).catch(() => '?') };
    }
    return { kind: 'unreadable', code };
  }
  if (!isInside(real, rootReal)) return { kind: 'outside', real };
  const info = await stat(real).catch(() => undefined);
  if (!info) return { kind: 'dangling', target: await readlink(linkPath).catch(() => '?') };
  if (!info.isDirectory()) return { kind: 'file-inside', real };
  // A link to a folder that holds the link would make any walk that follows it endless.
  const linkFolderReal = await realpath(path.dirname(linkPath)).catch(() => path.dirname(linkPath));
  return isInside(linkFolderReal, real) ? { kind: 'loop' } : { kind: 'folder-inside', real };
}
