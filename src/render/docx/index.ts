import { Document, Packer, Paragraph } from 'docx';
import type { Diagnostic, StageResult } from '../../diagnostics/diagnostic';
import type { DocumentIR, Heading } from '../ir/types';
import { layoutHeadingPages, type HeadingPages } from '../pdf/heading-pages';
import { planAnchors } from '../shared/anchors';
import { FALLBACK_ACCENT, resolveAccent } from '../shared/colour';
import { duplicateAnchor, invalidAccent } from '../shared/writer-diagnostics';
import { convertBlocks } from './blocks';
import { bookmarkNames } from './bookmarks';
import { DOCX_FORMAT, type DocxContext } from './context';
import { corePropertiesXml } from './core-properties';
import { fontMetricsForLayout, fontTableXml } from './fonts';
import { emptyHeader, pageNumberFooter, runningHeader } from './header-footer';
import { LIST_NUMBERING } from './lists';
import { PAGE } from './page';
import { pageNumbersFromPdfLayout } from './pdf-page-numbers';
import { paletteFor } from './palette';
import { rewritePackage } from './package-rewrite';
import { normaliseGeneratedIds } from './reproducible-ids';
import { appendStyle, documentStyles, tableStyleXml } from './styles';
import { addTableLookValues } from './table-look';

export interface DocxOptions {
  /**
   * Default true: write the page numbers of the table of contents and the page count into the fields, from the
   * PDF layout of the same IR (see pdf-page-numbers.ts). Off, the entries have no page numbers until a word processor
   * updates the fields, and the table of contents is marked for Word to update when it opens the document.
   */
  estimatePageNumbers?: boolean;
  /**
   * Where the PDF layout put the IR's headings, when the PDF of the same IR was just written (renderPdf returns
   * them), so that the document is not laid out twice. Without it, the IR is laid out here (no PDF is written).
   */
  headingPages?: HeadingPages;
  /**
   * Default false. True sets Word's "update fields on open", so Word (after asking the reader) recomputes the
   * table of contents for the fonts it actually has.
   */
  updateFieldsOnOpen?: boolean;
}

/**
 * Writes a DOCX submission document: built-in Title and Heading 1–3 styles, a pre-filled table of contents,
 * tables with explicit widths in twips, bookmarks and internal links for heading ids, http/https/mailto links,
 * a running header, "Page N of M" and the document properties of the IR's meta. The same IR gives the same
 * bytes: docx's random and process-wide ids are renumbered (reproducible-ids.ts), the document properties carry
 * the build date (core-properties.ts) and the zip entries too (package-rewrite.ts).
 */
export async function renderDocx(ir: DocumentIR, options: DocxOptions = {}): Promise<StageResult<Uint8Array>> {
  const diagnostics: Diagnostic[] = [];
  const { meta, blocks } = ir;

  const { colour: accent, valid } = resolveAccent(meta.accent);
  if (!valid) diagnostics.push(invalidAccent(DOCX_FORMAT, meta.accent, FALLBACK_ACCENT));
  const palette = paletteFor(accent);

  const anchors = planAnchors(blocks);
  for (const id of anchors.duplicates) diagnostics.push(duplicateAnchor(DOCX_FORMAT, id));
  const bookmarkForId = bookmarkNames(anchors.targets);
  const bookmarkOf = new Map<Heading, string>();
  for (const [heading, id] of anchors.idOf) bookmarkOf.set(heading, bookmarkForId.get(id)!);
  const context: DocxContext = { bookmarkOf, bookmarkForId, diagnostics, orderedLists: 0 };

  const body = convertBlocks(blocks, context, palette);
  const headingPages =
    options.estimatePageNumbers === false ? undefined : (options.headingPages ?? layoutHeadingPages(ir, fontMetricsForLayout()));
  const document = new Document({
    features: { updateFields: options.updateFieldsOnOpen ?? false },
    styles: documentStyles(palette, meta.language),
    numbering: LIST_NUMBERING,
    pageNumbers: headingPages && pageNumbersFromPdfLayout(headingPages),
    sections: [
      {
        properties: {
          // The cover goes without the running header, as in the PDF; the footer stays on every page.
          titlePage: meta.header !== '',
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginLeft,
              right: PAGE.marginRight,
              header: PAGE.header,
              footer: PAGE.footer,
            },
          },
        },
        headers:
          meta.header === '' && !meta.marking
            ? undefined
            : { default: runningHeader(meta.header, meta.marking), first: emptyHeader(meta.marking) },
        footers: meta.header === '' ? { default: pageNumberFooter() } : { default: pageNumberFooter(), first: pageNumberFooter() },
        // Word wants at least one paragraph in a body.
        children: body.length > 0 ? body : [new Paragraph({})],
      },
    ],
  });

  const packed = await Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: corePropertiesXml(meta) },
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
  const finished = rewritePackage(packed, meta.date, (parts) => {
    parts.set('word/styles.xml', appendStyle(parts.get('word/styles.xml') ?? '', tableStyleXml(palette)));
    parts.set('word/document.xml', addTableLookValues(parts.get('word/document.xml') ?? ''));
    normaliseGeneratedIds(parts);
  });
  return { value: finished, diagnostics };
}
