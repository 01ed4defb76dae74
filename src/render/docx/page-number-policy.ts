import type { Diagnostic } from '../../diagnostics/diagnostic';
import { diagnostic } from '../../diagnostics/make';
import type { DocumentIR } from '../ir/types';
import type { DocxOptions } from './index';

/**
 * Top-level blocks above which a DOCX is written without estimated page numbers. The body's numbers are the PDF
 * layout's pages shifted by where docx's layout engine puts the first heading after the contents
 * (pdf-page-numbers.ts). Against LibreOffice's layout of the DOCX that was checked up to 108 pages (a 1,000-item
 * pack: all but one of its 1,340 entries within a page); the largest documents of a 10,000-item pack (12,000 blocks,
 * 900 pages) go far beyond that, where the small differences between the two layouts add up unchecked, and their
 * contents alone run to dozens of pages for docx's engine. Every document of the example pack (at most 700 blocks)
 * stays well below it.
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
