/**
 * Parses the markup a template rendered into the Document IR.
 * Pure: a string in, an IR and diagnostics out. Positions in diagnostics are lines and columns of
 * the rendered markup (Handlebars keeps no map back to template lines); each diagnostic names the
 * template that produced the offending text when the caller says which template produced which part,
 * and quotes the text so that it can be found in the template.
 */
import type { Diagnostic, StageResult } from '../../diagnostics/diagnostic';
import { CODES } from '../../diagnostics/codes';
import type { DocumentIR, DocumentMeta, ImageAsset } from './types';
import { createLineLocator, type LineLocator } from './line-locator';
import { convertMarkupTree } from './markup-blocks';
import type { MarkupProblem } from './markup-problem';
import { buildMarkupTree } from './markup-tree';
import { tokenizeMarkup } from './tokenize';

/** From offset `start` on (until the next span), the markup was produced by `file`. */
export interface MarkupSourceSpan {
  start: number;
  file: string;
}

export interface MarkupOrigin {
  /** Template the markup came from, as shown in diagnostics (pack-relative, POSIX). */
  file: string;
  /** Finer attribution, e.g. to partials; sorted by start. Text before the first span belongs to `file`. */
  spans?: readonly MarkupSourceSpan[];
}

const EXCERPT_LENGTH = 48;

/**
 * @param images the images a <figure src="name"> may show, by name (the pack's logo); the markup can name
 *   nothing else.
 */
export function parseDocumentMarkup(
  markup: string,
  meta: DocumentMeta,
  origin: MarkupOrigin,
  images: ReadonlyMap<string, ImageAsset> = new Map(),
): StageResult<DocumentIR | undefined> {
  const tokenized = tokenizeMarkup(markup);
  const tree = buildMarkupTree(tokenized.tokens);
  const problems: MarkupProblem[] = [...tokenized.problems, ...tree.problems];
  const blocks = convertMarkupTree(tree.root, problems, images);

  const locate = createLineLocator(markup);
  const diagnostics = problems
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((problem) => toDiagnostic(problem, markup, locate, origin));
  const failed = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  return { value: failed ? undefined : { meta, blocks }, diagnostics };
}

function toDiagnostic(problem: MarkupProblem, markup: string, locate: LineLocator, origin: MarkupOrigin): Diagnostic {
  const start = locate(problem.start);
  const end = locate(problem.end);
  return {
    code: problem.code,
    severity: problem.severity,
    message: `${problem.message} (rendered markup near "${excerpt(markup, problem.start)}")`,
    hint: problem.hint ?? CODES[problem.code].hint,
    file: fileAt(problem.start, origin),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    source: 'template',
  };
}

function excerpt(markup: string, start: number): string {
  const text = markup.slice(start, start + EXCERPT_LENGTH).replace(/\s+/g, ' ');
  return start + EXCERPT_LENGTH < markup.length ? `${text}…` : text;
}

function fileAt(offset: number, origin: MarkupOrigin): string {
  let file = origin.file;
  for (const span of origin.spans ?? []) {
    if (span.start > offset) break;
    file = span.file;
  }
  return file;
}
