/**
 * What repeats on every page: the running header (from the second page on, so the cover stays
 * clean) with an accent rule under it, and the "Page N of M" footer. Added after pagination,
 * because M is only known then. Pages of a merged PDF get neither: their own content may fill the
 * margins. They still count, so that N and M agree with the reader's own page numbers.
 */
import type { BlockContext } from './block-context';
import { emptyContent } from './flow-types';
import { textWidth } from './font-metrics';
import { inlineWords } from './inline-words';
import type { PageSpec } from './layout-types';
import { breakIntoLines, type TextLine } from './line-breaking';
import { placeLine } from './line-placement';
import type { DraftPage } from './paginate';
import { BOX, PAGE_FURNITURE, TEXT, type TextStyle } from './typography';

const ELLIPSIS = '\u2026';

export function addPageFurniture(pages: DraftPage[], header: string, page: PageSpec, context: BlockContext, marking?: string): void {
  const headerLine = fitOnOneLine(header, TEXT.runningHeader, context);
  pages.forEach((draft, index) => {
    if (draft.foreign) return;
    if (index > 0 && headerLine) drawRunningHeader(draft, headerLine, page, context);
    // A marking (DRAFT) goes in the footer of every page, the cover included, so no printed page passes for the submission.
    drawFooter(draft, `${marking ? `${marking} · ` : ''}Page ${index + 1} of ${pages.length}`, context);
  });
}

/** The header text on a single line, cut with an ellipsis when it is wider than the text column. */
function fitOnOneLine(text: string, style: TextStyle, context: BlockContext): TextLine | undefined {
  const words = inlineWords([{ type: 'text', text }], style, context.theme.muted, context.inline);
  const lines = breakIntoLines(words, context.width, context.metrics);
  if (lines.length <= 1) return lines[0];
  const ellipsisWidth = textWidth(context.metrics.sans, ELLIPSIS, style.size);
  const [first] = breakIntoLines(words, context.width - ellipsisWidth, context.metrics);
  const pieces = [...first.pieces];
  const last = pieces[pieces.length - 1];
  pieces[pieces.length - 1] = { ...last, text: last.text + ELLIPSIS, width: last.width + ellipsisWidth };
  return { pieces, width: first.width + ellipsisWidth };
}

function drawRunningHeader(draft: DraftPage, line: TextLine, page: PageSpec, context: BlockContext): void {
  const baseline = page.height - PAGE_FURNITURE.headerBaselineFromTop;
  drawLineAtBaseline(draft, line, context.left, baseline, TEXT.runningHeader, context, 'first');
  const ruleY = page.height - PAGE_FURNITURE.headerRuleFromTop;
  draft.shapes.push({
    kind: 'line',
    x1: context.left,
    y1: ruleY,
    x2: context.left + context.width,
    y2: ruleY,
    color: context.theme.accent,
    lineWidth: BOX.ruleWidth / 2,
  });
}

function drawFooter(draft: DraftPage, text: string, context: BlockContext): void {
  const style = TEXT.footer;
  const words = inlineWords([{ type: 'text', text }], style, context.theme.muted, context.inline);
  const [line] = breakIntoLines(words, Number.POSITIVE_INFINITY, context.metrics);
  const x = context.left + (context.width - line.width) / 2;
  drawLineAtBaseline(draft, line, x, PAGE_FURNITURE.footerBaselineFromBottom, style, context, 'last');
}

/**
 * Places a line whose baseline is given in PDF user space; 'first' puts it before the body text
 * in the content stream, so that stream-order text extraction reads header, body, footer.
 */
function drawLineAtBaseline(
  draft: DraftPage,
  line: TextLine,
  x: number,
  baseline: number,
  style: TextStyle,
  context: BlockContext,
  order: 'first' | 'last',
): void {
  const content = emptyContent();
  placeLine(line, x, 0, style, context.metrics, content);
  const texts = content.texts.map((text) => ({
    font: text.font,
    size: text.size,
    color: text.color,
    x: Math.round(text.x * 1000) / 1000,
    y: baseline,
    text: text.text,
    width: text.width,
  }));
  if (order === 'first') draft.texts.unshift(...texts);
  else draft.texts.push(...texts);
}
