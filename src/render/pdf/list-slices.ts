/**
 * Bulleted and numbered lists with a hanging indent: the marker sits in the indent (numbers are
 * right-aligned so that "9." and "10." line up) and wrapped lines align with the item's text.
 */
import type { ListBlock } from '../ir/types';
import { lineSlices, wrapInlines, type BlockContext } from './block-context';
import { emptyContent, type Slice } from './flow-types';
import { inlineWords } from './inline-words';
import { breakIntoLines, type TextLine } from './line-breaking';
import { placeLine } from './line-placement';
import { BOX, SPACING, TEXT } from './typography';

const BULLET = '\u2022';

export function listSlices(list: ListBlock, context: BlockContext): Slice[] {
  const style = TEXT.body;
  const colour = context.theme.text;
  const markers = list.items.map((_, index) => markerLine(list.ordered ? `${index + 1}.` : BULLET, context));
  const widestMarker = Math.max(0, ...markers.map((marker) => marker.width));
  const indent = Math.max(BOX.listIndent, widestMarker + BOX.listMarkerGap);
  const textLeft = context.left + indent;

  const slices: Slice[] = [];
  list.items.forEach((item, index) => {
    const lines = wrapInlines(item, style, colour, context.width - indent, context);
    // An empty item still shows its marker.
    const itemSlices = lineSlices(
      lines.length > 0 ? lines : [{ pieces: [], width: 0 }],
      style,
      textLeft,
      { before: index === 0 ? SPACING.list.before : BOX.listItemGap, after: 0 },
      context,
    );
    const marker = markers[index];
    const markerX = list.ordered ? textLeft - BOX.listMarkerGap - marker.width : context.left;
    // Drawn before the item's text so that stream-order text extraction reads "1. First…".
    const markerContent = emptyContent();
    placeLine(marker, markerX, 0, style, context.metrics, markerContent);
    itemSlices[0].texts.unshift(...markerContent.texts);
    slices.push(...itemSlices);
  });
  if (slices.length > 0) slices[slices.length - 1].spaceAfter = SPACING.list.after;
  return slices;
}

function markerLine(text: string, context: BlockContext): TextLine {
  const words = inlineWords([{ type: 'text', text }], TEXT.body, context.theme.text, context.inline);
  // Markers are short; an unbreakable line keeps "10." whole whatever the width.
  return breakIntoLines(words, Number.POSITIVE_INFINITY, context.metrics)[0] ?? { pieces: [], width: 0 };
}
