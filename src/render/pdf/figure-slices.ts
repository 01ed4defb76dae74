/**
 * Figures (the cover logo): one slice holding the image at the size the three writers agree on,
 * against the left margin. An image never splits; it is at most a page body tall.
 */
import type { Figure } from '../ir/types';
import { figureSize } from '../shared/figure-size';
import { blankSlice, type BlockContext } from './block-context';
import type { Slice } from './flow-types';
import { SPACING } from './typography';

export function figureSlice(figure: Figure, context: BlockContext): Slice {
  const { width, height } = figureSize(figure, context.width, context.maxSliceHeight);
  const slice = blankSlice(height);
  slice.images.push({ image: figure.image, x: context.left, top: 0, width, height });
  slice.spaceBefore = SPACING.figure.before;
  slice.spaceAfter = SPACING.figure.after;
  return slice;
}
