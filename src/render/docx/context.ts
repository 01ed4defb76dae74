import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { Heading } from '../ir/types';

/** What the block and inline converters share while one document is built. */
export interface DocxContext {
  /** The bookmark each heading with a usable id is wrapped in. */
  bookmarkOf: Map<Heading, string>;
  /** Heading id → bookmark name, for internal links; ids absent here have no heading to jump to. */
  bookmarkForId: Map<string, string>;
  diagnostics: Diagnostic[];
  /** Ordered lists so far: each one is its own numbering instance, so each starts again at 1. */
  orderedLists: number;
}

/** The output name used in diagnostics. */
export const DOCX_FORMAT = 'DOCX';
