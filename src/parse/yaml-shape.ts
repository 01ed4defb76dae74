import { CST } from 'yaml';

/**
 * Limits on the shape of a YAML file, measured on the parser's concrete syntax tree before any node is
 * composed. The yaml package composes documents recursively: a file nested thousands of levels deep
 * exhausts the stack (and at tens of thousands, memory), and composing hundreds of thousands of entries
 * takes minutes. Walking the syntax tree here is iterative, so no input can make the walk itself fail.
 */

/** Far deeper than any evidence item (about 4 levels) or the criteria catalogue (9 levels) needs. */
export const MAX_NESTING_DEPTH = 64;

/** Map pairs plus list entries; the largest criteria catalogue has about 5,000, an evidence item about 50. */
export const MAX_ENTRIES = 20_000;

export interface YamlShape {
  /** Deepest nesting of maps and lists measured, a document's top level being 1 (measuring stops past the limit). */
  depth: number;
  /** Source offset of the first collection deeper than MAX_NESTING_DEPTH, when there is one. */
  tooDeepAt?: number;
  /** Map pairs and list entries in all documents. */
  entries: number;
  /** The collection with the most entries: where a reader would look when the file is too large. */
  largest?: { offset: number; entries: number };
}

/** Measures nesting and size of every document in a token stream from yaml's Parser. */
export function measureYamlShape(tokens: readonly CST.Token[]): YamlShape {
  const shape: YamlShape = { depth: 0, entries: 0 };
  const pending: Array<{ token: CST.Token; depth: number }> = tokens.map((token) => ({ token, depth: 0 }));
  while (pending.length > 0) {
    const { token, depth } = pending.pop()!;
    if (token.type === 'document') {
      if (token.value) pending.push({ token: token.value, depth });
      continue;
    }
    if (!CST.isCollection(token)) continue;
    const level = depth + 1;
    shape.depth = Math.max(shape.depth, level);
    if (level > MAX_NESTING_DEPTH) {
      // The earliest offender in the file, whatever order the walk meets them in.
      shape.tooDeepAt = Math.min(shape.tooDeepAt ?? token.offset, token.offset);
      continue;
    }
    shape.entries += token.items.length;
    const larger = !shape.largest || token.items.length > shape.largest.entries;
    const tieEarlier = shape.largest !== undefined && token.items.length === shape.largest.entries && token.offset < shape.largest.offset;
    if (larger || tieEarlier) shape.largest = { offset: token.offset, entries: token.items.length };
    for (const item of token.items) {
      if (item.key) pending.push({ token: item.key, depth: level });
      if (item.value) pending.push({ token: item.value, depth: level });
    }
  }
  return shape;
}
