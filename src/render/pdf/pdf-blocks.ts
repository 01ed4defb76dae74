/**
 * What only the PDF carries, as blocks appended to the IR's: a note saying which supporting files are
 * attached to it (--embed-files), and the appendix of supporting PDFs reproduced page for page
 * (--merge-pdfs). The DOCX and HTML never have these, so they are not part of the template vocabulary;
 * the wording lives here, once.
 */
import type { Block } from '../ir/types';

/** Pages of another PDF, copied in whole by the writer where the layout reserves them. */
export interface ForeignPagesBlock {
  type: 'foreign-pages';
  /** Which of the merged documents (index into the list the writer is given). */
  document: number;
  pageCount: number;
}

export type PdfBlock = Block | ForeignPagesBlock;

/** A supporting PDF that loaded and will be merged, as the appendix describes it. */
export interface MergedPdfSummary {
  /** Pack-relative path. */
  path: string;
  /** Human-readable size, e.g. "120.4 KB". */
  size: string;
  sha256: string;
  pageCount: number;
}

const text = (value: string) => ({ type: 'text' as const, text: value });
const code = (value: string) => ({ type: 'text' as const, text: value, code: true });

/** A note at the end of the document naming how many files are attached and where readers find them. */
export function attachedFilesNote(paths: readonly string[]): Block[] {
  if (paths.length === 0) return [];
  const count = paths.length === 1 ? 'The supporting file' : `The ${paths.length} supporting files`;
  return [
    {
      type: 'paragraph',
      style: 'note',
      children: [
        text(
          `${count} listed in this document ${paths.length === 1 ? 'is' : 'are'} attached to this PDF. ` +
            "Open the PDF reader's attachments panel to save a copy. Each attachment is named by its path in the " +
            'evidence pack, and its description gives the SHA-256 listed above, so a copy can be checked.',
        ),
      ],
    },
  ];
}

/**
 * The appendix of merged PDFs: a title and a word on what follows, then for each file a page identifying it
 * (path, size, SHA-256, page count) followed by its own pages, unchanged. The first file's identification
 * shares the title's page.
 */
export function mergedPdfsAppendix(files: readonly MergedPdfSummary[]): PdfBlock[] {
  if (files.length === 0) return [];
  const one = files.length === 1;
  const blocks: PdfBlock[] = [
    { type: 'pagebreak' },
    { type: 'heading', level: 1, children: [text('Appendix: supporting PDF documents')] },
    {
      type: 'paragraph',
      children: [
        text(
          (one
            ? 'The PDF file cited in this document follows, after a summary that identifies it. Its pages are'
            : `The ${files.length} PDF files cited in this document follow, each after a summary that identifies it. Their pages are`) +
            " reproduced unchanged: they carry neither the running header nor the page footer of this document, and the PDF reader's" +
            ' page numbers count them.',
        ),
      ],
    },
  ];
  files.forEach((file, document) => {
    if (document > 0) blocks.push({ type: 'pagebreak' });
    blocks.push(
      { type: 'heading', level: 2, children: [code(file.path)] },
      {
        type: 'table',
        widths: [1, 3],
        rows: [
          [{ children: [text('File')] }, { children: [code(file.path)] }],
          [{ children: [text('Size')] }, { children: [text(file.size)] }],
          [{ children: [text('SHA-256')] }, { children: [code(file.sha256)] }],
          [{ children: [text('Pages')] }, { children: [text(String(file.pageCount))] }],
        ],
      },
      {
        type: 'paragraph',
        style: 'small',
        children: [text(`The next ${file.pageCount === 1 ? 'page reproduces' : `${file.pageCount} pages reproduce`} this file as it is in the evidence pack.`)],
      },
      { type: 'foreign-pages', document, pageCount: file.pageCount },
    );
  });
  return blocks;
}
