/**
 * The PDF backend: IR in, PDF bytes out, with the problems found on the way (missing glyphs,
 * unusable links, an unreadable accent colour, supporting PDFs that cannot be merged) as
 * diagnostics. Fonts are loaded once per process.
 */
import type { StageResult } from '../../diagnostics/diagnostic';
import type { SupportingFileData } from '../assets/supporting-files';
import type { DocumentIR } from '../ir/types';
import { loadFontFiles, loadFontMetrics } from './fonts';
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

export async function renderPdf(ir: DocumentIR, options: PdfOptions = {}): Promise<StageResult<Uint8Array>> {
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
  return { value: bytes, diagnostics: [...merged.diagnostics, ...laidOut.diagnostics] };
}

export { layoutDocument } from './layout';
export { writePdf } from './write';
export { loadFontFiles, loadFontMetrics } from './fonts';
export { A4 } from './layout-types';
export type { PdfBlock, MergedPdfSummary } from './pdf-blocks';
export type { LaidOutDocument, LaidOutPage, PageSpec, OutlineEntry, LinkArea, LinkTarget } from './layout-types';
export type { FontMetrics, FaceMetrics, FontFace } from './font-metrics';
