import path from 'node:path';
import { CHECKS } from '../checks';
import { createContext } from '../checks/check';
import { CONFIG_FILE, resolveConfig, type PackSettings } from '../config/resolve';
import { listEditions, loadCatalogue } from '../criteria/load';
import type { Catalogue } from '../criteria/types';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnostic, sortDiagnostics } from '../diagnostics/make';
import { fileRulesFor } from '../files/file-rules';
import { resolveSupportingFiles, type FileIndex } from '../files/resolve';
import type { ItemCache } from '../incremental/item-cache';
import { discoverItemFiles } from '../load/discover-items';
import { readTextFile } from '../load/read-text-file';
import type { ParsedItem } from '../parse/item';
import { itemSchemaForEdition } from '../schemas/item-edition';
import { loadRememberedItemFiles } from './item-file';
import { loadItemFiles } from './item-workers';
import { cachesIgnored } from '../files/cache-folder';

export interface LoadOptions {
  env?: Record<string, string | undefined>;
  /** The clock, injectable so that tests are deterministic; only used when neither build_date nor SOURCE_DATE_EPOCH is set. */
  now?: Date;
  /** Remember supporting-file hashes in the pack's .impact-pack-cache folder, so an unchanged pack is not re-hashed (default true). */
  cache?: boolean;
  /** Items parsed in earlier runs of this process (impact-pack watch): unchanged files are not parsed again. */
  itemCache?: ItemCache;
  /** Told as work advances, for a progress bar on long runs (src/cli/progress.ts); called often, so it must be cheap. */
  onProgress?: (event: ProgressEvent) => void;
}

/** How far a long run has got: items parsed, supporting files hashed, documents rendered. */
export interface ProgressEvent {
  phase: 'items' | 'files' | 'documents';
  done: number;
  total: number;
}

/** A pack after load → parse → validate → link: everything the analysis and the documents need. */
export interface LoadedPack {
  root: string;
  settings: PackSettings;
  catalogue: Catalogue;
  /** Items that parsed (valid or not), in file order. */
  items: ParsedItem[];
  /** Files of items whose YAML could not be read at all. */
  unreadable: string[];
  files: FileIndex;
}

export interface LoadResult {
  pack?: LoadedPack;
  diagnostics: Diagnostic[];
}

/**
 * Loads and checks a whole pack, reporting every problem at once. Returns no pack only when the config
 * itself is unusable; otherwise items with problems are kept so that the gap report can show them.
 */
export async function loadPack(packDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const root = path.resolve(packDir);
  const diagnostics: Diagnostic[] = [];
  const configFile = await readTextFile(root, CONFIG_FILE);
  if (configFile.diagnostic) return { diagnostics: [configFile.diagnostic] };
  if (configFile.text === undefined) {
    return {
      diagnostics: [diagnostic('CONFIG_MISSING', `No ${CONFIG_FILE} in ${root}.`, { file: CONFIG_FILE })],
    };
  }
  const resolved = resolveConfig(configFile.text, listEditions(), options.env ?? {}, options.now ?? new Date());
  diagnostics.push(...resolved.diagnostics);
  const settings = resolved.value;
  if (!settings) return { diagnostics: sortDiagnostics(diagnostics) };

  const cat = loadCatalogue(settings.config.edition);
  diagnostics.push(...cat.diagnostics);
  const catalogue = cat.value;
  if (!catalogue) return { diagnostics: sortDiagnostics(diagnostics) };

  const items: ParsedItem[] = [];
  const unreadable: string[] = [];
  const itemSchema = itemSchemaForEdition(catalogue);
  const discovered = await discoverItemFiles(root, settings.config.folders.items);
  diagnostics.push(...discovered.diagnostics);
  const itemFiles = discovered.value;
  const itemProgress = options.onProgress && ((done: number, total: number) => options.onProgress?.({ phase: 'items', done, total }));
  const results = options.itemCache
    ? await loadRememberedItemFiles(root, itemFiles, catalogue, itemSchema, options.itemCache, itemProgress)
    : await loadItemFiles(root, itemFiles, catalogue.edition, itemSchema, options.env ?? {}, itemProgress);
  for (const result of results) {
    diagnostics.push(...result.diagnostics);
    if (result.parsed) items.push(result.parsed);
    else unreadable.push(result.file);
  }
  options.itemCache?.retainOnly(itemFiles);

  for (const check of CHECKS) check.run(createContext(items, catalogue, settings, diagnostics));

  const onProgress = options.onProgress;
  const files = await resolveSupportingFiles(root, items, {
    rules: fileRulesFor(settings.config),
    // In CI the caches found in the checkout came with the repository: hash everything afresh.
    cache: options.cache !== false && !cachesIgnored(options.env),
    onProgress: onProgress && ((done, total) => onProgress({ phase: 'files', done, total })),
  });
  diagnostics.push(...files.diagnostics);

  return {
    pack: { root, settings, catalogue, items, unreadable, files: files.value },
    diagnostics: sortDiagnostics(diagnostics),
  };
}
