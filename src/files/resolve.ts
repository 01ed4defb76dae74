import fg from 'fast-glob';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic';
import { compareText, diagnostic } from '../diagnostics/make';
import type { ParsedItem } from '../parse/item';
import { locate } from '../parse/yaml-source';
import { sha256File } from './hash';

export interface Citation {
  itemId: string;
  sdg: number;
  metric: string;
}

export interface SupportingFile {
  /** Pack-relative POSIX path. */
  path: string;
  size: number;
  sha256: string;
  citedBy: Citation[];
}

export interface FileIndex {
  /** Sorted by path. */
  files: SupportingFile[];
  /** Item id → the pack-relative paths its references resolved to, in reference order. */
  byItem: Map<string, string[]>;
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];

/**
 * Resolves every `supporting_files` reference against the pack folder. One glob call per reference, so
 * each match is attributed to the reference that made it; literal paths are escaped before matching
 * (a file named "rapport (final).pdf" must resolve). Reads only inside the pack.
 */
export async function resolveSupportingFiles(packRoot: string, items: ParsedItem[]): Promise<StageResult<FileIndex>> {
  const diagnostics: Diagnostic[] = [];
  const byItem = new Map<string, string[]>();
  const citations = new Map<string, Citation[]>();
  const rootReal = await realpath(packRoot);

  for (const p of items) {
    const refs = p.item.supporting_files;
    if (!Array.isArray(refs)) continue;
    const id = typeof p.item.id === 'string' ? p.item.id : p.file;
    const resolved: string[] = [];
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i];
      if (typeof ref !== 'string' || ref.trim() === '') continue;
      const where = { file: p.file, ...locate(p.source, ['supporting_files', i]) };
      const extra = { itemId: id, sdg: p.item.sdg, metric: p.item.metric };
      if (ref.includes('\\')) {
        diagnostics.push(diagnostic('PATH_BACKSLASH', `"${ref}" uses backslashes; write it as "${ref.replace(/\\/g, '/')}".`, where, extra));
        continue;
      }
      const normal = path.posix.normalize(ref);
      if (path.posix.isAbsolute(ref) || /^[A-Za-z]:/.test(ref) || normal === '..' || normal.startsWith('../')) {
        diagnostics.push(diagnostic('FILE_OUTSIDE_PACK', `"${ref}" points outside the pack folder; it was not read.`, where, extra));
        continue;
      }
      const dynamic = fg.isDynamicPattern(ref);
      const pattern = dynamic ? ref : fg.escapePath(normal);
      const matches = (
        await fg.glob(pattern, { cwd: packRoot, onlyFiles: true, dot: false, followSymbolicLinks: false, unique: true, ignore: IGNORE })
      ).sort(compareText);
      if (matches.length === 0) {
        diagnostics.push(
          dynamic
            ? diagnostic('GLOB_NO_MATCH', `Pattern "${ref}" matches no file in the pack.`, where, extra)
            : diagnostic('FILE_NOT_FOUND', `Supporting file "${ref}" does not exist in the pack.`, where, extra),
        );
        continue;
      }
      for (const match of matches) {
        // A symbolic link inside the pack may still point outside it; such a file is never read.
        const real = await realpath(path.join(packRoot, match)).catch(() => undefined);
        if (!real || (real !== rootReal && !real.startsWith(rootReal + path.sep))) {
          diagnostics.push(diagnostic('FILE_OUTSIDE_PACK', `"${match}" is a link to a file outside the pack; it was not read.`, where, extra));
          continue;
        }
        resolved.push(match);
        const list = citations.get(match) ?? [];
        if (typeof p.item.sdg === 'number' && typeof p.item.metric === 'string' && !list.some((c) => c.itemId === id)) {
          list.push({ itemId: id, sdg: p.item.sdg, metric: p.item.metric });
        }
        citations.set(match, list);
      }
    }
    byItem.set(id, [...new Set(resolved)]);
  }

  const paths = [...citations.keys()].sort(compareText);
  const files = await Promise.all(
    paths.map(async (rel) => {
      const abs = path.join(packRoot, rel);
      const [info, sha256] = await Promise.all([stat(abs), sha256File(abs)]);
      return { path: rel, size: info.size, sha256, citedBy: citations.get(rel) ?? [] };
    }),
  );
  return { value: { files, byItem }, diagnostics };
}
