/**
 * The table of contents: one entry per level-1 and level-2 heading, with dot leaders and a
 * right-aligned page number, each entry a link to its heading. The page-number column has a
 * fixed width, so entries wrap identically whatever the numbers turn out to be; the layout can
 * then run once to learn the page numbers and once more to print them, with the same pagination.
 */
import type { Toc } from '../ir/types';
import { blankSlice, wrapInlines, type BlockContext } from './block-context';
import type { Slice } from './flow-types';
import { textWidth } from './font-metrics';
import { tocTitleSlice } from './heading-slices';
import { baselineOffset, placeLine } from './line-placement';
import { BOX, SPACING, TEXT, type TextStyle } from './typography';

export interface TocEntry {
  anchor: string;
  level: 1 | 2;
  title: string;
}

const LEADER = ' .';
/** Space kept clear between an entry's title and its dot leader, and between leader and number. */
const LEADER_CLEARANCE = 4;
const LEVEL_1_GAP = 4;

/**
 * @param pageNumbers 1-based page of each anchor; an entry whose page is not known yet
 *   (first layout pass) is drawn without leader and number.
 */
export function tocSlices(
  toc: Toc,
  entries: TocEntry[],
  pageNumbers: ReadonlyMap<string, number>,
  context: BlockContext,
): Slice[] {
  const slices: Slice[] = [tocTitleSlice(toc.title, context)];
  for (const entry of entries) slices.push(entrySlice(entry, pageNumbers.get(entry.anchor), context));
  slices[slices.length - 1].spaceAfter = SPACING.toc.after;
  if (entries.length === 0) slices[0].keepWithNext = false;
  return slices;
}

function entrySlice(entry: TocEntry, pageNumber: number | undefined, context: BlockContext): Slice {
  const style: TextStyle = entry.level === 1 ? TEXT.tocEntry1 : TEXT.tocEntry2;
  const sans = context.metrics.sans;
  const colour = context.theme.text;
  const indent = entry.level === 1 ? 0 : BOX.tocIndent;
  const numberColumn = textWidth(sans, '0'.repeat(BOX.tocNumberDigits), style.size);
  const right = context.left + context.width;
  const titleLeft = context.left + indent;
  const titleWidth = right - numberColumn - BOX.tocNumberGap - titleLeft;

  const lines = wrapInlines([{ type: 'text', text: entry.title }], style, colour, titleWidth, context);
  const height = Math.max(1, lines.length) * style.lineHeight;
  const slice = blankSlice(height);
  lines.forEach((line, index) => placeLine(line, titleLeft, index * style.lineHeight, style, context.metrics, slice));

  if (pageNumber !== undefined) {
    const lastTop = (Math.max(1, lines.length) - 1) * style.lineHeight;
    const baseline = lastTop + baselineOffset(style, context.metrics);
    const number = String(pageNumber);
    const numberWidth = textWidth(sans, number, style.size);
    const numberX = right - numberWidth;
    const leaderStart = titleLeft + (lines[lines.length - 1]?.width ?? 0) + LEADER_CLEARANCE;
    const leaderUnit = textWidth(sans, LEADER, style.size);
    const leaderCount = Math.floor((numberX - LEADER_CLEARANCE - leaderStart) / leaderUnit);
    if (leaderCount > 0) {
      const leader = LEADER.repeat(leaderCount);
      const leaderWidth = leaderCount * leaderUnit;
      slice.texts.push({
        font: 'sans',
        size: style.size,
        color: context.theme.muted,
        // Flush against the number, so that the dots of consecutive entries line up.
        x: numberX - LEADER_CLEARANCE - leaderWidth,
        baseline,
        text: leader,
        width: leaderWidth,
      });
    }
    slice.texts.push({
      font: 'sans',
      size: style.size,
      color: colour,
      x: numberX,
      baseline,
      text: number,
      width: numberWidth,
    });
  }

  slice.links.push({
    x: titleLeft,
    top: 0,
    width: right - titleLeft,
    height,
    target: { kind: 'anchor', anchor: entry.anchor },
  });
  slice.spaceBefore = entry.level === 1 ? LEVEL_1_GAP : 0;
  return slice;
}
