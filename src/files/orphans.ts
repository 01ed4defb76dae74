import fg from 'fast-glob';
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { compareText } from '../diagnostics/make';
import { nfc } from './disk-spelling';
import type { OrphanFile, SupportingFile } from './file-index';
import { isInsideFolder, type FileRules } from './file-rules';
import type { HashCache } from './hash-cache';
import type { PackBoundary } from './inside-pack';
import { inspectFiles, type FileToInspect } from './inspect-files';

/**
 * Files under the pack's file roots that no item cites: usually a file renamed after an item cited it,
 * or evidence nobody wrote an item for. An orphan with the same size as a cited file is hashed to tell
 * whether it is a leftover copy; other orphans are never read.
 */
export async function findOrphans(
  root: string,
  rules: FileRules,
  cited: readonly SupportingFile[],
  citedOnDisk: readonly FileToInspect[],
  boundary: PackBoundary,
  cache: HashCache,
): Promise<{ orphans: OrphanFile[]; hashed: number; reused: number }> {
  // The logo is used by every cover; a coordinator who keeps it beside the evidence should not be told it is forgotten.
  const citedPaths = new Set([...cited.map((f) => f.path), ...rules.usedByConfig]);
  // A file cited through a symbolic link inside the pack is cited too, under its real name.
  const citedReal = new Set((await Promise.all(citedOnDisk.map((f) => realpath(path.join(root, f.onDisk)).catch(() => undefined)))).filter((r) => r !== undefined));
  const candidates: FileToInspect[] = [];
  const seen = new Set<string>();
  for (const folder of rules.roots) {
    if (!(await boundary.contains(folder))) continue;
    const excluded = rules.excluded
      .filter((x) => x !== folder && isInsideFolder(x, folder))
      .map((x) => `${fg.escapePath(folder === '.' ? x : x.slice(folder.length + 1))}/**`);
    const found = await fg.glob('**/*', {
      cwd: path.join(root, folder),
      onlyFiles: true,
      dot: false,
      followSymbolicLinks: false,
      unique: true,
      ignore: ['**/node_modules/**', '**/.git/**', ...rules.ignore, ...excluded],
    });
    for (const rel of found) {
      const onDisk = folder === '.' ? rel : `${folder}/${rel}`;
      const key = nfc(onDisk);
      if (citedPaths.has(key) || seen.has(key)) continue;
      seen.add(key);
      candidates.push({ path: key, onDisk });
    }
  }
  const reals = await Promise.all(candidates.map((c) => realpath(path.join(root, c.onDisk)).catch(() => undefined)));
  const uncited = candidates.filter((_, i) => reals[i] === undefined || !citedReal.has(reals[i]!)).sort((a, b) => compareText(a.path, b.path));

  const sizes = await Promise.all(uncited.map((c) => lstat(path.join(root, c.onDisk)).then((s) => s.size, () => 0)));
  const citedBySize = new Map<number, SupportingFile[]>();
  for (const f of cited) citedBySize.set(f.size, [...(citedBySize.get(f.size) ?? []), f]);
  const sameSize = uncited.filter((_, i) => sizes[i] > 0 && citedBySize.has(sizes[i]));
  const { inspections, hashed, reused } = await inspectFiles(root, sameSize, cache);

  const orphans = uncited.map((c, i): OrphanFile => {
    const orphan: OrphanFile = { path: c.path, size: sizes[i] };
    const inspection = inspections.get(c.path);
    if (inspection?.ok) {
      const twin = (citedBySize.get(sizes[i]) ?? []).find((f) => f.sha256 === inspection.facts.sha256);
      if (twin) orphan.sameContentAs = twin.path;
    }
    return orphan;
  });
  return { orphans, hashed, reused };
}
