import type { Block, Heading, ListBlock, Paragraph, Table, TableCell } from '../ir/types';
import { HTML_FORMAT, type HtmlContext } from './context';
import { escapeHtml } from './escape';
import { renderFigure } from './figures';
import { renderInlines } from './inlines';
import { normaliseTableShape } from '../shared/table-shape';
import { renderToc } from './toc';
import { tableShape } from '../shared/writer-diagnostics';

/** Paragraph styles map to classes; the stylesheet gives each its look. 'normal' needs none. */
const PARAGRAPH_CLASS: Record<NonNullable<Paragraph['style']>, string | undefined> = {
  normal: undefined,
  note: 'note',
  small: 'small',
  title: 'title',
  subtitle: 'subtitle',
};

function renderHeading(heading: Heading, context: HtmlContext): string {
  const id = context.headingIds.get(heading);
  const idAttribute = id === undefined ? '' : ` id="${escapeHtml(id)}"`;
  return `<h${heading.level}${idAttribute}>${renderInlines(heading.children, context)}</h${heading.level}>`;
}

function renderParagraph(paragraph: Paragraph, context: HtmlContext): string {
  const className = PARAGRAPH_CLASS[paragraph.style ?? 'normal'];
  // A note is a call-out (e.g. "nothing submitted for this metric"); role=note lets screen readers announce it.
  const attributes = className === undefined ? '' : ` class="${className}"${className === 'note' ? ' role="note"' : ''}`;
  return `<p${attributes}>${renderInlines(paragraph.children, context)}</p>`;
}

function renderList(list: ListBlock, context: HtmlContext): string {
  const tag = list.ordered ? 'ol' : 'ul';
  const items = list.items.map((item) => `<li>${renderInlines(item, context)}</li>`);
  return `<${tag}>\n${items.join('\n')}\n</${tag}>`;
}

/** Percentages with two decimals: precise enough for layout, and the same string on every run. */
function percentages(widths: number[]): string[] {
  const total = widths.reduce((sum, width) => sum + width, 0);
  return widths.map((width) => `${((width / total) * 100).toFixed(2)}%`);
}

function renderRow(cells: TableCell[], tag: 'th' | 'td', context: HtmlContext): string {
  const scope = tag === 'th' ? ' scope="col"' : '';
  return `<tr>${cells.map((cell) => `<${tag}${scope}>${renderInlines(cell.children, context)}</${tag}>`).join('')}</tr>`;
}

/**
 * The table sits in a scrolling box so that a wide table scrolls sideways on a phone instead of widening the page.
 * The box is focusable and labelled so keyboard users can scroll it too.
 */
function renderTable(table: Table, context: HtmlContext): string {
  const shape = normaliseTableShape(table);
  for (const problem of shape.problems) context.diagnostics.push(tableShape(HTML_FORMAT, problem));
  if (shape.rows.length === 0 && !shape.header) return '';
  context.tableCount += 1;
  const columns = percentages(shape.widths).map((width) => `<col style="width:${width}">`).join('');
  const lines = [
    `<div class="table-scroll" role="region" aria-label="Table ${context.tableCount}" tabindex="0">`,
    '<table>',
    `<colgroup>${columns}</colgroup>`,
  ];
  if (shape.header) lines.push(`<thead>${renderRow(shape.header, 'th', context)}</thead>`);
  if (shape.rows.length > 0) {
    lines.push('<tbody>', ...shape.rows.map((row) => renderRow(row, 'td', context)), '</tbody>');
  }
  lines.push('</table>', '</div>');
  return lines.join('\n');
}

function renderBlock(block: Block, blocks: Block[], context: HtmlContext): string {
  switch (block.type) {
    case 'heading':
      return renderHeading(block, context);
    case 'paragraph':
      return renderParagraph(block, context);
    case 'list':
      return renderList(block, context);
    case 'table':
      return renderTable(block, context);
    case 'pagebreak':
      // Shown as a light rule on screen; the print stylesheet turns it into a page break.
      return '<hr class="page-break">';
    case 'toc':
      return renderToc(block, blocks, context);
    case 'figure':
      return renderFigure(block);
  }
}

/** The document body, one block per line group, empty results (e.g. a table without rows) left out. */
export function renderBlocks(blocks: Block[], context: HtmlContext): string {
  return blocks
    .map((block) => renderBlock(block, blocks, context))
    .filter((html) => html !== '')
    .join('\n');
}
