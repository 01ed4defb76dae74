/**
 * Where the PDF layout put each heading: what the DOCX writer needs to write the page numbers of its table of
 * contents without laying the document out a second time (src/render/docx/page-numbers.ts). Pure.
 */
import type { DocumentIR } from '../ir/types';
import type { FontMetrics } from './font-metrics';
import { layoutDocument } from './layout';
import { A4, type LaidOutDocument, type OutlineEntry } from './layout-types';

export interface HeadingPages {
  /** The page (from 1) of each heading of the document, in document order. */
  readonly pages: readonly number[];
  /** The number of pages. */
  readonly pageCount: number;
}

/**
 * The pages of a laid-out document's headings. Every heading is in the outline, nested in document order, so
 * reading the outline depth first gives them in order. Headings of blocks only the PDF has (pdf-blocks.ts) come
 * last, and so do their pages.
 */
export function headingPagesOf(laidOut: LaidOutDocument): HeadingPages {
  const pages: number[] = [];
  const visit = (entries: readonly OutlineEntry[]): void => {
    for (const entry of entries) {
      pages.push(entry.pageIndex + 1);
      visit(entry.children);
    }
  };
  visit(laidOut.outline);
  return { pages, pageCount: laidOut.pages.length };
}

/** Lays the IR out as the PDF writer would, without writing a PDF, for its headings' pages. */
export function layoutHeadingPages(ir: DocumentIR, metrics: FontMetrics): HeadingPages {
  return headingPagesOf(layoutDocument(ir, metrics, A4));
}
