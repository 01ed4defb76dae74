import type { Catalogue } from '../criteria/types';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ParsedItem } from '../parse/item';

interface Entry {
  text: string;
  catalogue: Catalogue;
  /** Undefined when the file could not be parsed into an item. */
  item: ParsedItem | undefined;
  /** What parsing and the item schema found in this file. */
  diagnostics: Diagnostic[];
}

/**
 * Items parsed and checked against the item schema in earlier runs of this process (`impact-pack watch`),
 * by file. An entry is used only for the very same text and the same catalogue (the schema comes from it),
 * so a saved file is parsed again and every other file is not. Cross-item rules and supporting files
 * are always checked again: they depend on the whole pack. Entries are shared: nothing may modify them.
 */
export class ItemCache {
  private readonly entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  lookup(file: string, text: string, catalogue: Catalogue): { item: ParsedItem | undefined; diagnostics: Diagnostic[] } | undefined {
    const entry = this.entries.get(file);
    if (entry && entry.text === text && entry.catalogue === catalogue) {
      this.hits++;
      return entry;
    }
    this.misses++;
    return undefined;
  }

  store(file: string, text: string, catalogue: Catalogue, item: ParsedItem | undefined, diagnostics: Diagnostic[]): void {
    this.entries.set(file, { text, catalogue, item, diagnostics });
  }

  /** Forgets files that are gone, so that a long watch session does not keep deleted items in memory. */
  retainOnly(files: readonly string[]): void {
    const keep = new Set(files);
    for (const file of this.entries.keys()) if (!keep.has(file)) this.entries.delete(file);
  }
}
