import type { Block, Heading, Toc } from '../ir/types';
import type { HtmlContext } from './context';
import { escapeHtml } from './escape';

interface TocEntry {
  heading: Heading;
  children: TocEntry[];
}

/**
 * Nests headings under the nearest earlier heading of a higher level, so a level-3 heading straight after a
 * level-1 heading becomes its child instead of breaking the list.
 */
function nestHeadings(headings: Heading[]): TocEntry[] {
  const roots: TocEntry[] = [];
  const open: TocEntry[] = [];
  for (const heading of headings) {
    const entry: TocEntry = { heading, children: [] };
    while (open.length > 0 && open[open.length - 1].heading.level >= heading.level) open.pop();
    (open.length > 0 ? open[open.length - 1].children : roots).push(entry);
    open.push(entry);
  }
  return roots;
}

/** Entry text is the heading's plain text: links inside a heading must not nest inside the entry's own link. */
function headingText(heading: Heading): string {
  return heading.children.map((inline) => (inline.type === 'link' ? inline.children.map((run) => run.text).join('') : inline.text)).join('');
}

function renderEntries(entries: TocEntry[], context: HtmlContext, depth: number): string {
  const indent = '  '.repeat(depth);
  const items = entries.map((entry) => {
    const id = context.headingIds.get(entry.heading) ?? '';
    const nested = entry.children.length > 0 ? `\n${renderEntries(entry.children, context, depth + 1)}\n${indent}` : '';
    return `${indent}<li><a href="#${escapeHtml(id)}">${escapeHtml(headingText(entry.heading))}</a>${nested}</li>`;
  });
  return `${indent}<ol>\n${items.join('\n')}\n${indent}</ol>`;
}

/** A linked table of contents of every heading of the document, wherever the toc block stands. */
export function renderToc(toc: Toc, blocks: Block[], context: HtmlContext): string {
  const headings = blocks.filter((block): block is Heading => block.type === 'heading');
  const title = escapeHtml(toc.title);
  const list = headings.length > 0 ? `\n${renderEntries(nestHeadings(headings), context, 0)}` : '';
  return `<nav class="toc" aria-label="${title}">\n<p class="toc-title">${title}</p>${list}\n</nav>`;
}
