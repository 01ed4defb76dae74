/**
 * What every block builder needs to know, plus the helpers they share: wrapping inlines to a
 * width and turning lines into slices with orphan/widow control.
 */
import type { Inline } from '../ir/types';
import type { Slice } from './flow-types';
import type { FontMetrics } from './font-metrics';
import { inlineWords, type InlineContext } from './inline-words';
import type { Rgb } from './layout-types';
import { breakIntoLines, type TextLine } from './line-breaking';
import { placeLine } from './line-placement';
import type { BlockSpacing, TextStyle, Theme } from './typography';

export interface BlockContext {
  metrics: FontMetrics;
  theme: Theme;
  inline: InlineContext;
  /** Left edge of the text column. */
  left: number;
  /** Width of the text column. */
  width: number;
  /** Height of the page body: no slice may be taller, or it could not be placed on any page. */
  maxSliceHeight: number;
}

export function wrapInlines(
  inlines: Inline[],
  style: TextStyle,
  colour: Rgb,
  maxWidth: number,
  context: BlockContext,
): TextLine[] {
  return breakIntoLines(inlineWords(inlines, style, colour, context.inline), maxWidth, context.metrics);
}

export function blankSlice(height: number): Slice {
  return { texts: [], shapes: [], links: [], images: [], height, spaceBefore: 0, spaceAfter: 0, keepWithNext: false, anchors: [] };
}

/**
 * One slice per line, so a paragraph can continue on the next page. The first line keeps with
 * the second (no orphan) and the penultimate with the last (no widow); for paragraphs of up to
 * three lines this keeps them whole.
 */
export function lineSlices(
  lines: TextLine[],
  style: TextStyle,
  x: number,
  spacing: BlockSpacing,
  context: BlockContext,
): Slice[] {
  const slices = lines.map((line) => {
    const slice = blankSlice(style.lineHeight);
    placeLine(line, x, 0, style, context.metrics, slice);
    return slice;
  });
  applySpacing(slices, spacing);
  keepOrphansAndWidows(slices);
  return slices;
}

export function applySpacing(slices: Slice[], spacing: BlockSpacing): void {
  if (slices.length === 0) return;
  slices[0].spaceBefore = spacing.before;
  slices[slices.length - 1].spaceAfter = spacing.after;
}

export function keepOrphansAndWidows(slices: Slice[]): void {
  if (slices.length >= 2) slices[0].keepWithNext = true;
  if (slices.length >= 3) slices[slices.length - 2].keepWithNext = true;
}
