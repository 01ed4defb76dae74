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

export type Block = Heading | Paragraph | ListBlock | Table | PageBreak | Toc;

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
  /** Accent colour as #rrggbb (the SDG's official colour). */
  accent: string;
}

export interface DocumentIR {
  meta: DocumentMeta;
  blocks: Block[];
}
