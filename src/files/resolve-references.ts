import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Code } from '../diagnostics/codes';
import type { Diagnostic, Position } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import type { ParsedItem } from '../parse/item';
import { locate } from '../parse/yaml-source';
import { nfc, type FolderListings } from './disk-spelling';
import { isInsideFolder, type FileRules } from './file-rules';
import type { PackBoundary } from './inside-pack';
import type { FileToInspect } from './inspect-files';
import { matchReference } from './match-reference';
import { referenceShape } from './reference-path';
import { mapWithConcurrency } from './concurrency';

/** References resolved at once; each is a glob call and a few stats, so more only queues in libuv. */
const REFERENCE_CONCURRENCY = 16;

/** One `supporting_files` entry of one item, where it is written, and the files it resolved to. */
export interface ResolvedReference {
  item: ParsedItem;
  itemId: string;
  sdg?: number;
  metric?: string;
  /** Index in the item's `supporting_files`. */
  index: number;
  reference: string;
  where: { file: string } & Position;
  /** Files inside the pack this entry cites (NFC path and spelling on disk), sorted. */
  files: FileToInspect[];
  /** The normalised literal path of an entry that matched nothing; the caller reports it (FILE_NOT_FOUND). */
  missing?: string;
}

/**
 * Resolves every reference of every item, reporting what is wrong with each at its own line: patterns
 * matching nothing, paths leaving the pack (never read), backslashes, folders, letter-case differences
 * and names that only differ in case. Missing literal paths are returned in `missing` for the caller.
 */
export async function resolveReferences(
  root: string,
  items: readonly ParsedItem[],
  rules: FileRules,
  listings: FolderListings,
  boundary: PackBoundary,
): Promise<{ references: ResolvedReference[]; diagnostics: Diagnostic[] }> {
  const references: ResolvedReference[] = [];
  for (const item of items) {
    const refs = item.item.supporting_files;
    if (!Array.isArray(refs)) continue;
    const itemId = typeof item.item.id === 'string' ? item.item.id : item.file;
    for (let index = 0; index < refs.length; index++) {
      const reference = refs[index];
      if (typeof reference !== 'string' || reference.trim() === '') continue;
      const site: ResolvedReference = {
        item,
        itemId,
        sdg: typeof item.item.sdg === 'number' ? item.item.sdg : undefined,
        metric: typeof item.item.metric === 'string' ? item.item.metric : undefined,
        index,
        reference,
        where: { file: item.file, ...locate(item.source, ['supporting_files', index]) },
        files: [],
      };
      references.push(site);
    }
  }
  // References are independent: resolving several at once hides the latency of each glob and stat.
  const found = await mapWithConcurrency(references, REFERENCE_CONCURRENCY, async (site) => {
    const own: Diagnostic[] = [];
    await resolveOne(site, (code, message, hint) => own.push(diagnostic(code, message, site.where, { itemId: site.itemId, sdg: site.sdg, metric: site.metric, hint })));
    return own;
  });
  return { references, diagnostics: found.flat() };

  async function resolveOne(site: ResolvedReference, report: (code: Code, message: string, hint?: string) => void): Promise<void> {
    const ref = site.reference;
    const shape = referenceShape(ref);
    if (shape.kind === 'outside') {
      report('FILE_OUTSIDE_PACK', `"${ref}" points outside the pack folder (it ${shape.why}); it was not read.`);
      return;
    }
    if (shape.kind === 'url') {
      report('FILE_NOT_FOUND', `"${ref}" is a web address, not a file in the pack.`, 'List web pages under `public_urls`; `supporting_files` holds paths of files inside the pack.');
      return;
    }
    if (shape.kind === 'backslash') {
      // The forward-slash spelling is still resolved, so that the file is not also reported as an orphan.
      const fixed = referenceShape(shape.suggestion);
      const found = fixed.kind === 'path' ? await filesOf(fixed.normal, fixed.dynamic) : [];
      site.files = found;
      report('PATH_BACKSLASH', `"${ref}" uses backslashes; write it as "${shape.suggestion}"${found.length > 0 ? ' (that path exists)' : ''}.`);
      return;
    }
    const match = await matchReference(root, shape, listings, boundary, rules.excluded);
    if (match.kind === 'none') {
      if (shape.dynamic) {
        const loose = match.ignoringCase;
        report(
          'GLOB_NO_MATCH',
          `Pattern "${ref}" matches no file in the pack${loose.length > 0 ? `; ignoring letter case it would match ${listOf(loose)}` : ''}.`,
        );
      } else {
        // Reported by the caller once the orphans are known, with the renamed file when there is one.
        site.missing = shape.normal;
      }
      return;
    }
    if (match.kind === 'too-many') {
      report('GLOB_TOO_MANY', `Pattern "${ref}" matches more than ${match.limit.toLocaleString('en')} files; none of them is cited.`);
      return;
    }
    if (match.kind === 'folder') {
      report('FILE_NOT_FOUND', `"${ref}" is a folder, not a file.`, `Cite the files inside it, or a pattern such as "${shape.normal}/*.pdf".`);
      return;
    }
    if (match.kind === 'link') {
      if (!match.inside) {
        report('FILE_OUTSIDE_PACK', `"${nfc(match.spelling.onDisk)}" is a link to a file outside the pack; it was not read.`);
        return;
      }
      const target = await stat(path.join(root, match.spelling.onDisk)).catch(() => undefined);
      if (target?.isDirectory()) {
        report('FILE_NOT_FOUND', `"${ref}" is a link to a folder, not a file.`, `Cite the files inside it, or a pattern such as "${shape.normal}/*.pdf".`);
        return;
      }
    }
    const spellings = match.kind === 'link' ? [match.spelling] : match.files;
    if (match.kind === 'files') {
      for (const outside of match.outside) report('FILE_OUTSIDE_PACK', `"${outside}" is reached through a link that leaves the pack; it was not read.`);
    }
    const collisions = new Set<string>();
    for (const spelling of spellings) {
      const name = nfc(spelling.onDisk);
      if (spelling.caseDiffers && !shape.dynamic) {
        report(
          'FILE_CASE_MISMATCH',
          `"${ref}" is spelled "${name}" on disk; the letter case differs, so it resolves on macOS and Windows but not on Linux.`,
        );
      }
      for (const other of spelling.collisions) {
        if (collisions.has(other)) continue;
        collisions.add(other);
        // A collision may concern a folder on the way: compare it with the path's own folder at that depth.
        const self = name.split('/').slice(0, other.split('/').length).join('/');
        report('FILE_CASE_COLLISION', `"${self}" and "${other}" differ only in letter case; macOS and Windows cannot hold both.`);
      }
      if (!rules.roots.some((r) => isInsideFolder(name, r))) {
        report('FILE_OUTSIDE_ROOTS', `"${name}" is not under the pack's file folders (${rules.roots.map((r) => `${r}/`).join(', ')}).`);
      }
      site.files.push({ path: name, onDisk: spelling.onDisk });
    }
  }

  async function filesOf(normal: string, dynamic: boolean): Promise<FileToInspect[]> {
    const match = await matchReference(root, { normal, dynamic }, listings, boundary, rules.excluded);
    return match.kind === 'files' ? match.files.map((f) => ({ path: nfc(f.onDisk), onDisk: f.onDisk })) : [];
  }
}

function listOf(paths: string[]): string {
  const shown = paths.slice(0, 3).map((p) => `"${p}"`);
  return paths.length > 3 ? `${shown.join(', ')} and ${paths.length - 3} more` : shown.join(', ');
}
