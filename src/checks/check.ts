import type { Catalogue } from '../criteria/types';
import type { Code } from '../diagnostics/codes';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import type { PackSettings } from '../config/resolve';
import type { ParsedItem } from '../parse/item';
import { locate, type DataPath } from '../parse/yaml-source';

/**
 * A rule over the parsed pack, in the manner of an ESLint rule: a name, what it checks, the codes it
 * may report, and a function that reports through the context. Rules never throw on bad data: fields
 * may have the wrong type when the schema already failed, so they test types before use.
 */
export interface Check {
  name: string;
  description: string;
  codes: Code[];
  run(ctx: CheckContext): void;
}

export interface CheckContext {
  items: ParsedItem[];
  catalogue: Catalogue;
  settings: PackSettings;
  report(code: Code, message: string, at: { item: ParsedItem; path?: DataPath; key?: boolean }): void;
}

export function createContext(items: ParsedItem[], catalogue: Catalogue, settings: PackSettings, sink: Diagnostic[]): CheckContext {
  return {
    items,
    catalogue,
    settings,
    report(code, message, at) {
      const { item } = at;
      const pos = locate(item.source, at.path ?? [], at.key ? 'key' : 'value');
      sink.push(
        diagnostic(code, message, { file: item.file, ...pos }, {
          itemId: typeof item.item.id === 'string' ? item.item.id : undefined,
          sdg: typeof item.item.sdg === 'number' ? item.item.sdg : undefined,
          metric: typeof item.item.metric === 'string' ? item.item.metric : undefined,
        }),
      );
    },
  };
}

/** Every string in a value with its data path, for checks that read all text (placeholders). */
export function* stringsIn(value: unknown, path: (string | number)[] = []): Generator<{ path: (string | number)[]; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* stringsIn(value[i], [...path, i]);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* stringsIn(v, [...path, k]);
  }
}
