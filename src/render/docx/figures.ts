import { ImageRun, Paragraph } from 'docx';
import type { Figure } from '../ir/types';
import { figureSize, POINTS_PER_PIXEL } from '../shared/figure-size';
import { PAGE, TEXT_WIDTH } from './page';
import { documentText } from './xml-text';

/** Twips per point. */
const TWIPS = 20;

/**
 * A figure as a picture in a paragraph of its own, at the size the PDF and HTML show it (docx takes sizes in
 * CSS pixels). The alt text becomes the picture's description, which Word reads out and shows as Alt Text.
 */
export function convertFigure(figure: Figure): Paragraph {
  const bodyHeight = (PAGE.height - PAGE.marginTop - PAGE.marginBottom) / TWIPS;
  const size = figureSize(figure, TEXT_WIDTH / TWIPS, bodyHeight);
  const alt = documentText(figure.alt);
  return new Paragraph({
    spacing: { before: 0, after: 240 },
    children: [
      new ImageRun({
        type: figure.image.format === 'png' ? 'png' : 'jpg',
        data: figure.image.data,
        transformation: { width: Math.round(size.width / POINTS_PER_PIXEL), height: Math.round(size.height / POINTS_PER_PIXEL) },
        altText: { name: figure.image.name, description: alt, title: alt },
      }),
    ],
  });
}
