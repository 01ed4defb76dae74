import { isScalar, type Pair, type Scalar } from 'yaml';

/**
 * Merge keys (`<<: *defaults`) come from YAML 1.1 and are not part of YAML 1.2, which impact-pack reads.
 * Left alone, `<<` would be an ordinary key whose value is a whole map: an unknown field at best, and
 * fields that seem to be set but are not. Each merge key is reported and its pair removed from the
 * document (by document-walk.ts), so the data holds exactly the fields that are written out.
 */
export interface MergeKey {
  /** Source range of the `<<` key. */
  range: [number, number];
}

/** Only the plain `<<` is a merge key; a quoted "<<" is an ordinary (if odd) key. */
export function isMergeKey(pair: Pair): pair is Pair<Scalar> {
  const key = pair.key;
  return isScalar(key) && key.value === '<<' && key.type === 'PLAIN';
}
