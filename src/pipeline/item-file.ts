import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Catalogue } from '../criteria/types';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ItemCache } from '../incremental/item-cache';
import { readTextFileSync } from '../load/read-text-file';
import { parseItem, type ParsedItem } from '../parse/item';
import { validateWithSchema } from '../validate/schema-errors';

/** One item file read, parsed and checked against the edition's item schema. */
export interface ItemFileResult {
  file: string;
  /** The parsed item; undefined when the file could not be read or turned into data. */
  parsed?: ParsedItem;
  /** Its text, for the item cache of `watch`; undefined when the file could not be read. */
  text?: string;
  /** Diagnostics of reading, parsing and the schema, in that order. */
  diagnostics: Diagnostic[];
}

/**
 * The per-file work of loading a pack, the same whether it runs in the main thread or in an item worker
 * (item-workers.ts): it depends only on the file and the schema, never on other items.
 */
export function loadItemFile(root: string, file: string, itemSchema: Record<string, unknown>): ItemFileResult {
  const read = readTextFileSync(root, file);
  if (read.diagnostic || read.text === undefined) return { file, diagnostics: read.diagnostic ? [read.diagnostic] : [] };
  return { file, text: read.text, ...parseAndCheck(file, read.text, itemSchema) };
}

export function parseAndCheck(file: string, text: string, itemSchema: Record<string, unknown>): { parsed?: ParsedItem; diagnostics: Diagnostic[] } {
  const parsed = parseItem(file, text);
  if (!parsed.value) return { diagnostics: parsed.diagnostics };
  const p = parsed.value;
  const schema = validateWithSchema(itemSchema, p.item, {
    source: p.source,
    subject: 'item',
    metricRequirements: true,
    itemId: typeof p.item.id === 'string' ? p.item.id : undefined,
    sdg: typeof p.item.sdg === 'number' ? p.item.sdg : undefined,
    metric: typeof p.item.metric === 'string' ? p.item.metric : undefined,
    // The metric-known rule explains an unknown metric better (with suggestions) than an enum error.
    skip: (e) => e.instancePath === '/metric' && e.keyword === 'enum',
  });
  return { parsed: p, diagnostics: [...parsed.diagnostics, ...schema] };
}

/** Item files read and parsed between two turns of the event loop: about 40 ms of work. */
export const ITEMS_BETWEEN_YIELDS = 64;

/**
 * The item files of a `watch` session, one thread: a file whose text is unchanged since the last run takes
 * its earlier result from the session's cache, the others are parsed and checked and remembered.
 */
export async function loadRememberedItemFiles(
  root: string,
  files: readonly string[],
  catalogue: Catalogue,
  itemSchema: Record<string, unknown>,
  cache: ItemCache,
  onProgress?: (done: number, total: number) => void,
): Promise<ItemFileResult[]> {
  const results: ItemFileResult[] = [];
  for (const file of files) {
    // Letting the event loop in now and then keeps signals and watch events from waiting for the whole pack.
    if (results.length % ITEMS_BETWEEN_YIELDS === 0) await yieldToEventLoop();
    const read = readTextFileSync(root, file);
    if (read.diagnostic || read.text === undefined) {
      results.push({ file, diagnostics: read.diagnostic ? [read.diagnostic] : [] });
    } else {
      const remembered = cache.lookup(file, read.text, catalogue);
      const result = remembered ? { parsed: remembered.item, diagnostics: remembered.diagnostics } : parseAndCheck(file, read.text, itemSchema);
      if (!remembered) cache.store(file, read.text, catalogue, result.parsed, result.diagnostics);
      results.push({ file, text: read.text, ...result });
    }
    onProgress?.(results.length, files.length);
  }
  return results;
}
