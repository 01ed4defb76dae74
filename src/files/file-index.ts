import type { DetectedContent } from './sniff';

/**
 * What the link stage knows about the supporting files of a pack: every file an item cites, with its
 * hash and who cites it, the files nobody cites, and which contents appear under several names.
 * Paths are pack-relative, POSIX, and in Unicode NFC, so that a pack checked out on macOS (which writes
 * names in NFD) gives the same index as on Linux.
 */

/** One item citing a file, with the line of the reference in the item's YAML. */
export interface Citation {
  itemId: string;
  sdg: number;
  metric: string;
  /** The item's YAML file (pack-relative). */
  file: string;
  /** Line of the `supporting_files` entry that matched. */
  line: number;
}

export interface SupportingFile {
  /** Pack-relative POSIX path, NFC. */
  path: string;
  size: number;
  sha256: string;
  /** Media type from the extension, or from the content when the content contradicts the extension. */
  mediaType: string;
  /** What the first bytes say the file is. */
  content: DetectedContent;
  /** Items citing it, in item-file order; one entry per item. */
  citedBy: Citation[];
}

/** A file under the file roots that no item cites. */
export interface OrphanFile {
  path: string;
  size: number;
  /** A cited file with the same content, when there is one (the orphan is then a leftover copy). */
  sameContentAs?: string;
}

/** The same bytes under several names. */
export interface DuplicateContent {
  sha256: string;
  size: number;
  /** Sorted. */
  paths: string[];
}

/** How much hashing a run did: an unchanged pack re-validated with a warm cache hashes nothing. */
export interface HashingStats {
  hashed: number;
  reused: number;
  /** What happened to the cache file: absent, loaded, rebuilt because it was damaged, or not used. */
  cache: 'absent' | 'loaded' | 'rebuilt' | 'disabled';
}

export interface FileIndex {
  /** Cited files, sorted by path. */
  files: SupportingFile[];
  /** Item id → the pack-relative paths its references resolved to, in reference order. */
  byItem: Map<string, string[]>;
  /** The folders searched for orphans (pack-relative). */
  roots: string[];
  /** Sorted by path. */
  orphans: OrphanFile[];
  /** Sorted by first path. */
  duplicates: DuplicateContent[];
  hashing: HashingStats;
}
