/**
 * The PDF backend: IR in, PDF bytes out, with the problems found on the way (missing glyphs,
 * unusable links, an unreadable accent colour) as diagnostics. Fonts are loaded once per process.
 */
import type { StageResult } from '../../diagnostics/diagnostic';
import type { DocumentIR } from '../ir/types';
import { loadFontFiles, loadFontMetrics } from './fonts';
import { layoutDocument } from './layout';
import { writePdf } from './write';

export async function renderPdf(ir: DocumentIR): Promise<StageResult<Uint8Array>> {
  const [metrics, files] = await Promise.all([loadFontMetrics(), loadFontFiles()]);
  const laidOut = layoutDocument(ir, metrics);
  const bytes = await writePdf(laidOut, files);
  return { value: bytes, diagnostics: laidOut.diagnostics };
}

export { layoutDocument } from './layout';
export { writePdf } from './write';
export { loadFontFiles, loadFontMetrics } from './fonts';
export { A4 } from './layout-types';
export type { LaidOutDocument, LaidOutPage, PageSpec, OutlineEntry, LinkArea, LinkTarget } from './layout-types';
export type { FontMetrics, FaceMetrics, FontFace } from './font-metrics';
