import { CODES, type Code } from './codes';
import type { Diagnostic, Position, Severity } from './diagnostic';

/**
 * Builds a diagnostic from the catalogue. The severity is always the catalogue's, so that what a
 * coordinator sees is what docs/diagnostics.md says: a problem that deserves another severity is another
 * code. A hint other than the catalogue's is for the codes whose entry says `caseHints`.
 */
export function diagnostic(
  code: Code,
  message: string,
  where: { file: string; cell?: string } & Partial<Position>,
  extra: { hint?: string; sdg?: number; metric?: string; itemId?: string } = {},
): Diagnostic {
  const info = CODES[code];
  const d: Diagnostic = {
    code,
    severity: info.severity,
    message,
    hint: extra.hint ?? info.hint,
    file: where.file,
    line: where.line ?? 0,
    column: where.column ?? 0,
    source: info.source,
  };
  if (where.endLine !== undefined) d.endLine = where.endLine;
  if (where.endColumn !== undefined) d.endColumn = where.endColumn;
  if (where.cell !== undefined) d.cell = where.cell;
  if (extra.sdg !== undefined) d.sdg = extra.sdg;
  if (extra.metric !== undefined) d.metric = extra.metric;
  if (extra.itemId !== undefined) d.itemId = extra.itemId;
  return d;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A fixed order (file, line, column, code) so that output is the same on every run. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function countBySeverity(list: Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return counts;
}
