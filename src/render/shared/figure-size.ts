import type { Figure } from '../ir/types';

/**
 * The size a figure is shown at, in points, computed once for all three writers so that the logo is as large
 * in the PDF as in the DOCX and the printed HTML.
 *
 * A figure with a width or height from the template is scaled to fit that box (up or down, aspect ratio kept).
 * One without is shown at its own size, taking a pixel as a CSS pixel (1/96 in), as a browser shows an <img>.
 * Either way it never exceeds the space available: the text width, and the page body's height.
 */
export interface FigureSize {
  width: number;
  height: number;
}

/** A CSS pixel, in points. */
export const POINTS_PER_PIXEL = 72 / 96;

export function figureSize(figure: Figure, availableWidth: number, availableHeight: number = Number.POSITIVE_INFINITY): FigureSize {
  const { widthPx, heightPx } = figure.image;
  const aspect = widthPx / heightPx;
  const sized = figure.maxWidth !== undefined || figure.maxHeight !== undefined;
  let boxWidth = sized ? (figure.maxWidth ?? Number.POSITIVE_INFINITY) : widthPx * POINTS_PER_PIXEL;
  let boxHeight = sized ? (figure.maxHeight ?? Number.POSITIVE_INFINITY) : heightPx * POINTS_PER_PIXEL;
  boxWidth = Math.min(boxWidth, availableWidth);
  boxHeight = Math.min(boxHeight, availableHeight);
  // The largest size with the image's proportions inside the box.
  const width = Math.min(boxWidth, boxHeight * aspect);
  const height = width / aspect;
  return { width: round(width), height: round(height) };
}

/** Hundredths of a point: finer than any output needs, and the same numbers on every run. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
