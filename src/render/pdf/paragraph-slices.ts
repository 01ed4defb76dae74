/**
 * Paragraphs in their plain styles: body text, fine print, and the cover's title and subtitle.
 * (Notes have their own file: they are boxes, not just text.)
 */
import type { Paragraph } from '../ir/types';
import { blankSlice, lineSlices, wrapInlines, type BlockContext } from './block-context';
import type { Slice } from './flow-types';
import type { Rgb } from './layout-types';
import { noteSlices } from './note-slices';
import { SPACING, TEXT, type BlockSpacing, type TextStyle } from './typography';

/** The accent band above a document title, and the gap between band and title. */
const TITLE_BAND = { height: 6, gap: 12, width: 72 } as const;

export function paragraphSlices(paragraph: Paragraph, context: BlockContext): Slice[] {
  const kind = paragraph.style ?? 'normal';
  if (kind === 'note') return noteSlices(paragraph, context);

  const { theme } = context;
  const looks: Record<Exclude<typeof kind, 'note'>, { style: TextStyle; colour: Rgb; spacing: BlockSpacing }> = {
    normal: { style: TEXT.body, colour: theme.text, spacing: SPACING.paragraph },
    small: { style: TEXT.small, colour: theme.muted, spacing: SPACING.small },
    title: { style: TEXT.title, colour: theme.headingText, spacing: SPACING.title },
    subtitle: { style: TEXT.subtitle, colour: theme.muted, spacing: SPACING.subtitle },
  };
  const { style, colour, spacing } = looks[kind];
  const lines = wrapInlines(paragraph.children, style, colour, context.width, context);
  const slices = lineSlices(lines, style, context.left, spacing, context);
  if (kind === 'title' && slices.length > 0) {
    // The band belongs to the title and must not be left behind on the previous page.
    const band = blankSlice(TITLE_BAND.height + TITLE_BAND.gap);
    band.shapes.push({
      kind: 'rect',
      x: context.left,
      top: 0,
      width: TITLE_BAND.width,
      height: TITLE_BAND.height,
      fill: theme.accent,
    });
    band.keepWithNext = true;
    band.spaceBefore = slices[0].spaceBefore;
    slices[0].spaceBefore = 0;
    slices.unshift(band);
  }
  return slices;
}
