import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { CACHE_FILES, CACHE_FOLDER, cachesIgnored, readCacheFile, writeCacheFile } from '../files/cache-folder';
import { RACY_MARGIN_MS } from '../files/hash-cache';
import type { LoadOptions, LoadResult } from '../pipeline/load-pack';
import { statTree } from './stat-walk';
import { toolFingerprint } from './tool-fingerprint';
import { parseValidationState, serialiseValidationState, VALIDATION_STATE_FILE, type AsOfKey } from './validation-state';

export interface IncrementalValidation {
  diagnostics: Diagnostic[];
  /** True when nothing changed since the saved validation and its result was returned as it was. */
  reused: boolean;
}

/**
 * `validate` with a memory: when no file of the pack changed (same paths, sizes and modification times),
 * nor impact-pack itself, nor the date the checks take as today, the diagnostics of the last full run are
 * returned without parsing anything. Otherwise the pack is validated in full and the result saved in its
 * cache folder. With `cache: false` nothing is read or written. Deciding costs one `lstat` per file of the
 * pack; the pipeline (YAML, JSON Schema, rules) is loaded only when it has to run.
 */
export async function validateIncrementally(packDir: string, options: LoadOptions = {}): Promise<IncrementalValidation> {
  const root = path.resolve(packDir);
  if (options.cache === false) return { diagnostics: (await fullValidation(root, options)).diagnostics, reused: false };

  const startedAtMs = Date.now();
  // Only impact-pack's own cache files are left out: anything else kept in the cache folder (an items
  // folder set there, say) is an input, so that editing it is seen.
  const inputs = statTree(root, [], (rel) => rel.startsWith(`${CACHE_FOLDER}/`) && isOwnCacheFile(rel.slice(CACHE_FOLDER.length + 1)));
  const tool = toolFingerprint();
  const saved = cachesIgnored(options.env) ? undefined : await readCacheFile(root, VALIDATION_STATE_FILE);
  const state = saved === undefined ? undefined : parseValidationState(saved);
  if (state && state.inputs === inputs.digest && state.tool === tool && asOfHolds(state.asOf, options)) {
    return { diagnostics: state.diagnostics, reused: true };
  }

  const result = await fullValidation(root, options);
  // A file changed within the file system's timestamp resolution of this run could change again unseen.
  if (inputs.newestMtimeMs <= startedAtMs - RACY_MARGIN_MS) {
    const asOf = asOfOf(result, options);
    await writeCacheFile(root, VALIDATION_STATE_FILE, serialiseValidationState({ inputs: inputs.digest, tool, asOf, diagnostics: result.diagnostics }));
  }
  return { diagnostics: result.diagnostics, reused: false };
}

async function fullValidation(root: string, options: LoadOptions): Promise<LoadResult> {
  // Loaded on demand: an unchanged pack is answered without YAML, JSON Schema or the rules in memory.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadPack } = require('../pipeline/load-pack') as typeof import('../pipeline/load-pack');
  return loadPack(root, options);
}

function asOfOf(result: LoadResult, options: LoadOptions): AsOfKey {
  const settings = result.pack?.settings;
  // Without settings only the config was checked, and nothing in it depends on the date.
  if (!settings || settings.buildDateSource === 'config') return { source: 'config' };
  if (settings.buildDateSource === 'SOURCE_DATE_EPOCH') return { source: 'SOURCE_DATE_EPOCH', value: options.env?.SOURCE_DATE_EPOCH ?? '' };
  return { source: 'clock', day: utcDay(options.now ?? new Date()) };
}

function asOfHolds(asOf: AsOfKey, options: LoadOptions): boolean {
  const epoch = options.env?.SOURCE_DATE_EPOCH ?? '';
  if (asOf.source === 'config') return true;
  if (asOf.source === 'SOURCE_DATE_EPOCH') return asOf.value === epoch;
  // The clock was used only because SOURCE_DATE_EPOCH was unset; setting it now changes the date.
  return epoch === '' && asOf.day === utcDay(options.now ?? new Date());
}

/** A cache file or one of the temporary files writeCacheFile renames into place. */
function isOwnCacheFile(name: string): boolean {
  return CACHE_FILES.some((f) => name === f || (name.startsWith(`.${f}.`) && name.endsWith('.tmp')));
}

function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
