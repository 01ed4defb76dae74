/**
 * Draws a laid-out document with pdf-lib. Nothing is measured or broken here: every text is one
 * already-broken line at its final position, so the writer's only decisions are PDF plumbing
 * (font and image embedding, annotations, outline, attachments, copied pages, metadata). The
 * output is byte-for-byte reproducible: no random font-name suffixes (customName), no current
 * dates (updateMetadata: false and the document's own date), objects created in a fixed order.
 */
import * as fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage, type PDFRef } from 'pdf-lib';
import type { ImageAsset } from '../ir/types';
import { FONT_FACES, type FontFace } from './font-metrics';
import { DISABLED_SHAPING_FEATURES, FACE_SOURCES, type FontFiles } from './fonts';
import type { LaidOutDocument, LaidOutPage, Rgb } from './layout-types';
import { addAttachments, type PdfAttachment } from './pdf-attachments';
import { escapePdfLiteral } from './pdf-strings';
import { addLinkAnnotation } from './pdf-links';
import { addOutline } from './pdf-outline';

export const PRODUCER = 'impact-pack';

export interface WriteExtras {
  /**
   * The merged PDFs whose pages the layout placed (LaidOutPage.foreign indexes into this list). Each must
   * have passed a trial copy (merge-pdfs.ts), so copying cannot fail here.
   */
  foreignDocuments?: readonly PDFDocument[];
  /** Files attached to the PDF (--embed-files). */
  attachments?: readonly PdfAttachment[];
}

export async function writePdf(document: LaidOutDocument, fonts: FontFiles, extras: WriteExtras = {}): Promise<Uint8Array> {
  const { meta } = document;
  if (Number.isNaN(meta.date.getTime())) {
    // The IR builder takes the date from the pack config or SOURCE_DATE_EPOCH, both validated.
    throw new TypeError('DocumentIR.meta.date is an invalid Date; the PDF needs a fixed build date.');
  }

  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const embedded = await embedUsedFaces(pdf, document, fonts);
  const images = await embedImages(pdf, document);
  const foreign = await copyForeignPages(pdf, document, extras.foreignDocuments ?? []);

  const pages = document.pages.map((laidOut) => {
    if (laidOut.foreign) return pdf.addPage(foreignPage(foreign, laidOut.foreign.document, laidOut.foreign.page));
    const page = pdf.addPage([document.page.width, document.page.height]);
    drawPage(page, laidOut, embedded, images);
    return page;
  });
  // Links and bookmarks may point forwards, so they are added once every page exists.
  const pageRefs: PDFRef[] = pages.map((page) => page.ref);
  document.pages.forEach((laidOut, index) => {
    for (const area of laidOut.links) addLinkAnnotation(pdf, pages[index], area, pageRefs);
  });
  addOutline(pdf, document.outline, pageRefs);
  addAttachments(pdf, extras.attachments ?? [], meta.date);

  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  // pdf-lib joins keywords with spaces, which would merge multi-word keywords; commas keep them apart.
  if (meta.keywords.length > 0) pdf.setKeywords([meta.keywords.join(', ')]);
  pdf.setLanguage(escapePdfLiteral(meta.language));
  pdf.setProducer(PRODUCER);
  pdf.setCreator(PRODUCER);
  pdf.setCreationDate(meta.date);
  pdf.setModificationDate(meta.date);

  return pdf.save();
}

/** Embeds, as subsets, only the faces some text uses; an unused face would still cost a font dictionary. */
async function embedUsedFaces(
  pdf: PDFDocument,
  document: LaidOutDocument,
  fonts: FontFiles,
): Promise<Map<FontFace, PDFFont>> {
  const used = new Set<FontFace>();
  for (const page of document.pages) for (const text of page.texts) used.add(text.font);
  const embedded = new Map<FontFace, PDFFont>();
  for (const face of FONT_FACES.filter((candidate) => used.has(candidate))) {
    const font = await pdf.embedFont(fonts[face], {
      subset: true,
      customName: FACE_SOURCES[face].embeddedName,
      features: DISABLED_SHAPING_FEATURES,
    });
    embedded.set(face, font);
  }
  return embedded;
}

/** Each image once, however often it is drawn, in order of first use. */
async function embedImages(pdf: PDFDocument, document: LaidOutDocument): Promise<Map<ImageAsset, PDFImage>> {
  const embedded = new Map<ImageAsset, PDFImage>();
  for (const page of document.pages) {
    for (const { image } of page.images) {
      if (embedded.has(image)) continue;
      // The loader checked the signature and header (render/assets), so pdf-lib can read these bytes.
      embedded.set(image, image.format === 'png' ? await pdf.embedPng(image.data) : await pdf.embedJpg(image.data));
    }
  }
  return embedded;
}

/** Every page of each merged PDF that the layout placed, copied once per document, in document order. */
async function copyForeignPages(pdf: PDFDocument, document: LaidOutDocument, sources: readonly PDFDocument[]): Promise<PDFPage[][]> {
  const used = new Set(document.pages.flatMap((page) => (page.foreign ? [page.foreign.document] : [])));
  const copies: PDFPage[][] = [];
  for (const [index, source] of sources.entries()) {
    copies.push(used.has(index) ? await pdf.copyPages(source, source.getPageIndices()) : []);
  }
  return copies;
}

function foreignPage(copies: PDFPage[][], document: number, page: number): PDFPage {
  const copy = copies[document]?.[page];
  if (!copy) throw new Error(`Bug: the layout placed page ${page + 1} of merged document ${document + 1}, which the writer was not given.`);
  return copy;
}

function drawPage(page: PDFPage, laidOut: LaidOutPage, fonts: Map<FontFace, PDFFont>, images: Map<ImageAsset, PDFImage>): void {
  // Shapes first: shading and header fills must lie under the text.
  for (const shape of laidOut.shapes) {
    if (shape.kind === 'rect') {
      page.drawRectangle({
        x: shape.x,
        y: shape.y,
        width: shape.width,
        height: shape.height,
        ...(shape.fill ? { color: colour(shape.fill) } : {}),
        ...(shape.stroke ? { borderColor: colour(shape.stroke), borderWidth: shape.lineWidth ?? 1 } : {}),
      });
    } else {
      page.drawLine({
        start: { x: shape.x1, y: shape.y1 },
        end: { x: shape.x2, y: shape.y2 },
        thickness: shape.lineWidth,
        color: colour(shape.color),
      });
    }
  }
  for (const placed of laidOut.images) {
    const image = images.get(placed.image);
    if (!image) throw new Error(`Bug: image "${placed.image.name}" drawn but not embedded.`);
    page.drawImage(image, { x: placed.x, y: placed.y, width: placed.width, height: placed.height });
  }
  // The font is set on the page only when it changes: passing it to every drawText would
  // register a new font resource name per call (Hopding/pdf-lib#226) and slow long pages down.
  let currentFace: FontFace | undefined;
  for (const text of laidOut.texts) {
    if (text.font !== currentFace) {
      page.setFont(fontFor(fonts, text.font));
      currentFace = text.font;
    }
    page.drawText(text.text, { x: text.x, y: text.y, size: text.size, color: colour(text.color) });
  }
}

function fontFor(fonts: Map<FontFace, PDFFont>, face: FontFace): PDFFont {
  const font = fonts.get(face);
  if (!font) throw new Error(`Bug: text in face "${face}" but the face was not embedded.`);
  return font;
}

function colour({ r, g, b }: Rgb): ReturnType<typeof rgb> {
  return rgb(r, g, b);
}
