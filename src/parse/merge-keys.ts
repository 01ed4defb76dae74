import { isScalar, visit, type Document } from 'yaml';

/**
 * Merge keys (`<<: *defaults`) come from YAML 1.1 and are not part of YAML 1.2, which impact-pack reads.
 * Left alone, `<<` would be an ordinary key whose value is a whole map: an unknown field at best, and
 * fields that seem to be set but are not. Each merge key is reported and its pair removed from the
 * document, so the data holds exactly the fields that are written out.
 */
export interface MergeKey {
  /** Source range of the `<<` key. */
  range: [number, number];
}

export function removeMergeKeys(doc: Document.Parsed): MergeKey[] {
  const found: MergeKey[] = [];
  visit(doc, {
    Map(_, map) {
      map.items = map.items.filter((pair) => {
        const key = pair.key;
        // Only the plain `<<` is a merge key; a quoted "<<" is an ordinary (if odd) key.
        const merge = isScalar(key) && key.value === '<<' && key.type === 'PLAIN';
        if (merge && key.range) found.push({ range: [key.range[0], key.range[1]] });
        return !merge;
      });
    },
  });
  return found;
}
