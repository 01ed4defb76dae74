/**
 * 'note' paragraphs: a shaded call-out with an accent bar on its left edge (used, for example,
 * for "no evidence submitted for this metric"). A note that fits on a page is one slice and never
 * splits; a longer one becomes one slice per line, each with its band of shading, so the box
 * continues seamlessly on the next page.
 */
import type { Paragraph } from '../ir/types';
import { blankSlice, keepOrphansAndWidows, wrapInlines, type BlockContext } from './block-context';
import type { Slice } from './flow-types';
import { placeLine } from './line-placement';
import { BOX, SPACING, TEXT } from './typography';

export function noteSlices(paragraph: Paragraph, context: BlockContext): Slice[] {
  const style = TEXT.note;
  const padding = BOX.notePadding;
  const textLeft = context.left + BOX.noteBarWidth + padding;
  const textWidth = context.width - BOX.noteBarWidth - 2 * padding;
  const lines = wrapInlines(paragraph.children, style, context.theme.text, textWidth, context);
  if (lines.length === 0) return [];

  const boxHeight = lines.length * style.lineHeight + 2 * padding;
  if (boxHeight <= context.maxSliceHeight) {
    const slice = blankSlice(boxHeight);
    drawBox(slice, 0, boxHeight, context);
    lines.forEach((line, index) =>
      placeLine(line, textLeft, padding + index * style.lineHeight, style, context.metrics, slice),
    );
    slice.spaceBefore = SPACING.note.before;
    slice.spaceAfter = SPACING.note.after;
    return [slice];
  }

  const slices = lines.map((line, index) => {
    const first = index === 0;
    const last = index === lines.length - 1;
    const height = style.lineHeight + (first ? padding : 0) + (last ? padding : 0);
    const slice = blankSlice(height);
    drawBox(slice, 0, height, context);
    placeLine(line, textLeft, first ? padding : 0, style, context.metrics, slice);
    return slice;
  });
  slices[0].spaceBefore = SPACING.note.before;
  slices[slices.length - 1].spaceAfter = SPACING.note.after;
  keepOrphansAndWidows(slices);
  return slices;
}

function drawBox(slice: Slice, top: number, height: number, context: BlockContext): void {
  slice.shapes.push(
    { kind: 'rect', x: context.left, top, width: context.width, height, fill: context.theme.noteFill },
    { kind: 'rect', x: context.left, top, width: BOX.noteBarWidth, height, fill: context.theme.accent },
  );
}
