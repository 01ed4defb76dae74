/**
 * File attachments (--embed-files): each supporting file as an embedded file stream, listed in the
 * document's EmbeddedFiles name tree so that every PDF reader shows it in its attachments panel.
 *
 * Built from low-level objects rather than with pdf-lib's attach(), which writes the file name
 * verbatim into a literal string (a name with "(" or a non-Latin letter would corrupt it) and lists
 * the files in the order they were attached, while a name tree must be sorted by key (PDF 32000-1,
 * 7.9.6). Dates are the build date, so the same pack gives the same bytes.
 */
import { PDFHexString, PDFName, PDFString, type PDFDocument, type PDFRef } from 'pdf-lib';
import { escapePdfLiteral } from './pdf-strings';

export interface PdfAttachment {
  /** Name shown by readers: the file's path in the evidence pack. */
  name: string;
  data: Uint8Array;
  /** Media type, e.g. "application/pdf". */
  mediaType: string;
  /** Shown as the attachment's description, so a reader can check the copy against the listed hash. */
  sha256: string;
}

export function addAttachments(pdf: PDFDocument, attachments: readonly PdfAttachment[], date: Date): void {
  if (attachments.length === 0) return;
  const { context } = pdf;
  const sorted = [...attachments].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names: (PDFHexString | PDFRef)[] = [];
  for (const file of sorted) {
    const stream = context.flateStream(file.data, {
      Type: 'EmbeddedFile',
      Subtype: PDFName.of(file.mediaType),
      Params: { Size: file.data.length, CreationDate: PDFString.fromDate(date), ModDate: PDFString.fromDate(date) },
    });
    const streamRef = context.register(stream);
    const spec = context.obj({
      Type: 'Filespec',
      // F is the byte-string name older readers show; UF the Unicode one. F keeps to printable ASCII.
      F: PDFString.of(escapePdfLiteral(asciiFileName(file.name))),
      UF: PDFHexString.fromText(file.name),
      Desc: PDFHexString.fromText(`SHA-256 ${file.sha256}`),
      EF: { F: streamRef, UF: streamRef },
      AFRelationship: 'Supplement',
    });
    names.push(PDFHexString.fromText(file.name), context.register(spec));
  }
  const tree = context.register(context.obj({ Names: names }));
  // The writer creates documents from scratch, so nothing else has made a /Names dictionary.
  if (pdf.catalog.get(PDFName.of('Names')) !== undefined) throw new Error('Bug: the catalog already has a /Names dictionary.');
  pdf.catalog.set(PDFName.of('Names'), context.obj({ EmbeddedFiles: tree }));
}

/** Non-ASCII characters become "_": readers prefer UF, and F only has to be a usable fallback. */
function asciiFileName(name: string): string {
  return [...name].map((char) => (/^[\x20-\x7e]$/.test(char) ? char : '_')).join('');
}
