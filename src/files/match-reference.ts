import fg from 'fast-glob';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { compareText } from '../diagnostics/make';
import { FolderListings, nfc, spellingOnDisk, type DiskSpelling } from './disk-spelling';
import type { PackBoundary } from './inside-pack';

/** What one `supporting_files` entry matched on disk. Nothing here reads a file's content. */
export type ReferenceMatch =
  /** `outside`: matches that a symbolic link leads out of the pack (never opened). */
  | { kind: 'files'; files: DiskSpelling[]; outside: string[] }
  /** A literal path naming a folder rather than a file. */
  | { kind: 'folder'; onDisk: string }
  /** A literal path naming a symbolic link; whether its target stays inside the pack is checked by the caller. */
  | { kind: 'link'; spelling: DiskSpelling; inside: boolean }
  /** Nothing matched; for a pattern, what it would match if case were ignored. */
  | { kind: 'none'; ignoringCase: string[] }
  /** A pattern matched more than MAX_PATTERN_MATCHES files; the walk stopped there and none is cited. */
  | { kind: 'too-many'; limit: number };

/**
 * The most files one `supporting_files` pattern may match. An item cites documents a reviewer reads; a
 * pattern over tens of thousands of files (a pull request can add them) would otherwise hash them all and
 * note each copy (measured: 100,000 files, 280 s, 1.1 GB). The walk stops at the first file past the limit.
 */
export const MAX_PATTERN_MATCHES = 10_000;

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * Matches one reference with one fast-glob call, so that every match is attributed to the reference
 * that made it. A literal path is escaped first (a file named "rapport (final).pdf" must resolve) and
 * then checked against the folder listings for its real spelling. The pattern is tried in NFC and NFD,
 * because macOS writes file names in NFD while people type NFC.
 */
export async function matchReference(
  root: string,
  reference: { normal: string; dynamic: boolean },
  listings: FolderListings,
  boundary: PackBoundary,
  excludedFolders: string[],
): Promise<ReferenceMatch> {
  if (!reference.dynamic) {
    const plain = await plainFile(listings, reference.normal);
    if (plain) return { kind: 'files', files: [plain], outside: [] };
  }
  const forms = [...new Set([reference.normal.normalize('NFC'), reference.normal.normalize('NFD')])];
  const patterns = reference.dynamic ? forms : forms.map((f) => fg.escapePath(f));
  const ignore = reference.dynamic ? [...ALWAYS_IGNORED, ...excludedFolders.filter((f) => f !== '.').map((f) => `${fg.escapePath(f)}/**`)] : ALWAYS_IGNORED;
  const options = { cwd: root, onlyFiles: true, dot: false, followSymbolicLinks: false, unique: true, caseSensitiveMatch: true, ignore };
  const globbed = reference.dynamic ? await boundedGlob(patterns, options, MAX_PATTERN_MATCHES) : await fg.glob(patterns, options);
  if (globbed === undefined) return { kind: 'too-many', limit: MAX_PATTERN_MATCHES };
  const found = globbed.filter((m) => !m.startsWith('../')).sort(compareText);

  const files: DiskSpelling[] = [];
  const outside: string[] = [];
  for (const match of found) {
    // A literal path through a linked folder: fast-glob follows it, but the file is never opened.
    if (!(await boundary.contains(match))) {
      outside.push(nfc(match));
      continue;
    }
    // The file system may have answered a literal path case-insensitively (macOS, Windows); the listings tell the truth.
    const spelling = await spellingOnDisk(listings, match);
    if (spelling && !files.some((f) => f.onDisk === spelling.onDisk)) files.push(spelling);
  }
  if (files.length > 0 || outside.length > 0) return { kind: 'files', files, outside };

  if (reference.dynamic) {
    // "[draft] policy.pdf" looks like a pattern but may be a file's real name.
    const literal = await matchReference(root, { normal: reference.normal, dynamic: false }, listings, boundary, excludedFolders);
    if (literal.kind !== 'none') return literal;
    const loose = await fg.glob(patterns, { ...options, caseSensitiveMatch: false });
    return { kind: 'none', ignoringCase: [...new Set(loose.map(nfc))].sort(compareText) };
  }
  // A literal path fast-glob did not return: spelled in another case or normalisation, a folder, or a symbolic link.
  if (reference.normal.split('/').some((segment) => segment === 'node_modules' || segment === '.git')) return { kind: 'none', ignoringCase: [] };
  const spelling = await spellingOnDisk(listings, reference.normal);
  if (!spelling) return { kind: 'none', ignoringCase: [] };
  const info = await lstat(path.join(root, spelling.onDisk)).catch(() => undefined);
  if (!info) return { kind: 'none', ignoringCase: [] };
  if (info.isSymbolicLink()) return { kind: 'link', spelling, inside: await boundary.contains(spelling.onDisk) };
  if (info.isDirectory()) return { kind: 'folder', onDisk: spelling.onDisk };
  if (info.isFile()) return { kind: 'files', files: [spelling], outside: [] };
  return { kind: 'none', ignoringCase: [] };
}

/**
 * The common case answered from the folder listings alone, without a glob call (which cost a third of
 * `validate` on a 10,000-item pack): a literal path whose every segment is spelled exactly as on disk,
 * none hidden or ignored, ending at a regular file. Folders are only listed when they resolve inside the
 * pack, so a regular file (not a link) listed in one is inside it too. Anything else takes the full path.
 */
async function plainFile(listings: FolderListings, relPath: string): Promise<DiskSpelling | undefined> {
  const segments = relPath.split('/');
  let folder = '';
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === '' || segment.startsWith('.') || segment === 'node_modules') return undefined;
    const listing = await listings.list(folder);
    const expected = i === segments.length - 1 ? 'file' : 'folder';
    if (!listing || listing.kindOf(segment) !== expected) return undefined;
    folder = folder === '' ? segment : `${folder}/${segment}`;
  }
  const spelling = await spellingOnDisk(listings, relPath);
  return spelling && !spelling.caseDiffers && spelling.onDisk === relPath ? spelling : undefined;
}

/** Globs, stopping the walk as soon as more than `limit` files matched; undefined when it had to stop. */
async function boundedGlob(patterns: string[], options: fg.Options, limit: number): Promise<string[] | undefined> {
  const found: string[] = [];
  const stream = fg.stream(patterns, options) as NodeJS.ReadableStream & { destroy(): void };
  for await (const entry of stream) {
    found.push(String(entry));
    if (found.length > limit) {
      stream.destroy();
      return undefined;
    }
  }
  return found;
}
