/**
 * The PDF backend: IR in, PDF bytes out, with the problems found on the way (missing glyphs,
 * unusable links, an unreadable accent colour, supporting PDFs that cannot be merged) as
 * diagnostics. Fonts are loaded once per process.
 */
import type { StageResult } from '../../diagnostics/diagnostic';
import type { SupportingFileData } from '../assets/supporting-files';
import type { DocumentIR } from '../ir/types';
import { loadFontFiles, loadFontMetrics } from './fonts';
import { headingPagesOf, type HeadingPages } from './heading-pages';
import { layoutDocument } from './layout';
import { A4 } from './layout-types';
import { openMergeablePdfs } from './merge-pdfs';
import { attachedFilesNote, mergedPdfsAppendix } from './pdf-blocks';
import { writePdf } from './write';

export interface PdfOptions {
  /** Supporting files to attach to the PDF (build --embed-files); a note at the end says so. */
  attachments?: readonly SupportingFileData[];
  /**
   * Supporting PDFs to append, each after a page identifying it (build --merge-pdfs). One that pdf-lib cannot
   * open or copy is left out with a PDF_MERGE_FAILED warning.
   */
  mergePdfs?: readonly SupportingFileData[];
}

/**
 * The PDF, and where its headings are when the PDF has no pages of its own (no attached files, no merged PDFs), so
 * that the DOCX writer can number its table of contents from the same layout (headingPages is undefined otherwise).
 */
export interface RenderedPdf extends StageResult<Uint8Array> {
  headingPages?: HeadingPages;
}

export async function renderPdf(ir: DocumentIR, options: PdfOptions = {}): Promise<RenderedPdf> {
  const [metrics, files] = await Promise.all([loadFontMetrics(), loadFontFiles()]);
  const attachments = options.attachments ?? [];
  const merged = await openMergeablePdfs(options.mergePdfs ?? []);
  const pdfOnly = [
    ...attachedFilesNote(attachments.map((file) => file.path)),
    ...mergedPdfsAppendix(merged.value.map((pdf) => pdf.summary)),
  ];
  const laidOut = layoutDocument(ir, metrics, A4, pdfOnly);
  const bytes = await writePdf(laidOut, files, {
    foreignDocuments: merged.value.map((pdf) => pdf.document),
    attachments: attachments.map((file) => ({ name: file.path, data: file.data, mediaType: file.mediaType, sha256: file.sha256 })),
  });
  const diagnostics = [...merged.diagnostics, ...laidOut.diagnostics];
  return pdfOnly.length === 0 ? { value: bytes, diagnostics, headingPages: headingPagesOf(laidOut) } : { value: bytes, diagnostics };
}

export { layoutDocument } from './layout';
export { writePdf } from './write';
export { loadFontFiles, loadFontMetrics } from './fonts';
export { A4 } from './layout-types';
export { headingPagesOf, layoutHeadingPages, type HeadingPages } from './heading-pages';
export type { PdfBlock, MergedPdfSummary } from './pdf-blocks';
export type { LaidOutDocument, LaidOutPage, PageSpec, OutlineEntry, LinkArea, LinkTarget } from './layout-types';
export type { FontMetrics, FaceMetrics, FontFace } from './font-metrics';
