import fg from 'fast-glob';
import path from 'node:path';

/**
 * What a `supporting_files` entry is before anything touches the disk. Pure: deciding that
 * `../../secret.txt` leaves the pack must never require reading it.
 */
export type ReferenceShape =
  /** Leaves the pack: absolute, a drive letter, a home folder, a file:// URL or too many `..`. Never read. */
  | { kind: 'outside'; why: string }
  /** A web address listed as a file. */
  | { kind: 'url' }
  /** Written with backslashes; `suggestion` is the same path with forward slashes. */
  | { kind: 'backslash'; suggestion: string }
  /** A pack-relative path (`dynamic` when it holds glob syntax), normalised, without "./" or a trailing "/". */
  | { kind: 'path'; normal: string; dynamic: boolean; endsWithSlash: boolean };

export function referenceShape(ref: string): ReferenceShape {
  if (/^file:/i.test(ref)) return { kind: 'outside', why: 'is a file:// address on this computer' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return { kind: 'url' };
  const forward = ref.replace(/\\/g, '/');
  const outside = leavesPack(forward);
  if (outside) return { kind: 'outside', why: outside };
  const normal = path.posix.normalize(forward).replace(/^(\.\/)+/, '');
  const endsWithSlash = normal.endsWith('/');
  const trimmed = endsWithSlash ? normal.replace(/\/+$/, '') : normal;
  if (ref.includes('\\')) return { kind: 'backslash', suggestion: trimmed };
  return { kind: 'path', normal: trimmed, dynamic: fg.isDynamicPattern(trimmed), endsWithSlash };
}

/** Why a forward-slash path leaves the pack, or undefined when it stays inside. */
function leavesPack(p: string): string | undefined {
  if (p.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(p)) return 'names a drive (an absolute Windows path)';
  if (p.startsWith('~')) return 'points into a home folder';
  const normal = path.posix.normalize(p);
  if (normal === '..' || normal.startsWith('../')) return 'climbs out of the pack with ".."';
  return undefined;
}
