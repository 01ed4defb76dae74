/**
 * Turns IR text into what the layout measures and draws: NFC-composed (so "e" + U+0301 is one
 * glyph "é" and measures like it), with collapsible white space reduced to single spaces the way
 * HTML does (the IR comes from XHTML-like templates whose line breaks and indentation carry no
 * meaning), and with invisible format and control characters removed, because no font draws them
 * and reporting them as missing glyphs would be noise.
 */

/** Kept in normalised text as a zero-width line-break opportunity (from U+200B in the source). */
export const BREAK_OPPORTUNITY = '\u200B';

// ASCII white space plus NEL and the Unicode line/paragraph separators. Deliberately not \s,
// which would also swallow no-break spaces (U+00A0, U+202F) that French typography relies on.
const COLLAPSIBLE_WHITE_SPACE = /[ \t\n\r\f\v\u0085\u2028\u2029]+/g;

// Control (Cc) and format (Cf) characters, except U+200B which becomes a break opportunity.
const INVISIBLE = /(?![\u200B])[\p{Cc}\p{Cf}]/gu;

// Half of a surrogate pair without the other half: malformed UTF-16, shown as U+FFFD like any
// decoder would, rather than reported as a "missing glyph" for a character that does not exist.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Printable ASCII is already NFC and has nothing to remove; runs of spaces are collapsed later,
// by the word builder. Most evidence text is ASCII, so this skips the expensive path.
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

export function normaliseText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .normalize('NFC')
    .replace(COLLAPSIBLE_WHITE_SPACE, ' ')
    .replace(INVISIBLE, '');
}
