/**
 * The intermediate form between blocks and pages. Each block becomes a run of slices: pieces of
 * content that are never split across pages (a line of a paragraph, a table row, a heading).
 * Slices carry their content in slice-local coordinates (x on the page, y measured downwards
 * from the slice's top edge); the paginator stacks them onto pages and converts to PDF space.
 */
import type { ImageAsset } from '../ir/types';
import type { FontFace } from './font-metrics';
import type { Rgb } from './layout-types';

/** A link as the blocks know it; internal anchors get their page and y after pagination. */
export type PendingLinkTarget = { kind: 'uri'; uri: string } | { kind: 'anchor'; anchor: string };

export interface SliceText {
  font: FontFace;
  size: number;
  color: Rgb;
  x: number;
  /** Baseline, downwards from the slice top. */
  baseline: number;
  text: string;
  width: number;
}

export interface SliceRect {
  kind: 'rect';
  x: number;
  top: number;
  width: number;
  height: number;
  fill?: Rgb;
  stroke?: Rgb;
  lineWidth?: number;
}

export interface SliceLine {
  kind: 'line';
  x1: number;
  /** Downwards from the slice top. */
  y1: number;
  x2: number;
  y2: number;
  color: Rgb;
  lineWidth: number;
}

export type SliceShape = SliceRect | SliceLine;

/** An image scaled to the given box. */
export interface SliceImage {
  image: ImageAsset;
  x: number;
  top: number;
  width: number;
  height: number;
}

export interface SliceLink {
  x: number;
  top: number;
  width: number;
  height: number;
  target: PendingLinkTarget;
}

/** Positioned content of a slice (or of a line being assembled into one). */
export interface SliceContent {
  texts: SliceText[];
  shapes: SliceShape[];
  links: SliceLink[];
  images: SliceImage[];
}

export interface Slice extends SliceContent {
  height: number;
  /** Space wanted above; collapses with the previous slice's spaceAfter; dropped at a page top. */
  spaceBefore: number;
  spaceAfter: number;
  /** Must share a page with the next slice (headings, first and penultimate lines of a paragraph). */
  keepWithNext: boolean;
  /** Heading anchors whose target is this slice's top edge. */
  anchors: string[];
  /** A table's header row, drawn first when this slice is the first on a page. */
  repeatedHeader?: Slice;
}

/**
 * Pages of another PDF, reproduced whole (--merge-pdfs): they start on a new page, take `pageCount` pages of
 * their own, and the flow continues on the page after them.
 */
export interface ForeignPagesItem {
  kind: 'foreign';
  /** Which of the documents handed to the layout. */
  document: number;
  pageCount: number;
}

export type FlowItem = { kind: 'slice'; slice: Slice } | { kind: 'pagebreak' } | ForeignPagesItem;

export function emptyContent(): SliceContent {
  return { texts: [], shapes: [], links: [], images: [] };
}
