import type { Diagnostic } from '../diagnostics/diagnostic';
import { digestOf } from './digest';

/**
 * The result of the last full validation of a pack, kept in its cache folder with what it was computed
 * from. `validate` run again on an unchanged pack prints it without parsing anything.
 */
export const VALIDATION_STATE_FILE = 'validation.json';
const FORMAT = 'impact-pack/validation';
const VERSION = 1;

/** What the checks took as "today", so that saved results are not reused on a day they would differ. */
export type AsOfKey =
  /** The pack config sets build_date (the config's own content is part of the inputs), or no date was needed. */
  | { source: 'config' }
  | { source: 'SOURCE_DATE_EPOCH'; value: string }
  /** The clock: valid for the rest of that UTC day. */
  | { source: 'clock'; day: string };

export interface ValidationState {
  /** Digest of the pack's files (statTree). */
  inputs: string;
  /** toolFingerprint() of the run that saved it. */
  tool: string;
  asOf: AsOfKey;
  diagnostics: Diagnostic[];
}

interface StateFile extends ValidationState {
  format: string;
  version: number;
  checksum: string;
}

export function serialiseValidationState(state: ValidationState): string {
  const file: StateFile = { format: FORMAT, version: VERSION, ...state, checksum: digestOf(state) };
  return `${JSON.stringify(file)}\n`;
}

/**
 * Reads a saved state; undefined when it is damaged in any way (not JSON, another format or version, a
 * checksum that does not match, a malformed field). Cache files are untrusted: a damaged one is ignored
 * and rewritten by the next full run.
 */
export function parseValidationState(text: string): ValidationState | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object') return undefined;
  const file = data as Partial<StateFile>;
  if (file.format !== FORMAT || file.version !== VERSION) return undefined;
  if (typeof file.inputs !== 'string' || typeof file.tool !== 'string' || !isAsOf(file.asOf)) return undefined;
  if (!Array.isArray(file.diagnostics) || !file.diagnostics.every(isDiagnostic)) return undefined;
  const state: ValidationState = { inputs: file.inputs, tool: file.tool, asOf: file.asOf, diagnostics: file.diagnostics };
  return digestOf(state) === file.checksum ? state : undefined;
}

function isAsOf(value: unknown): value is AsOfKey {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  if (v.source === 'config') return true;
  if (v.source === 'SOURCE_DATE_EPOCH') return typeof v.value === 'string';
  if (v.source === 'clock') return typeof v.day === 'string';
  return false;
}

function isDiagnostic(value: unknown): value is Diagnostic {
  if (!value || typeof value !== 'object') return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.code === 'string' &&
    (d.severity === 'error' || d.severity === 'warning' || d.severity === 'info') &&
    typeof d.message === 'string' &&
    typeof d.file === 'string' &&
    Number.isInteger(d.line) &&
    Number.isInteger(d.column) &&
    typeof d.source === 'string'
  );
}
