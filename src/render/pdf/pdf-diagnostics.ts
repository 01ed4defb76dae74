/**
 * The problems the PDF backend reports, worded like the HTML and DOCX writers' (their shared
 * builders in ../shared/writer-diagnostics.ts), with codes, severities and hints from the catalogue.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { diagnostic } from '../../diagnostics/make';
import { FALLBACK_ACCENT } from '../shared/colour';
import { duplicateAnchor, invalidAccent, missingAnchor, rejectedLink } from '../shared/writer-diagnostics';

/** Names the output in messages, so a reader of the gap report knows which file shows the repair. */
export const PDF_FORMAT = 'PDF';

export function linkRejected(href: string, reason: string): Diagnostic {
  return rejectedLink(PDF_FORMAT, href, reason);
}

export function linkTargetMissing(anchorId: string): Diagnostic {
  return missingAnchor(PDF_FORMAT, anchorId);
}

export function anchorDuplicated(anchorId: string): Diagnostic {
  return duplicateAnchor(PDF_FORMAT, anchorId);
}

export function accentInvalid(accent: string): Diagnostic {
  return invalidAccent(PDF_FORMAT, accent, FALLBACK_ACCENT);
}

export function glyphMissing(codePoint: number, occurrences: number, fontNames: string): Diagnostic {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const times = occurrences === 1 ? '1 occurrence' : `${occurrences} occurrences`;
  return diagnostic(
    'GLYPH_MISSING',
    `${PDF_FORMAT}: the character "${String.fromCodePoint(codePoint)}" (${hex}) has no glyph in ${fontNames}; ` +
      `it is drawn as "\uFFFD" (${times}).`,
    { file: '' },
  );
}
