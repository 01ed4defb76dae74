/**
 * Character references in template markup.
 * Handlebars' escaping writes &amp; &lt; &gt; &quot; &#x27; &#x60; &#x3D;; template authors may also
 * write numeric references and a handful of common names. Anything else is reported rather than
 * guessed, because a stray "&" in a template is a typo the author wants to hear about.
 */
import { markupError, type MarkupProblem } from './markup-problem';

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
]);

const REFERENCE = /&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/y;

export interface DecodedText {
  text: string;
  problems: MarkupProblem[];
}

/**
 * Decodes the references in `raw`, a slice of the markup that starts at offset `base`
 * (used only to place problems).
 */
export function decodeEntities(raw: string, base: number): DecodedText {
  if (!raw.includes('&')) return { text: raw, problems: [] };
  const problems: MarkupProblem[] = [];
  let text = '';
  let copiedUpTo = 0;
  for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', amp + 1)) {
    text += raw.slice(copiedUpTo, amp);
    REFERENCE.lastIndex = amp;
    const match = REFERENCE.exec(raw);
    if (!match) {
      problems.push(
        markupError('A bare "&" in the markup', base + amp, base + amp + 1, 'Write "&amp;" for a literal ampersand in a template.'),
      );
      text += '&';
      copiedUpTo = amp + 1;
      continue;
    }
    const [whole, decimal, hex, name] = match;
    const start = base + amp;
    const end = start + whole.length;
    if (name !== undefined) {
      const value = NAMED_ENTITIES.get(name);
      if (value === undefined) {
        problems.push(
          markupError(`Unknown character reference "${whole}"`, start, end, 'Use &amp; &lt; &gt; &quot; &apos; &nbsp; or a numeric reference such as &#x2014;.'),
        );
        text += whole;
      } else {
        text += value;
      }
    } else {
      const codePoint = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
      if (isAllowedCodePoint(codePoint)) {
        text += String.fromCodePoint(codePoint);
      } else {
        problems.push(markupError(`Character reference "${whole}" does not name a usable character`, start, end));
        text += '\ufffd';
      }
    }
    copiedUpTo = amp + whole.length;
    amp = copiedUpTo - 1;
  }
  text += raw.slice(copiedUpTo);
  return { text, problems };
}

/** Excludes NUL, surrogate halves, values past Unicode, and control characters other than tab and line ends. */
function isAllowedCodePoint(codePoint: number): boolean {
  if (codePoint > 0x10ffff) return false;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false;
  if (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d) return true;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return false;
  return true;
}
