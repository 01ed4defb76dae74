/**
 * --merge-pdfs: opens each supporting PDF with pdf-lib before the layout, so that the layout knows how
 * many pages each takes and a file pdf-lib cannot use is a warning, not a failed build. A file counts
 * as usable only when a trial copy of all its pages succeeds: pdf-lib opens some damaged files leniently
 * and fails later, while copying, which must not happen in the writer.
 */
import { PDFDocument } from 'pdf-lib';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { diagnostic } from '../../diagnostics/make';
import type { SupportingFileData } from '../assets/supporting-files';
import { formatSize } from '../view-model';
import type { MergedPdfSummary } from './pdf-blocks';

export interface MergeablePdf {
  summary: MergedPdfSummary;
  document: PDFDocument;
}

export async function openMergeablePdfs(files: readonly SupportingFileData[]): Promise<{ value: MergeablePdf[]; diagnostics: Diagnostic[] }> {
  const value: MergeablePdf[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const opened = await openPdf(file);
    if ('problem' in opened) {
      diagnostics.push(
        diagnostic('PDF_MERGE_FAILED', `PDF: ${file.path} is not appended to the document: ${opened.problem}. It stays listed with its hash.`, {
          file: file.path,
        }),
      );
      continue;
    }
    value.push({
      document: opened.document,
      summary: { path: file.path, size: formatSize(file.data.length), sha256: file.sha256, pageCount: opened.document.getPageCount() },
    });
  }
  return { value, diagnostics };
}

const ENCRYPTED = 'it is encrypted, and pdf-lib cannot copy the pages of an encrypted PDF';

async function openPdf(file: SupportingFileData): Promise<{ document: PDFDocument } | { problem: string }> {
  let document: PDFDocument;
  try {
    // updateMetadata: false leaves the file's own producer and dates alone. throwOnInvalidObject turns what pdf-lib
    // would otherwise skip with a console warning (printed in the middle of our output) into a reason to leave the
    // file out: pages built on broken objects would come out broken. Encryption is let through here and checked
    // below, because pdf-lib's EncryptedPDFError is compiled to ES5 and cannot be told apart with instanceof.
    document = await PDFDocument.load(file.data, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: true });
  } catch (error) {
    // The objects of an encrypted file do not parse, so encryption can surface as a parse error.
    return { problem: declaresEncryption(file.data) ? ENCRYPTED : `pdf-lib cannot read it (${describe(error)})` };
  }
  // pdf-lib cannot decrypt: the copied pages would be unreadable.
  if (document.isEncrypted) return { problem: ENCRYPTED };
  // pdf-lib reads leniently: a file with no usable catalogue or page tree loads, then fails on first use.
  try {
    if (document.getPageCount() === 0) return { problem: 'it has no pages' };
    const trial = await PDFDocument.create({ updateMetadata: false });
    await trial.copyPages(document, document.getPageIndices());
  } catch (error) {
    return { problem: `its pages cannot be read: ${describe(error)}` };
  }
  return { document };
}

/** An /Encrypt entry, which the trailer or cross-reference stream dictionary of an encrypted file carries in clear. */
function declaresEncryption(data: Uint8Array): boolean {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes('/Encrypt');
}

/**
 * pdf-lib's own errors say what it could not parse, on their first line. A TypeError or RangeError comes from
 * pdf-lib tripping over a structure it did not expect, which means nothing to a reader of the report.
 */
function describe(error: unknown): string {
  if (error instanceof TypeError || error instanceof RangeError) return 'its structure is damaged or incomplete';
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0].trim();
  return first.length > 160 ? `${first.slice(0, 157)}...` : first;
}
