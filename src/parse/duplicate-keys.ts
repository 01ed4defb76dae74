import { isAlias, isScalar, type Document, type Node, type YAMLMap } from 'yaml';

/**
 * Keys written twice in one map. The yaml package can check this itself (uniqueKeys), but it compares
 * every key with every earlier one, which takes minutes on a map with 100,000 keys; a set per map is
 * linear. Keys are compared the way they end up in the data: as text, so that `1:` and `"1":` collide
 * just as they overwrite each other in the parsed item.
 */
export interface DuplicateKey {
  key: string;
  /** Source range of the later key, which silently replaces the earlier one. */
  range: [number, number];
  /** Source offset of the first occurrence. */
  firstAt: number;
}

/** The duplicate keys of one map, in the order written (document-walk.ts calls it for every map). */
export function duplicateKeysIn(map: YAMLMap, doc: Document.Parsed, text: string, found: DuplicateKey[]): void {
  const seen = new Map<string, number>();
  for (const pair of map.items) {
    const key = pair.key as Node | null;
    const identity = keyIdentity(key, doc, text);
    if (identity === undefined || !key?.range) continue;
    const first = seen.get(identity);
    if (first === undefined) seen.set(identity, key.range[0]);
    else found.push({ key: identity, range: [key.range[0], key.range[1]], firstAt: first });
  }
}

/** The key as the data will spell it; undefined for keys that are not compared (merge keys are reported on their own). */
function keyIdentity(key: Node | null, doc: Document.Parsed, text: string): string | undefined {
  if (key === null) return '';
  const target = isAlias(key) ? key.resolve(doc) : key;
  if (isScalar(target)) {
    if (target.value === '<<' && target.type === 'PLAIN') return undefined;
    return target.value === null || target.value === undefined ? '' : String(target.value);
  }
  // A list or map used as a key: compared by how it is written.
  return target?.range ? text.slice(target.range[0], target.range[1]).trim() : undefined;
}
