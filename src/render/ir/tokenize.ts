/**
 * Tokenizer for the closed XHTML-like vocabulary that templates emit.
 * It knows tags, quoted attributes and character references; it does not know which elements exist
 * (that is vocabulary.ts) nor how they nest (markup-tree.ts). It never gives up: every problem is
 * recorded and scanning goes on, so one run reports everything wrong with a template's output.
 */
import { decodeEntities } from './entities';
import { markupError, type MarkupProblem } from './markup-problem';

export interface MarkupAttribute {
  name: string;
  /** Value with character references decoded. */
  value: string;
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
}

export interface TextToken {
  kind: 'text';
  /** Text with character references decoded; whitespace as written. */
  text: string;
  start: number;
  end: number;
}

export interface StartTagToken {
  kind: 'start';
  name: string;
  attributes: MarkupAttribute[];
  selfClosing: boolean;
  start: number;
  end: number;
}

export interface EndTagToken {
  kind: 'end';
  name: string;
  start: number;
  end: number;
}

export type MarkupToken = TextToken | StartTagToken | EndTagToken;

export interface TokenizedMarkup {
  tokens: MarkupToken[];
  problems: MarkupProblem[];
}

const isNameStart = (c: string): boolean => /^[A-Za-z]$/.test(c);
const isNameChar = (c: string): boolean => /^[A-Za-z0-9-]$/.test(c);
const isAttributeNameStart = (c: string): boolean => /^[A-Za-z_:]$/.test(c);
const isAttributeNameChar = (c: string): boolean => /^[A-Za-z0-9_:.-]$/.test(c);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

export function tokenizeMarkup(markup: string): TokenizedMarkup {
  const tokens: MarkupToken[] = [];
  const problems: MarkupProblem[] = [];
  let textStart = 0;

  const flushText = (end: number): void => {
    if (end <= textStart) return;
    const decoded = decodeEntities(markup.slice(textStart, end), textStart);
    problems.push(...decoded.problems);
    tokens.push({ kind: 'text', text: decoded.text, start: textStart, end });
  };

  let cursor = 0;
  while (cursor < markup.length) {
    const lt = markup.indexOf('<', cursor);
    if (lt === -1) break;
    const next = markup.charAt(lt + 1);
    if (isNameStart(next)) {
      flushText(lt);
      const read = readStartTag(markup, lt, problems);
      tokens.push(read.token);
      cursor = textStart = read.end;
    } else if (next === '/' && isNameStart(markup.charAt(lt + 2))) {
      flushText(lt);
      const read = readEndTag(markup, lt, problems);
      tokens.push(read.token);
      cursor = textStart = read.end;
    } else if (next === '!' || next === '?') {
      // Comments, declarations and processing instructions have no place in the vocabulary.
      // Skip the whole construct so that its content does not cascade into more reports.
      flushText(lt);
      const terminator = markup.startsWith('<!--', lt) ? '-->' : '>';
      const close = markup.indexOf(terminator, lt + 2);
      const end = close === -1 ? markup.length : close + terminator.length;
      problems.push(
        markupError(
          next === '!' ? 'An HTML comment or declaration in the markup' : 'A processing instruction in the markup',
          lt,
          end,
          'Template comments are written {{!-- ... --}} and leave nothing in the output.',
        ),
      );
      cursor = textStart = end;
    } else {
      // A "<" that starts no tag: report it and keep it as text.
      problems.push(markupError('A "<" that does not start a tag', lt, lt + 1, 'Write "&lt;" for a literal "<" in a template.'));
      cursor = lt + 1;
    }
  }
  flushText(markup.length);
  return { tokens, problems };
}

function readName(markup: string, from: number, isChar: (c: string) => boolean): number {
  let end = from;
  while (end < markup.length && isChar(markup.charAt(end))) end++;
  return end;
}

function skipSpaces(markup: string, from: number): number {
  let at = from;
  while (at < markup.length && isSpace(markup.charAt(at))) at++;
  return at;
}

function readStartTag(markup: string, lt: number, problems: MarkupProblem[]): { token: StartTagToken; end: number } {
  const nameEnd = readName(markup, lt + 1, isNameChar);
  const name = markup.slice(lt + 1, nameEnd);
  const attributes: MarkupAttribute[] = [];
  const token = (selfClosing: boolean, end: number): { token: StartTagToken; end: number } => ({
    token: { kind: 'start', name, attributes, selfClosing, start: lt, end },
    end,
  });

  let at = nameEnd;
  for (;;) {
    at = skipSpaces(markup, at);
    const c = markup.charAt(at);
    if (c === '>') return token(false, at + 1);
    if (c === '/' && markup.charAt(at + 1) === '>') return token(true, at + 2);
    if (c === '' || c === '<') {
      // Stop before a following tag rather than swallowing it.
      problems.push(markupError(`The tag <${name}> is not closed with ">"`, lt, at));
      return token(false, at);
    }
    if (!isAttributeNameStart(c)) {
      problems.push(markupError(`Unexpected character "${c}" in the tag <${name}>`, at, at + 1));
      at++;
      continue;
    }
    const attributeStart = at;
    const attributeNameEnd = readName(markup, at, isAttributeNameChar);
    const attributeName = markup.slice(at, attributeNameEnd);
    at = skipSpaces(markup, attributeNameEnd);
    if (markup.charAt(at) !== '=') {
      problems.push(
        markupError(`The attribute "${attributeName}" of <${name}> has no value`, attributeStart, attributeNameEnd, `Write ${attributeName}="...".`),
      );
      continue;
    }
    at = skipSpaces(markup, at + 1);
    const quote = markup.charAt(at);
    if (quote !== '"' && quote !== "'") {
      let valueEnd = at;
      while (valueEnd < markup.length && !isSpace(markup.charAt(valueEnd)) && !'<>'.includes(markup.charAt(valueEnd))) valueEnd++;
      if (valueEnd > at && markup.charAt(valueEnd - 1) === '/' && markup.charAt(valueEnd) === '>') valueEnd--;
      problems.push(
        markupError(`The value of the attribute "${attributeName}" of <${name}> is not in quotes`, attributeStart, valueEnd, `Write ${attributeName}="...".`),
      );
      at = valueEnd;
      continue;
    }
    const close = markup.indexOf(quote, at + 1);
    if (close === -1) {
      problems.push(markupError(`The value of the attribute "${attributeName}" of <${name}> is never closed`, attributeStart, markup.length));
      return token(false, markup.length);
    }
    const decoded = decodeEntities(markup.slice(at + 1, close), at + 1);
    problems.push(...decoded.problems);
    if (attributes.some((attribute) => attribute.name === attributeName)) {
      problems.push(markupError(`The attribute "${attributeName}" is given twice in <${name}>`, attributeStart, close + 1));
    } else {
      attributes.push({ name: attributeName, value: decoded.text, start: attributeStart, end: close + 1, valueStart: at + 1, valueEnd: close });
    }
    at = close + 1;
  }
}

function readEndTag(markup: string, lt: number, problems: MarkupProblem[]): { token: EndTagToken; end: number } {
  const nameEnd = readName(markup, lt + 2, isNameChar);
  const name = markup.slice(lt + 2, nameEnd);
  const at = skipSpaces(markup, nameEnd);
  if (markup.charAt(at) === '>') return { token: { kind: 'end', name, start: lt, end: at + 1 }, end: at + 1 };
  // Tolerate junk up to the next ">" on the same tag, but never past the start of another tag.
  const close = markup.indexOf('>', at);
  const nextTag = markup.indexOf('<', at);
  const end = close !== -1 && (nextTag === -1 || close < nextTag) ? close + 1 : at;
  problems.push(markupError(`The end tag </${name}> is malformed`, lt, end, `Write </${name}>.`));
  return { token: { kind: 'end', name, start: lt, end }, end };
}
