import type { Figure } from '../ir/types';
import { figureSize, POINTS_PER_PIXEL } from '../shared/figure-size';
import { escapeHtml } from './escape';

const MEDIA_TYPE: Record<Figure['image']['format'], string> = { png: 'image/png', jpeg: 'image/jpeg' };

/**
 * A figure as an <img> whose source is the image itself, as a data: URI: the file stays self-contained and
 * the reader's browser fetches nothing (the page's Content-Security-Policy allows data: images only).
 * width and height give the size the PDF and DOCX use, in CSS pixels; the stylesheet lets a narrow screen
 * shrink it, keeping its proportions.
 */
export function renderFigure(figure: Figure): string {
  const size = figureSize(figure, Number.POSITIVE_INFINITY);
  const source = `data:${MEDIA_TYPE[figure.image.format]};base64,${Buffer.from(figure.image.data).toString('base64')}`;
  const width = Math.round(size.width / POINTS_PER_PIXEL);
  const height = Math.round(size.height / POINTS_PER_PIXEL);
  return `<figure class="figure"><img src="${source}" alt="${escapeHtml(figure.alt)}" width="${width}" height="${height}"></figure>`;
}
