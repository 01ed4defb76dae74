/**
 * Headings: one unsplittable slice in the accent colour (level 1 with a rule under it) that is
 * kept on the same page as what follows, so a heading never ends a page on its own.
 */
import type { Heading, Inline } from '../ir/types';
import { blankSlice, wrapInlines, type BlockContext } from './block-context';
import type { Slice } from './flow-types';
import { placeLine } from './line-placement';
import { BOX, SPACING, TEXT, type BlockSpacing, type TextStyle } from './typography';

/** Gap between the last line of a level-1 heading and its rule. */
const RULE_GAP = 3;

const LOOK: Record<Heading['level'], { style: TextStyle; spacing: BlockSpacing; rule: boolean }> = {
  1: { style: TEXT.heading1, spacing: SPACING.heading1, rule: true },
  2: { style: TEXT.heading2, spacing: SPACING.heading2, rule: false },
  3: { style: TEXT.heading3, spacing: SPACING.heading3, rule: false },
};

/**
 * @param anchor internal anchor of this heading (links, outline and table of contents point at
 *   it); undefined for headings that are not link targets, such as the table of contents' title.
 */
export function headingSlice(heading: Heading, anchor: string | undefined, context: BlockContext): Slice {
  const colour = heading.level === 3 ? context.theme.text : context.theme.headingText;
  return headingLikeSlice(heading.children, LOOK[heading.level], colour, anchor, context);
}

/** The table of contents' title looks like a level-1 heading without being one. */
export function tocTitleSlice(title: string, context: BlockContext): Slice {
  return headingLikeSlice([{ type: 'text', text: title }], LOOK[1], context.theme.headingText, undefined, context);
}

function headingLikeSlice(
  inlines: Inline[],
  look: (typeof LOOK)[Heading['level']],
  colour: Slice['texts'][number]['color'],
  anchor: string | undefined,
  context: BlockContext,
): Slice {
  const { style } = look;
  const lines = wrapInlines(inlines, style, colour, context.width, context);
  const textHeight = Math.max(lines.length, 1) * style.lineHeight;
  const height = look.rule ? textHeight + RULE_GAP + BOX.ruleWidth : textHeight;
  const slice = blankSlice(height);
  lines.forEach((line, index) =>
    placeLine(line, context.left, index * style.lineHeight, style, context.metrics, slice),
  );
  if (look.rule) {
    const y = textHeight + RULE_GAP + BOX.ruleWidth / 2;
    slice.shapes.push({
      kind: 'line',
      x1: context.left,
      y1: y,
      x2: context.left + context.width,
      y2: y,
      color: context.theme.accent,
      lineWidth: BOX.ruleWidth,
    });
  }
  slice.spaceBefore = look.spacing.before;
  slice.spaceAfter = look.spacing.after;
  slice.keepWithNext = true;
  if (anchor !== undefined) slice.anchors.push(anchor);
  return slice;
}
