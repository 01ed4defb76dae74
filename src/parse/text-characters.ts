import type { Scalar } from 'yaml';

/**
 * Invisible characters that change what a reader sees or what a document can hold. They arrive in evidence
 * through copy and paste from Word, PDF viewers and web pages, or on purpose:
 * - control characters (C0 other than tab and line breaks, DEL, C1) are invisible in editors and cannot be
 *   stored in a DOCX at all (XML 1.0 forbids them);
 * - bidirectional embeddings, overrides and isolates reorder the text displayed after them, so that a title
 *   or a file name reads differently from what it says ("Trojan Source", CVE-2021-42574). Right-to-left
 *   scripts need none of them; the plain left-to-right and right-to-left marks (U+200E, U+200F) are kept.
 */

export type InvisibleKind = 'control' | 'bidi';

export interface InvisibleCharacter {
  kind: InvisibleKind;
  codePoint: number;
  /** Source offset of the character, or of the scalar that holds it when it was written as an escape ("\x07"). */
  offset: number;
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const ANY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
/** ANY without the g flag: `test` with it keeps no state between calls. */
const HAS_ANY = new RegExp(ANY.source);

const BIDI_NAMES: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

function kindOf(character: string): InvisibleKind | undefined {
  if (CONTROL.test(character)) return 'control';
  if (BIDI.test(character)) return 'bidi';
  return undefined;
}

/** "U+202E RIGHT-TO-LEFT OVERRIDE", "U+0007 (a control character)". */
export function describeCharacter(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return BIDI_NAMES[codePoint] ? `${hex} ${BIDI_NAMES[codePoint]}` : `${hex} (a control character)`;
}

/**
 * Every such character written literally in the file (anywhere, comments included, since a comment can
 * disguise a line in review too), at its exact place, in file order. At most one per line is reported, so
 * that pasted garbage gives one finding per line. Those produced by escapes are found per scalar below.
 */
export function findWrittenInvisibleCharacters(text: string): InvisibleCharacter[] {
  const found: InvisibleCharacter[] = [];
  const linesSeen = new Set<number>();
  let line = 0;
  let lastNewline = -1;
  for (const match of text.matchAll(ANY)) {
    const offset = match.index ?? 0;
    // Count the line breaks since the last match; linear over the whole text.
    for (let i = text.indexOf('\n', lastNewline + 1); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lastNewline = i;
    }
    if (linesSeen.has(line)) continue;
    linesSeen.add(line);
    found.push({ kind: kindOf(match[0])!, codePoint: match[0].codePointAt(0)!, offset });
  }
  return found;
}

/** The first such character that an escape in double-quoted text ("\x07") produces, placed at the scalar. */
export function escapedInvisibleCharacter(scalar: Scalar, text: string): InvisibleCharacter | undefined {
  if (scalar.type !== 'QUOTE_DOUBLE' || typeof scalar.value !== 'string' || !scalar.range) return undefined;
  // Most text holds none; testing first spares the copy of the written text below.
  if (!HAS_ANY.test(scalar.value)) return undefined;
  const written = text.slice(scalar.range[0], scalar.range[1]);
  const escaped = [...scalar.value.matchAll(ANY)].find((m) => !written.includes(m[0]));
  return escaped ? { kind: kindOf(escaped[0])!, codePoint: escaped[0].codePointAt(0)!, offset: scalar.range[0] } : undefined;
}
