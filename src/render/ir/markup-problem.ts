/**
 * A problem found in rendered template markup, located by character offsets into that markup.
 * The parser collects these while it works and turns them into Diagnostics at the end, in one place,
 * so that every step can stay ignorant of line counting and of which template produced which text.
 */
import { CODES } from '../../diagnostics/codes';
import type { Severity } from '../../diagnostics/diagnostic';

/**
 * TEMPLATE_MARKUP is an error: the markup breaks the vocabulary. The others are warnings shared with
 * the writers (which check any IR they are given the same way): the parser repairs the IR as they would,
 * and reports the problem with its place in the template output, which the writers cannot know.
 */
export type MarkupProblemCode = 'TEMPLATE_MARKUP' | 'LINK_SCHEME_REJECTED' | 'LINK_TARGET_MISSING' | 'ANCHOR_DUPLICATE' | 'TABLE_SHAPE';

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
  return { code: 'TEMPLATE_MARKUP', severity: CODES.TEMPLATE_MARKUP.severity, message, start, end, ...(hint === undefined ? {} : { hint }) };
}

/** A problem the parser repairs in the IR (dropped link, dropped duplicate id, padded table row). */
export function markupWarning(
  code: Exclude<MarkupProblemCode, 'TEMPLATE_MARKUP'>,
  message: string,
  start: number,
  end: number,
  hint?: string,
): MarkupProblem {
  return { code, severity: CODES[code].severity, message, start, end, ...(hint === undefined ? {} : { hint }) };
}
