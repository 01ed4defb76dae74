import { compareText } from '../diagnostics/make';
import type { DuplicateContent, SupportingFile } from './file-index';

/** Cited files whose bytes are identical under different names, grouped by hash. Pure. */
export function duplicateContents(files: readonly SupportingFile[]): DuplicateContent[] {
  const byHash = new Map<string, SupportingFile[]>();
  for (const f of files) byHash.set(f.sha256, [...(byHash.get(f.sha256) ?? []), f]);
  return [...byHash.values()]
    .filter((group) => group.length > 1)
    .map((group) => ({ sha256: group[0].sha256, size: group[0].size, paths: group.map((f) => f.path).sort(compareText) }))
    .sort((a, b) => compareText(a.paths[0], b.paths[0]));
}
