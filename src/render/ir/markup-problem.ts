/**
 * A problem found in rendered template markup, located by character offsets into that markup.
 * The parser collects these while it works and turns them into Diagnostics at the end, in one place,
 * so that every step can stay ignorant of line counting and of which template produced which text.
 */
import type { Severity } from '../../diagnostics/diagnostic';

export type MarkupProblemCode = 'TEMPLATE_MARKUP' | 'LINK_SCHEME_REJECTED' | 'LINK_TARGET_MISSING';

export interface MarkupProblem {
  code: MarkupProblemCode;
  severity: Severity;
  message: string;
  hint?: string;
  /** Offset of the first character concerned, in UTF-16 code units. */
  start: number;
  /** Offset just past the last character concerned. */
  end: number;
}

/** A break of the closed vocabulary's structure: the document cannot be trusted, so no IR is produced. */
export function markupError(message: string, start: number, end: number, hint?: string): MarkupProblem {
  return { code: 'TEMPLATE_MARKUP', severity: 'error', message, start, end, ...(hint === undefined ? {} : { hint }) };
}
