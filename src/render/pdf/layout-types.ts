/**
 * The layout engine's output: pages of already-positioned text, shapes and link areas, plus the
 * outline. Everything is in PDF user space (points, origin at the page's bottom-left corner,
 * y growing upwards; a text's y is its baseline) so that the writer only draws.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { DocumentMeta, ImageAsset } from '../ir/types';
import type { FontFace } from './font-metrics';

/** Colour components from 0 to 1. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export interface PageSpec {
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
}

/** ISO A4 (210 × 297 mm) with 20 mm side margins and room above and below for header and footer. */
export const A4: PageSpec = {
  width: 595.28,
  height: 841.89,
  marginTop: 68,
  marginBottom: 62,
  marginLeft: 56.69,
  marginRight: 56.69,
};

export interface PositionedText {
  font: FontFace;
  size: number;
  color: Rgb;
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  /** Advance width the layout measured; the writer does not need it, tests and link areas do. */
  width: number;
}

export interface PositionedRect {
  kind: 'rect';
  x: number;
  /** Bottom edge. */
  y: number;
  width: number;
  height: number;
  fill?: Rgb;
  stroke?: Rgb;
  lineWidth?: number;
}

export interface PositionedLine {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: Rgb;
  lineWidth: number;
}

export type PositionedShape = PositionedRect | PositionedLine;

export interface PositionedImage {
  image: ImageAsset;
  /** Bottom-left corner and size of the box the image is scaled into. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export type LinkTarget =
  | { kind: 'uri'; uri: string }
  /** A heading of this document: the page (0-based) and the y of the heading's top edge. */
  | { kind: 'internal'; anchor: string; pageIndex: number; y: number };

export interface LinkArea {
  /** Rectangle, bottom-left corner plus size. */
  x: number;
  y: number;
  width: number;
  height: number;
  target: LinkTarget;
}

/** A page copied unchanged from another PDF (--merge-pdfs). */
export interface ForeignPage {
  /** Which of the documents handed to the layout. */
  document: number;
  /** 0-based page of that document. */
  page: number;
}

export interface LaidOutPage {
  texts: PositionedText[];
  shapes: PositionedShape[];
  links: LinkArea[];
  images: PositionedImage[];
  /** Set when the page is another PDF's page: the writer copies it, and nothing else is drawn on it. */
  foreign?: ForeignPage;
}

export interface OutlineEntry {
  title: string;
  level: 1 | 2 | 3;
  pageIndex: number;
  /** Top edge of the heading. */
  y: number;
  children: OutlineEntry[];
}

export interface LaidOutDocument {
  meta: DocumentMeta;
  page: PageSpec;
  pages: LaidOutPage[];
  /** Level-1 headings with their level-2 headings nested, and those with their level-3 headings, in document order. */
  outline: OutlineEntry[];
  /** Problems found while laying out: missing glyphs, unusable links, an unreadable accent colour. */
  diagnostics: Diagnostic[];
}
