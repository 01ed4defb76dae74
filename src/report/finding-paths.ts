import type { Diagnostic } from '../diagnostics/diagnostic';

/**
 * Path of a finding's file as CI sees it: pack-relative paths prefixed with the pack's folder relative to
 * where the command runs (the repository root in CI), POSIX separators. Code scanning and workflow
 * annotations resolve paths from the repository root, and a pack usually lives in a sub-folder.
 */
export function repoPath(file: string, pathPrefix: string): string {
  const prefix = pathPrefix.replace(/\\/g, '/').replace(/\/+$/, '');
  if (prefix === '' || prefix === '.') return file;
  return `${prefix}/${file}`;
}

/** Findings in a fixed order and without repeats (a diagnostic may reach a formatter twice). */
export function uniqueFindings(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of list) {
    const key = `${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
