import { compareMetricIds } from '../criteria/metric-order';
import type { Code } from '../diagnostics/codes';
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic';
import { compareText, diagnostic } from '../diagnostics/make';
import { SharedBy } from '../diagnostics/shared-subject';
import type { ParsedItem } from '../parse/item';
import { FolderListings } from './disk-spelling';
import { duplicateContents } from './duplicates';
import type { Citation, FileIndex, SupportingFile } from './file-index';
import { fileLimitFindings } from './file-limits';
import { DEFAULT_FILE_RULES, type FileRules } from './file-rules';
import { extensionOf, mediaTypeOf } from './file-types';
import { HashCache, type FileFacts } from './hash-cache';
import { PackBoundary } from './inside-pack';
import { inspectFiles, type FileToInspect } from './inspect-files';
import { findOrphans } from './orphans';
import { resolveReferences, type ResolvedReference } from './resolve-references';
import { suggestRenamed } from './suggest-rename';

export type { Citation, FileIndex, SupportingFile, OrphanFile, DuplicateContent } from './file-index';

export interface ResolveOptions {
  /** The pack's supporting-file limits (fileRulesFor(config)); defaults apply when absent. */
  rules?: FileRules;
  /** Remember hashes in the pack's .impact-pack-cache folder (default true). */
  cache?: boolean;
  /** When the run started (ms since 1970); files modified just before it are not cached. */
  startedAtMs?: number;
  /** Told after each cited file is hashed (or found in the cache), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** Copies named in one FILE_DUPLICATE_CONTENT note; the rest are counted. */
const DUPLICATES_NAMED = 5;

/**
 * The link stage for supporting files: resolves every `supporting_files` reference against the pack
 * (one glob call per reference), checks each cited file against the pack's limits, hashes it (streamed,
 * in parallel, cached by path, size and modification time), and finds orphans and duplicates. Every
 * finding about a reference points at that reference's line. Reads only inside the pack; writes only
 * its cache folder.
 */
export async function resolveSupportingFiles(packRoot: string, items: ParsedItem[], options: ResolveOptions = {}): Promise<StageResult<FileIndex>> {
  const rules = options.rules ?? DEFAULT_FILE_RULES;
  const boundary = new PackBoundary(packRoot);
  const listings = new FolderListings(packRoot, boundary);
  const resolved = await resolveReferences(packRoot, items, rules, listings, boundary);
  const diagnostics: Diagnostic[] = [...resolved.diagnostics];
  const { references } = resolved;

  const toInspect = new Map<string, FileToInspect>();
  for (const ref of references) for (const f of ref.files) if (!toInspect.has(f.path)) toInspect.set(f.path, f);
  const cache = await HashCache.load(packRoot, options.cache ?? true, options.startedAtMs ?? Date.now());
  const inspected = await inspectFiles(packRoot, [...toInspect.values()].sort((a, b) => compareText(a.path, b.path)), cache, options.onProgress);

  const citations = new Map<string, Citation[]>();
  const byItem = new Map<string, string[]>();
  /** For each cited file, the first reference of each item file citing it, in pack order (keyed by item file). */
  const referencesByItem = new Map<string, Map<string, ResolvedReference>>();
  for (const ref of references) {
    const report = (code: Code, message: string) =>
      diagnostics.push(diagnostic(code, message, ref.where, { itemId: ref.itemId, sdg: ref.sdg, metric: ref.metric }));
    const paths = byItem.get(ref.itemId) ?? [];
    for (const file of ref.files) {
      const inspection = inspected.inspections.get(file.path);
      if (!inspection?.ok) {
        report('FILE_READ_FAILED', `"${file.path}" cannot be read: ${inspection?.reason ?? 'unknown reason'}.`);
        continue;
      }
      for (const finding of fileLimitFindings(file.path, inspection.facts, rules)) report(finding.code, finding.message);
      if (!paths.includes(file.path)) paths.push(file.path);
      const itemRefs = referencesByItem.get(file.path) ?? new Map<string, ResolvedReference>();
      if (!itemRefs.has(ref.where.file)) itemRefs.set(ref.where.file, ref);
      referencesByItem.set(file.path, itemRefs);
      const list = citations.get(file.path) ?? [];
      if (ref.sdg !== undefined && ref.metric !== undefined && !list.some((c) => c.itemId === ref.itemId)) {
        list.push({ itemId: ref.itemId, sdg: ref.sdg, metric: ref.metric, file: ref.where.file, line: ref.where.line });
      }
      citations.set(file.path, list);
    }
    byItem.set(ref.itemId, paths);
  }

  const files: SupportingFile[] = [...citations.keys()].sort(compareText).map((p) => {
    // Only files whose inspection succeeded have citations.
    const facts = (inspected.inspections.get(p) as { ok: true; facts: FileFacts }).facts;
    return {
      path: p,
      size: facts.size,
      sha256: facts.sha256,
      mediaType: mediaTypeOf(extensionOf(p), facts.content),
      content: facts.content,
      citedBy: citations.get(p) ?? [],
    };
  });

  const citedOnDisk = files.map((f) => toInspect.get(f.path)!);
  const orphanSearch = await findOrphans(packRoot, rules, files, citedOnDisk, boundary, cache);
  const { orphans } = orphanSearch;
  for (const orphan of orphans) {
    const copy = orphan.sameContentAs ? ` It has the same content as "${orphan.sameContentAs}", which is cited.` : '';
    diagnostics.push(diagnostic('FILE_ORPHAN', `"${orphan.path}" lies in the pack's file folders but no item cites it.${copy}`, { file: orphan.path }));
  }
  const orphanPaths = orphans.map((o) => o.path);
  for (const ref of references) {
    if (ref.missing === undefined) continue;
    const renamed = suggestRenamed(ref.missing, orphanPaths);
    const message = `Supporting file "${ref.reference}" does not exist in the pack${renamed ? `; did you mean "${renamed}" (which no item cites)?` : '.'}`;
    diagnostics.push(diagnostic('FILE_NOT_FOUND', message, ref.where, { itemId: ref.itemId, sdg: ref.sdg, metric: ref.metric }));
  }

  // Findings about a shared file go on every item citing it, at its own reference (src/diagnostics/shared-subject.ts).
  const citing = (filePath: string) => [...(referencesByItem.get(filePath)?.values() ?? [])];
  const duplicates = duplicateContents(files);
  for (const group of duplicates) {
    // One note per citing line and content: a pattern that brings in a thousand copies gives one note, not a thousand.
    const bySite = new Map<ResolvedReference, string[]>();
    for (const other of group.paths.slice(1)) {
      for (const ref of citing(other)) bySite.set(ref, [...(bySite.get(ref) ?? []), other]);
    }
    const sharers = new SharedBy([...bySite.keys()].map((r) => r.itemId));
    for (const [ref, copies] of bySite) {
      const shown = copies.slice(0, DUPLICATES_NAMED).map((p) => `"${p}"`);
      const names = copies.length === 1 ? `${shown[0]} has` : `${shown.join(', ')}${copies.length > DUPLICATES_NAMED ? ` and ${copies.length - DUPLICATES_NAMED} more files` : ''} have`;
      const others = sharers.othersThan(ref.itemId, 'Also cited there by');
      diagnostics.push(
        diagnostic('FILE_DUPLICATE_CONTENT', `${names} the same content as "${group.paths[0]}" (SHA-256 ${group.sha256.slice(0, 12)}…).${others}`, ref.where, {
          itemId: ref.itemId,
          sdg: ref.sdg,
          metric: ref.metric,
        }),
      );
    }
  }
  for (const file of files) {
    const metrics = [...new Set(file.citedBy.map((c) => c.metric))].sort(compareMetricIds);
    if (metrics.length < rules.citedByMany) continue;
    const refs = citing(file.path);
    const sharers = new SharedBy(refs.map((r) => r.itemId));
    for (const ref of refs) {
      const others = sharers.othersThan(ref.itemId, 'Also cited by');
      diagnostics.push(
        diagnostic(
          'FILE_CITED_BY_MANY',
          `"${file.path}" is cited for ${metrics.length} metrics (${metrics.join(', ')}); the threshold for this note is ${rules.citedByMany} metrics (supporting_files.cited_by_many in impact-pack.yaml).${others}`,
          ref.where,
          { itemId: ref.itemId, sdg: ref.sdg, metric: ref.metric },
        ),
      );
    }
  }

  await cache.save(packRoot);
  return {
    value: {
      files,
      byItem,
      roots: rules.roots,
      orphans,
      duplicates,
      hashing: {
        hashed: inspected.hashed + orphanSearch.hashed,
        reused: inspected.reused + orphanSearch.reused,
        cache: cache.status,
      },
    },
    diagnostics,
  };
}
