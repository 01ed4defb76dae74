import { checkHref } from '../ir/href';
import type { Inline, LinkRun, TextRun } from '../ir/types';
import { HTML_FORMAT, type HtmlContext } from './context';
import { escapeHtml } from './escape';
import { missingAnchor, rejectedLink } from '../shared/writer-diagnostics';

function renderTextRun(run: TextRun): string {
  let html = escapeHtml(run.text);
  if (run.code) html = `<code>${html}</code>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.bold) html = `<strong>${html}</strong>`;
  return html;
}

function plainTextOf(runs: TextRun[]): string {
  return runs.map((run) => run.text).join('');
}

/**
 * A link whose visible text already is its address needs no address printed after it (see the print CSS).
 * Compared without the scheme and a trailing slash, as templates often print "www.example.org/page".
 */
function showsItsAddress(text: string, url: string): boolean {
  const bare = (value: string) => value.trim().replace(/^(https?:\/\/|mailto:)/i, '').replace(/\/$/, '').toLowerCase();
  return bare(text) === bare(url);
}

function renderLink(link: LinkRun, context: HtmlContext): string {
  const content = link.children.map(renderTextRun).join('');
  // The IR parser has filtered hrefs already; checking again costs little and keeps IR built elsewhere safe.
  const target = checkHref(link.href);
  if (target.kind === 'rejected') {
    context.diagnostics.push(rejectedLink(HTML_FORMAT, link.href, target.reason));
    return content;
  }
  if (target.kind === 'internal') {
    if (!context.linkTargets.has(target.anchor)) {
      context.diagnostics.push(missingAnchor(HTML_FORMAT, target.anchor));
      return content;
    }
    return `<a href="#${escapeHtml(target.anchor)}">${content}</a>`;
  }
  const bare = showsItsAddress(plainTextOf(link.children), target.href) ? ' class="bare"' : '';
  return `<a href="${escapeHtml(target.href)}"${bare}>${content}</a>`;
}

export function renderInlines(inlines: Inline[], context: HtmlContext): string {
  return inlines.map((inline) => (inline.type === 'link' ? renderLink(inline, context) : renderTextRun(inline))).join('');
}
