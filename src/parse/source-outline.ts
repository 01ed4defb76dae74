/**
 * Where each node of a YAML document is written, without the document. Items are kept from the parse to
 * the end of a run for the positions of diagnostics; keeping yaml's node tree for that cost about 10 KB per
 * evidence item (106 MB at 10,000 items), this outline about a third of that. It holds what positions and
 * the checks after parsing need: the source offsets of every node and key, the text each key becomes,
 * and whether a scalar was written plain (without quotes).
 */

export type OutlineNode = OutlineScalar | OutlineAlias | OutlineMap | OutlineSeq;

/** Source offsets of a node: where it starts and where its value ends (yaml's range[0] and range[1]). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface OutlineScalar extends Span {
  readonly kind: 'scalar';
  /** Written as it reads, without quotes or a block indicator: only such a scalar can be a YAML 1.1 boolean word. */
  readonly plain: boolean;
}

export interface OutlineAlias extends Span {
  readonly kind: 'alias';
}

export interface OutlineMap extends Span {
  readonly kind: 'map';
  /** Entries whose key is a scalar, in the order written; other keys can never be named by a data path. */
  readonly entries: readonly OutlineEntry[];
}

export interface OutlineEntry {
  /** The key as text, as a data path names it (`2024:` is "2024", `1.10:` is "1.1"). */
  readonly name: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  /** Undefined when the pair has no value node. */
  readonly value: OutlineNode | undefined;
}

export interface OutlineSeq extends Span {
  readonly kind: 'seq';
  /** Undefined for an entry of a `!!pairs` or `!!omap` list, a key: value pair with no position of its own. */
  readonly items: ReadonlyArray<OutlineNode | undefined>;
}
