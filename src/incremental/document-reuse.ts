import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { readCacheFile, writeCacheFile } from '../files/cache-folder';
import { BUILD_STATE_FILE, parseBuildState, serialiseBuildState, type BuildState, type DocumentRecord } from './build-state';
import { changedInputs, type DocumentInputs } from './dependency-graph';
import { sha256 } from './digest';

/** A document taken over from the previous build: its files' bytes and the problems found when it was rendered. */
export interface ReusedDocument {
  files: Map<string, Uint8Array>;
  diagnostics: Diagnostic[];
}

/** What happened to one SDG document in this build, for the summary. */
export type DocumentOutcome = { sdg: number; reused: true } | { sdg: number; reused: false; reasons: string[] };

/**
 * Incremental rendering for one build: decides per SDG document whether the previous build's files can
 * be taken over, and records what this build rendered for the next one. A document is reused only when
 * its render inputs have the same digest as last time and every file it wrote is still in the output
 * folder with the bytes recorded; anything else (no state, a damaged state, an edited or deleted output
 * file) renders it again. The state is saved only after the output folder was written.
 */
export class DocumentReuse {
  private readonly next: BuildState;
  readonly outcomes: DocumentOutcome[] = [];

  private constructor(
    private readonly packRoot: string,
    private readonly outDir: string,
    private readonly enabled: boolean,
    private readonly previous: BuildState | undefined,
    shared: string,
  ) {
    this.next = { outDir, shared, documents: {} };
  }

  /**
   * Opens the state of the pack's last build, usable when it went to the same output folder; `enabled: false`
   * (no cache) reuses and records nothing.
   */
  static async open(packRoot: string, outDir: string, shared: string, enabled = true): Promise<DocumentReuse> {
    const folder = path.resolve(outDir);
    const text = enabled ? await readCacheFile(packRoot, BUILD_STATE_FILE) : undefined;
    const state = text === undefined ? undefined : parseBuildState(text);
    return new DocumentReuse(packRoot, folder, enabled, state?.outDir === folder ? state : undefined, shared);
  }

  /** The earlier files of a document, when nothing it is made from changed; undefined when it must be rendered. */
  async reusable(name: string, sdg: number, key: string, inputs: DocumentInputs): Promise<ReusedDocument | undefined> {
    const record = this.previous?.documents[name];
    if (!record) return this.rendered(sdg, this.previous ? ['not in the previous build'] : []);
    if (record.key !== key) {
      const reasons = changedInputs(record.inputs, inputs);
      if (this.previous!.shared !== this.next.shared) reasons.unshift('settings, templates or options changed');
      return this.rendered(sdg, reasons.length > 0 ? reasons : ['its content changed']);
    }
    const files = new Map<string, Uint8Array>();
    for (const [file, digest] of Object.entries(record.files)) {
      const bytes = await readFile(path.join(this.outDir, file)).catch(() => undefined);
      if (!bytes || sha256(bytes) !== digest) return this.rendered(sdg, [`${file} in the output folder is missing or was changed`]);
      files.set(file, bytes);
    }
    this.next.documents[name] = record;
    this.outcomes.push({ sdg, reused: true });
    return { files, diagnostics: record.diagnostics };
  }

  /** Records a document this build rendered. */
  record(name: string, key: string, files: Map<string, Uint8Array | string>, diagnostics: Diagnostic[], inputs: DocumentInputs): void {
    const digests: Record<string, string> = {};
    for (const [file, bytes] of files) digests[file] = sha256(bytes);
    const entry: DocumentRecord = { key, files: digests, diagnostics, inputs };
    this.next.documents[name] = entry;
  }

  /** Saves the state for the next build; called once the output folder holds what was recorded. */
  async save(): Promise<void> {
    if (!this.enabled) return;
    await writeCacheFile(this.packRoot, BUILD_STATE_FILE, serialiseBuildState(this.next));
  }

  private rendered(sdg: number, reasons: string[]): undefined {
    this.outcomes.push({ sdg, reused: false, reasons });
    return undefined;
  }
}
