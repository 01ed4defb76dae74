import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import { duplicateKeysIn, type DuplicateKey } from './duplicate-keys';
import { changedKeyOf, type ChangedKey } from './key-types';
import { isMergeKey, type MergeKey } from './merge-keys';
import type { OutlineEntry, OutlineNode } from './source-outline';
import { escapedInvisibleCharacter, type InvisibleCharacter } from './text-characters';

/** What one walk over a composed document finds, each list in the order a depth-first reading meets it. */
export interface DocumentFindings {
  duplicateKeys: DuplicateKey[];
  changedKeys: ChangedKey[];
  mergeKeys: MergeKey[];
  /** Invisible characters produced by escapes in double-quoted text. */
  escapedCharacters: InvisibleCharacter[];
  /** Where each node is written, after the merge keys are removed: what the source keeps instead of the document. */
  outline: OutlineNode | undefined;
}

/**
 * Walks a composed document once, depth first, and finds everything the parser reports about its nodes:
 * duplicate keys, keys not read as written, merge keys (whose pairs it removes from the document, so that
 * the data holds only the fields written out) and escaped invisible characters; and builds the outline
 * of positions kept in place of the document. Four separate `visit` walks took 0.73 s at 10,000 items
 * (yaml's visit freezes a new path array at every node), this one walk 0.46 s with the outline. The plain
 * recursion is bounded by the nesting limit checked before the document is composed (yaml-shape.ts).
 */
export function walkDocument(doc: Document.Parsed, text: string): DocumentFindings {
  const found: DocumentFindings = { duplicateKeys: [], changedKeys: [], mergeKeys: [], escapedCharacters: [], outline: undefined };
  const mergedMaps: YAMLMap[] = [];

  const pairParts = (pair: Pair, insideMerge: boolean): OutlineNode | undefined => {
    const changed = changedKeyOf(pair, text);
    if (changed) found.changedKeys.push(changed);
    walk(pair.key, insideMerge);
    return walk(pair.value, insideMerge);
  };

  /**
   * @param insideMerge the node lies in the value of a merge key, which is removed as a whole: what it
   * holds is still checked, but its own merge keys are neither reported nor removed.
   */
  const walk = (node: unknown, insideMerge: boolean): OutlineNode | undefined => {
    if (isScalar(node)) {
      const escaped = escapedInvisibleCharacter(node, text);
      if (escaped) found.escapedCharacters.push(escaped);
      return node.range ? { kind: 'scalar', plain: node.type === 'PLAIN', start: node.range[0], end: node.range[1] } : undefined;
    }
    if (isAlias(node)) return node.range ? { kind: 'alias', start: node.range[0], end: node.range[1] } : undefined;
    if (isMap(node)) {
      // A map's own duplicate and merge keys come before those of the maps inside it, as a reader meets them.
      duplicateKeysIn(node, doc, text, found.duplicateKeys);
      const merges = insideMerge ? [] : node.items.filter(isMergeKey);
      for (const { key } of merges) if (key.range) found.mergeKeys.push({ range: [key.range[0], key.range[1]] });
      const entries: OutlineEntry[] = [];
      for (const pair of node.items) {
        const merge = !insideMerge && isMergeKey(pair);
        const value = pairParts(pair, insideMerge || merge);
        if (!merge && isScalar(pair.key) && pair.key.range) {
          entries.push({ name: String(pair.key.value), keyStart: pair.key.range[0], keyEnd: pair.key.range[1], value });
        }
      }
      if (merges.length > 0) mergedMaps.push(node);
      return node.range ? { kind: 'map', entries, start: node.range[0], end: node.range[1] } : undefined;
    }
    if (isSeq(node)) {
      // An entry of a !!pairs or !!omap list is a key: value pair with no position of its own; its parts are still checked.
      const items = node.items.map((item) => {
        if (!isPair(item)) return walk(item, insideMerge);
        pairParts(item, insideMerge);
        return undefined;
      });
      return node.range ? { kind: 'seq', items, start: node.range[0], end: node.range[1] } : undefined;
    }
    return undefined;
  };

  found.outline = walk(doc.contents, false);
  // Removed only now, so that everything above saw the document as written (an alias key can name an anchor inside a merge).
  for (const map of mergedMaps) map.items = map.items.filter((pair) => !isMergeKey(pair));
  return found;
}
