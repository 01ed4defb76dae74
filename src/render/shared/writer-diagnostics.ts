import type { Diagnostic } from '../../diagnostics/diagnostic';
import { diagnostic } from '../../diagnostics/make';

/**
 * The problems a document writer can find in the IR it is given, worded once for every format.
 * Shared by the PDF, DOCX and HTML writers. `format` names the output ("HTML", "DOCX") so a
 * reader of the gap report knows which file shows the repair.
 *
 * The IR carries no source positions, so these diagnostics name no file; the template that produced the markup
 * is the place to fix.
 */

const NO_FILE = { file: '' };

/** Long URLs are cut in messages; the full value is in the template output. */
function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function rejectedLink(format: string, href: string, reason: string): Diagnostic {
  return diagnostic('LINK_SCHEME_REJECTED', `${format}: the link to "${shorten(href)}" was written as plain text because ${reason}.`, NO_FILE);
}

export function missingAnchor(format: string, id: string): Diagnostic {
  return diagnostic('LINK_TARGET_MISSING', `${format}: the internal link to "#${shorten(id)}" was written as plain text because no heading has that id.`, NO_FILE);
}

export function duplicateAnchor(format: string, id: string): Diagnostic {
  return diagnostic('ANCHOR_DUPLICATE', `${format}: several headings have the id "${shorten(id)}"; only the first one keeps it.`, NO_FILE);
}

export function tableShape(format: string, problem: string): Diagnostic {
  return diagnostic('TABLE_SHAPE', `${format}: ${problem}.`, NO_FILE);
}

export function invalidAccent(format: string, accent: string, fallback: string): Diagnostic {
  return diagnostic('ACCENT_INVALID', `${format}: the accent colour "${shorten(accent)}" is not #rrggbb; ${fallback} was used instead.`, NO_FILE);
}
