/**
 * The one shape every problem in a pack takes, whatever stage found it.
 * Formatters (human, JSON, Markdown, later SARIF/JUnit) read only this shape.
 */
export type Severity = 'error' | 'warning' | 'info';

export type DiagnosticSource = 'yaml' | 'schema' | 'rule' | 'files' | 'urls' | 'template' | 'render' | 'config' | 'workbook';

export interface Diagnostic {
  /** Stable identifier, e.g. METRIC_UNKNOWN; documented in the codes catalogue. */
  code: string;
  severity: Severity;
  message: string;
  hint?: string;
  /** Path relative to the pack root, POSIX separators. Empty string when the problem concerns no file. */
  file: string;
  /** 1-based; 0 when the problem has no position in the file. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** For a problem in a spreadsheet (impact-pack import): the sheet and cell, e.g. "SDG6!F12"; line and column are then 0. */
  cell?: string;
  sdg?: number;
  metric?: string;
  itemId?: string;
  source: DiagnosticSource;
}

/** What every pipeline stage returns: its value plus what it found wrong. Stages throw only for bugs. */
export interface StageResult<T> {
  value: T;
  diagnostics: Diagnostic[];
}

export interface Position {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}
