import type { Diagnostic } from '../diagnostics/diagnostic';
import type { DocumentInputs } from './dependency-graph';
import { digestOf } from './digest';

/**
 * What the last build of a pack rendered, kept in its cache folder: the output folder it went to and, for
 * each SDG document, the digest of everything it was rendered from, the SHA-256 of each file written, the
 * problems rendering found, and its inputs in the dependency graph. One file per pack, like the hash cache:
 * a build into another folder replaces it.
 */
export const BUILD_STATE_FILE = 'build-state.json';
const FORMAT = 'impact-pack/build';
const VERSION = 1;

export interface DocumentRecord {
  /** Digest of the render inputs: the document's data, templates, options and impact-pack itself. */
  key: string;
  /** Output file name → SHA-256 of its bytes. */
  files: Record<string, string>;
  /** Problems found while rendering it (template, glyph, link warnings), reported again when it is reused. */
  diagnostics: Diagnostic[];
  inputs: DocumentInputs;
}

export interface BuildState {
  /** The absolute path of the output folder the documents were written to. */
  outDir: string;
  /** Digest of what every document shares (settings, templates, options, tool): a change re-renders them all. */
  shared: string;
  /** Document name (sdg-07) → record. */
  documents: Record<string, DocumentRecord>;
}

interface StateFile extends BuildState {
  format: string;
  version: number;
  checksum: string;
}

export function serialiseBuildState(state: BuildState): string {
  return `${JSON.stringify({ format: FORMAT, version: VERSION, ...state, checksum: digestOf(state) } satisfies StateFile)}\n`;
}

/** Reads a saved state; undefined when damaged in any way. Untrusted: a bad state only costs a full build. */
export function parseBuildState(text: string): BuildState | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object') return undefined;
  const file = data as Partial<StateFile>;
  if (file.format !== FORMAT || file.version !== VERSION || typeof file.shared !== 'string' || typeof file.outDir !== 'string') return undefined;
  if (!file.documents || typeof file.documents !== 'object' || Array.isArray(file.documents)) return undefined;
  if (!Object.values(file.documents).every(isRecord)) return undefined;
  const state: BuildState = { outDir: file.outDir, shared: file.shared, documents: file.documents };
  return digestOf(state) === file.checksum ? state : undefined;
}

const isStringMap = (v: unknown): v is Record<string, string> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

function isRecord(value: unknown): value is DocumentRecord {
  if (!value || typeof value !== 'object') return false;
  const r = value as Partial<DocumentRecord>;
  return (
    typeof r.key === 'string' &&
    isStringMap(r.files) &&
    Array.isArray(r.diagnostics) &&
    r.diagnostics.every((d) => !!d && typeof d === 'object' && typeof (d as Diagnostic).code === 'string' && typeof (d as Diagnostic).message === 'string') &&
    !!r.inputs &&
    isStringMap(r.inputs.evidence) &&
    isStringMap(r.inputs.supporting)
  );
}
