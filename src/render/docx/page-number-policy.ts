import type { Diagnostic } from '../../diagnostics/diagnostic';
import { diagnostic } from '../../diagnostics/make';
import type { DocumentIR } from '../ir/types';
import type { DocxOptions } from './index';

/**
 * Top-level blocks above which a DOCX is written without estimated page numbers. Laying the pages out as
 * Word would (page-numbers.ts) costs about eight times the rest of the DOCX writing and grows with the
 * document: 7.5 s of CPU for the 1,400 blocks of a 120-item SDG document, minutes and gigabytes for the
 * thousand-page documents of a 10,000-item pack (BENCHMARKS.md). Every document of the example pack
 * (at most 700 blocks) stays well below it.
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
