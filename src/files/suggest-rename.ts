import path from 'node:path';

/**
 * The file a missing reference most likely means, among the files nobody cites: a supporting file that
 * was renamed after an item cited it leaves exactly that pair behind. Only names in the same folder with
 * the same extension and a small edit distance qualify, so the suggestion is rarely wrong. Pure.
 */
export function suggestRenamed(missing: string, orphans: readonly string[]): string | undefined {
  const folder = path.posix.dirname(missing);
  const ext = path.posix.extname(missing).toLowerCase();
  const base = path.posix.basename(missing).normalize('NFC').toLowerCase();
  let best: { path: string; distance: number } | undefined;
  for (const candidate of orphans) {
    if (path.posix.dirname(candidate) !== folder || path.posix.extname(candidate).toLowerCase() !== ext) continue;
    const name = path.posix.basename(candidate).toLowerCase();
    const distance = editDistance(base, name);
    const allowed = Math.max(3, Math.floor(Math.max(base.length, name.length) * 0.4));
    if (distance <= allowed && (!best || distance < best.distance)) best = { path: candidate, distance };
  }
  return best?.path;
}

/** Levenshtein distance: insertions, deletions and substitutions each cost one. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
