/**
 * Puts one broken line into slice-local coordinates: a text fragment per piece, an underline and
 * a clickable area per link.
 */
import type { SliceContent } from './flow-types';
import type { FontMetrics } from './font-metrics';
import type { TextLine } from './line-breaking';
import type { TextStyle } from './typography';

/**
 * Distance from the top of a line box to the baseline: the glyph extent (ascent to descent) is
 * centred in the line height, so extra leading is shared equally above and below.
 */
export function baselineOffset(style: TextStyle, metrics: FontMetrics): number {
  const { ascent, descent } = metrics.sans;
  const extent = ((ascent - descent) * style.size) / 1000;
  return (style.lineHeight - extent) / 2 + (ascent * style.size) / 1000;
}

export function placeLine(
  line: TextLine,
  x: number,
  top: number,
  style: TextStyle,
  metrics: FontMetrics,
  into: SliceContent,
): void {
  const baseline = top + baselineOffset(style, metrics);
  let cursor = x;
  for (const piece of line.pieces) {
    into.texts.push({
      font: piece.face,
      size: piece.size,
      color: piece.color,
      x: cursor,
      baseline,
      text: piece.text,
      width: piece.width,
    });
    if (piece.underline) {
      const y = baseline + piece.size * 0.12;
      into.shapes.push({
        kind: 'line',
        x1: cursor,
        y1: y,
        x2: cursor + piece.width,
        y2: y,
        color: piece.color,
        lineWidth: piece.size * 0.05,
      });
    }
    if (piece.link) {
      const previous = into.links[into.links.length - 1];
      const continuesPrevious =
        previous !== undefined &&
        previous.top === top &&
        Math.abs(previous.x + previous.width - cursor) < 1e-6 &&
        JSON.stringify(previous.target) === JSON.stringify(piece.link);
      if (continuesPrevious) {
        previous.width += piece.width;
      } else {
        into.links.push({ x: cursor, top, width: piece.width, height: style.lineHeight, target: piece.link });
      }
    }
    cursor += piece.width;
  }
}
