import type { Diagnostic } from '../../diagnostics/diagnostic';
import { diagnostic } from '../../diagnostics/make';
import type { DocumentIR } from '../ir/types';
import type { DocxOptions } from './index';

/**
 * Top-level blocks above which a DOCX is written without estimated page numbers. Laying the pages out as
 * Word would (page-numbers.ts) costs five to seven times the rest of the DOCX writing: 6 s of CPU for the
 * 1,400 blocks of a 120-item SDG document, 31 s and about 1 GB for the 12,000 blocks (900 pages) of the
 * largest document of a 10,000-item pack, where it made the whole build 2.5 times slower (BENCHMARKS.md).
 * Every document of the example pack (at most 700 blocks) stays well below it.
 */
export const PAGE_ESTIMATE_BLOCK_LIMIT = 1500;

/**
 * How to write a document's DOCX: with estimated page numbers when it is small enough, otherwise with the
 * fields marked for Word to update on opening, and an info diagnostic saying so. Pure.
 */
export function docxPageNumbers(ir: DocumentIR, documentName: string, sdg?: number): { options: DocxOptions; diagnostics: Diagnostic[] } {
  if (ir.blocks.length <= PAGE_ESTIMATE_BLOCK_LIMIT) return { options: {}, diagnostics: [] };
  const message = `${documentName}.docx has ${ir.blocks.length} blocks, more than ${PAGE_ESTIMATE_BLOCK_LIMIT}: its table of contents is written without page numbers, for the word processor to fill in.`;
  return {
    options: { estimatePageNumbers: false, updateFieldsOnOpen: true },
    diagnostics: [diagnostic('DOCX_PAGE_NUMBERS_DEFERRED', message, { file: '' }, sdg === undefined ? {} : { sdg })],
  };
}
