import type { Catalogue } from '../criteria/types';
import type { DuplicateContent, FileIndex, OrphanFile } from '../files/file-index';
import type { ParsedItem } from '../parse/item';
import { buildTraceability, type Traceability } from './trace';

/**
 * The gap report's supporting-files section: what is cited, what nobody cites, what is there twice, and
 * the traceability tables. Kept apart from the rest of the gap analysis so that it can move as a block.
 */
export interface SupportingFilesSection {
  /** Cited files and their total size. */
  cited: number;
  bytes: number;
  orphans: OrphanFile[];
  duplicates: DuplicateContent[];
  traceability: Traceability;
}

export function supportingFilesSection(catalogue: Catalogue, items: readonly ParsedItem[], files: FileIndex): SupportingFilesSection {
  return {
    cited: files.files.length,
    bytes: files.files.reduce((sum, f) => sum + f.size, 0),
    orphans: files.orphans.map((o) => ({ ...o })),
    duplicates: files.duplicates.map((d) => ({ ...d, paths: [...d.paths] })),
    traceability: buildTraceability(catalogue, items, files),
  };
}
