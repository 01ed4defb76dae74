/**
 * Turns the content of a paragraph-like element (text, <em>, <strong>, <code>, <a>) into IR runs,
 * collapsing whitespace the way HTML does: any run of spaces, tabs and line ends becomes one space,
 * and none is kept at the start or end of the block. Templates can then be laid out on several lines
 * for readability without the layout showing in the documents. No-break spaces are kept.
 */
import type { Inline, LinkRun, TextRun } from './types';
import { checkHref } from './href';
import type { MarkupElement, MarkupNode } from './markup-tree';
import { markupWarning, type MarkupProblem } from './markup-problem';

export interface InlineContext {
  /** Heading ids of the whole document, for checking internal links. */
  anchors: ReadonlySet<string>;
  problems: MarkupProblem[];
}

interface Formatting {
  bold: boolean;
  italic: boolean;
  code: boolean;
}

const PLAIN: Formatting = { bold: false, italic: false, code: false };
const COLLAPSIBLE = /[ \t\n\r\f]+/g;

export function buildInlineRuns(nodes: readonly MarkupNode[], context: InlineContext): Inline[] {
  const runs: Inline[] = [];
  collect(nodes, PLAIN, runs, context);
  collapseWhitespace(runs);
  return mergeRuns(runs);
}

function collect(nodes: readonly MarkupNode[], formatting: Formatting, out: Inline[], context: InlineContext): void {
  for (const node of nodes) {
    if (node.kind === 'text') {
      out.push(textRun(node.text, formatting));
      continue;
    }
    switch (node.name) {
      case 'em':
        collect(node.children, { ...formatting, italic: true }, out, context);
        break;
      case 'strong':
        collect(node.children, { ...formatting, bold: true }, out, context);
        break;
      case 'code':
        collect(node.children, { ...formatting, code: true }, out, context);
        break;
      case 'a':
        collectLink(node, formatting, out, context);
        break;
      default:
        // The tree builder only attaches inline elements here; anything else is a bug upstream.
        throw new Error(`Unexpected <${node.name}> inside inline content`);
    }
  }
}

function collectLink(link: MarkupElement, formatting: Formatting, out: Inline[], context: InlineContext): void {
  const text: Inline[] = [];
  collect(link.children, formatting, text, context);
  const hrefAttribute = link.attributes.get('href');
  if (hrefAttribute === undefined) {
    // Already reported as a missing required attribute; keep the text.
    out.push(...text);
    return;
  }
  const check = checkHref(hrefAttribute.value);
  if (check.kind === 'rejected') {
    context.problems.push(
      markupWarning(
        'LINK_SCHEME_REJECTED',
        `Link dropped, its text kept: ${check.reason}`,
        hrefAttribute.valueStart,
        hrefAttribute.valueEnd,
      ),
    );
    out.push(...text);
    return;
  }
  if (check.kind === 'internal' && !context.anchors.has(check.anchor)) {
    context.problems.push(
      markupWarning('LINK_TARGET_MISSING', `Link dropped, its text kept: no heading has the id "${check.anchor}"`, hrefAttribute.valueStart, hrefAttribute.valueEnd),
    );
    out.push(...text);
    return;
  }
  // collect() only produced text runs here: the vocabulary forbids a link inside a link.
  const children = text.filter((run): run is TextRun => run.type === 'text');
  out.push({ type: 'link', href: check.href, children });
}

function textRun(text: string, formatting: Formatting): TextRun {
  return {
    type: 'text',
    text,
    ...(formatting.bold ? { bold: true } : {}),
    ...(formatting.italic ? { italic: true } : {}),
    ...(formatting.code ? { code: true } : {}),
  };
}

/** Every text run in reading order, including those inside links. */
function textRunsInOrder(runs: readonly Inline[]): TextRun[] {
  return runs.flatMap((run) => (run.type === 'text' ? [run] : run.children));
}

function collapseWhitespace(runs: readonly Inline[]): void {
  const textRuns = textRunsInOrder(runs);
  // Start as if a space had just been written, so that leading whitespace disappears.
  let afterSpace = true;
  for (const run of textRuns) {
    let text = run.text.replace(COLLAPSIBLE, ' ');
    if (afterSpace && text.startsWith(' ')) text = text.slice(1);
    if (text !== '') afterSpace = text.endsWith(' ');
    run.text = text;
  }
  // Collapsing leaves at most one trailing space in the whole block, at the end of the last non-empty run.
  for (let i = textRuns.length - 1; i >= 0; i--) {
    if (textRuns[i].text === '') continue;
    if (textRuns[i].text.endsWith(' ')) textRuns[i].text = textRuns[i].text.slice(0, -1);
    break;
  }
}

const sameFormatting = (a: TextRun, b: TextRun): boolean => !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.code === !!b.code;

/** Drops empty runs and empty links, and joins neighbouring runs that look the same. */
function mergeRuns(runs: readonly Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const run of runs) {
    if (run.type === 'link') {
      const children = mergeTextRuns(run.children);
      if (children.length > 0) merged.push({ ...run, children } satisfies LinkRun);
      continue;
    }
    if (run.text === '') continue;
    const previous = merged[merged.length - 1];
    if (previous?.type === 'text' && sameFormatting(previous, run)) previous.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

function mergeTextRuns(runs: readonly TextRun[]): TextRun[] {
  return mergeRuns(runs).filter((run): run is TextRun => run.type === 'text');
}
