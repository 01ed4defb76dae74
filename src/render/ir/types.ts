/**
 * Document IR: the closed vocabulary that templates emit and that the PDF, DOCX and HTML writers consume.
 * Templates produce XHTML-like markup; render/ir/parse.ts turns it into this tree.
 */

export interface TextRun {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Monospace, for identifiers, paths and hashes. */
  code?: boolean;
}

export interface LinkRun {
  type: 'link';
  /** Already checked: only http, https, mailto, or an internal '#anchor'. */
  href: string;
  children: TextRun[];
}

export type Inline = TextRun | LinkRun;

export interface Heading {
  type: 'heading';
  level: 1 | 2 | 3;
  /** Stable anchor used for the table of contents, bookmarks and internal links. */
  id?: string;
  children: Inline[];
}

export interface Paragraph {
  type: 'paragraph';
  /** 'note' renders as a shaded call-out (e.g. the "nothing submitted" block); 'small' as fine print. */
  style?: 'normal' | 'note' | 'small' | 'title' | 'subtitle';
  children: Inline[];
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: Inline[][];
}

export interface TableCell {
  children: Inline[];
}

export interface Table {
  type: 'table';
  /** Relative column widths (any positive numbers); writers scale them to the text width. */
  widths: number[];
  header?: TableCell[];
  rows: TableCell[][];
}

export interface PageBreak {
  type: 'pagebreak';
}

/** Placeholder the writers replace with a table of contents built from the document's headings. */
export interface Toc {
  type: 'toc';
  title: string;
}

/**
 * A raster image the document may show, such as the institution's logo. Templates cannot read files: they name an
 * image the build loaded (from the pack config) with <figure src="logo">, and the parser puts the image itself here.
 */
export interface ImageAsset {
  /** The name templates use in src, e.g. "logo". */
  name: string;
  format: 'png' | 'jpeg';
  /** The file's bytes, unchanged: PNG and JPEG are embedded as they are (PDF, DOCX) or as a data: URI (HTML). */
  data: Uint8Array;
  /** Intrinsic size in pixels, read from the file's header; gives the aspect ratio. */
  widthPx: number;
  heightPx: number;
}

/** An image on its own line, scaled (aspect ratio kept) to fit the given box and the text width. */
export interface Figure {
  type: 'figure';
  image: ImageAsset;
  /** Text that stands for the image where it cannot be seen (screen readers, text extraction). */
  alt: string;
  /** Largest size, in points, the image may take; absent means the text width, or the image's own height. */
  maxWidth?: number;
  maxHeight?: number;
}

export type Block = Heading | Paragraph | ListBlock | Table | PageBreak | Toc | Figure;

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47 language tag of the document text, e.g. 'en'. */
  language: string;
  /** Fixed build date (from the pack config or SOURCE_DATE_EPOCH) so that output is deterministic. */
  date: Date;
  /** Running header text, e.g. "IMT Mines Alès · SDG 7". */
  header: string;
  /**
   * Said on every page when set, e.g. "DRAFT: review edition for the office, not for submission": in the PDF's
   * footer, the DOCX's header (first page too) and a banner at the top of the HTML that prints on every page.
   */
  marking?: string;
  /** Accent colour as #rrggbb (the SDG's official colour). */
  accent: string;
}

export interface DocumentIR {
  meta: DocumentMeta;
  blocks: Block[];
}
