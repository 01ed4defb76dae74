import type { Block, Heading } from '../ir/types';

/**
 * The anchor ids a document's headings may carry, decided once before writing. Shared by the three writers: the
 * HTML writer writes them as ids, the DOCX writer as bookmarks, the PDF layout as link and outline targets.
 *
 * The first heading to claim an id keeps it; a later heading with the same id is written without it (a second
 * HTML id or Word bookmark of the same name would make links jump to whichever the reader picks) and the id is
 * listed in `duplicates` for a diagnostic.
 */
export interface AnchorPlan {
  /** The id each heading is written with, for headings that have a usable one of their own. */
  idOf: Map<Heading, string>;
  /** Every id that an internal link may point at. */
  targets: Set<string>;
  /** Ids claimed by more than one heading, each listed once, in document order. */
  duplicates: string[];
}

export function planAnchors(blocks: Block[]): AnchorPlan {
  const idOf = new Map<Heading, string>();
  const targets = new Set<string>();
  const duplicates: string[] = [];
  for (const block of blocks) {
    if (block.type !== 'heading' || block.id === undefined || block.id === '') continue;
    if (targets.has(block.id)) {
      if (!duplicates.includes(block.id)) duplicates.push(block.id);
      continue;
    }
    targets.add(block.id);
    idOf.set(block, block.id);
  }
  return { idOf, targets, duplicates };
}
