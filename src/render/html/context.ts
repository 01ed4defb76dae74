import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { Heading } from '../ir/types';

/** What the block and inline writers share while one document is written. */
export interface HtmlContext {
  /** The id every heading is written with (its own, or a generated one so the table of contents can reach it). */
  headingIds: Map<Heading, string>;
  /** Ids an internal link may point at: the headings' own ids, not the generated ones. */
  linkTargets: Set<string>;
  diagnostics: Diagnostic[];
  /** Tables written so far, to give each scrollable table region its own label. */
  tableCount: number;
}

/** The output name used in diagnostics. */
export const HTML_FORMAT = 'HTML';
