import { isAlias, isCollection, isScalar, type Node, type Pair } from 'yaml';

/**
 * Map keys that YAML reads as something other than the text written. In the data every key becomes
 * text again, but not the same text: `1.10:` becomes "1.1", `0x1F:` becomes "31", `~:` and `null:`
 * become "" (so a value name, a source key or a fact name silently changes). A key that is a list or
 * a map cannot be named in the data at all.
 */
export interface ChangedKey {
  range: [number, number];
  written: string;
  /** The text the data ends up with; undefined for a list or map used as a key. */
  readAs?: string;
  /** What YAML took it for: a number, true/false, null, a list or a map. */
  kind: 'number' | 'boolean' | 'null' | 'collection';
}

/** The key of one pair when it is not read as written (document-walk.ts calls it for every pair). */
export function changedKeyOf(pair: Pair, text: string): ChangedKey | undefined {
  const key = pair.key as Node | null;
  if (!key || isAlias(key) || !key.range) return undefined;
  const range: [number, number] = [key.range[0], key.range[1]];
  const written = text.slice(range[0], range[1]).trim();
  if (isCollection(key)) return { range, written, kind: 'collection' };
  if (!isScalar(key)) return undefined;
  const kind = keyKind(key.value);
  if (kind === undefined) return undefined;
  const readAs = key.value === null || key.value === undefined ? '' : String(key.value);
  return readAs !== written ? { range, written, readAs, kind } : undefined;
}

/** Text keys and tagged values (binary, timestamps) are left to the schema; only what YAML silently converts counts. */
function keyKind(value: unknown): ChangedKey['kind'] | undefined {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return undefined;
}
