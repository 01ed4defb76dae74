/**
 * Headings: one unsplittable slice in the accent colour (level 1 with a rule under it) that is
 * kept on the same page as what follows, so a heading never ends a page on its own. A heading
 * taller than a whole page is the exception: it is cut between its lines.
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
 * @returns one slice; several only for a heading too tall for a page, which is cut between lines.
 */
export function headingSlices(heading: Heading, anchor: string | undefined, context: BlockContext): Slice[] {
  const colour = heading.level === 3 ? context.theme.text : context.theme.headingText;
  return headingLikeSlices(heading.children, LOOK[heading.level], colour, anchor, context);
}

/** The table of contents' title looks like a level-1 heading without being one. */
export function tocTitleSlice(title: string, context: BlockContext): Slice {
  // A title this short always fits on a page, hence one slice.
  return headingLikeSlices([{ type: 'text', text: title }], LOOK[1], context.theme.headingText, undefined, context)[0];
}

function headingLikeSlices(
  inlines: Inline[],
  look: (typeof LOOK)[Heading['level']],
  colour: Slice['texts'][number]['color'],
  anchor: string | undefined,
  context: BlockContext,
): Slice[] {
  const { style } = look;
  const lines = wrapInlines(inlines, style, colour, context.width, context);
  const lineCount = Math.max(lines.length, 1);
  const ruleHeight = look.rule ? RULE_GAP + BOX.ruleWidth : 0;
  const whole = lineCount * style.lineHeight + ruleHeight <= context.maxSliceHeight;
  // Normally the whole heading is one slice; a heading taller than a page (only a pathological
  // template or title does that) gets a slice per line, which the paginator may spread over pages.
  const groups = whole ? [lines] : lines.map((line) => [line]);
  const slices = groups.map((group, index) => {
    const last = index === groups.length - 1;
    const textHeight = Math.max(group.length, 1) * style.lineHeight;
    const slice = blankSlice(last ? textHeight + ruleHeight : textHeight);
    group.forEach((line, lineIndex) => placeLine(line, context.left, lineIndex * style.lineHeight, style, context.metrics, slice));
    if (last && look.rule) {
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
    slice.keepWithNext = true;
    return slice;
  });
  slices[0].spaceBefore = look.spacing.before;
  slices[slices.length - 1].spaceAfter = look.spacing.after;
  if (anchor !== undefined) slices[0].anchors.push(anchor);
  return slices;
}
