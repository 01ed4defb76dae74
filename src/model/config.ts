/**
 * The pack config, `impact-pack.yaml` at the root of a pack.
 * See docs/pack-config.md for every field with an example.
 */

export interface SourceDocument {
  title: string;
  year?: number;
  url?: string;
  language?: string;
  /** Whether the pack ships the document; the example pack cites a report it does not ship. */
  note?: string;
}

export interface InstitutionFact {
  value: number;
  unit: string;
  year?: number;
  as_printed?: string;
  source?: string;
  note?: string;
}

export interface PackConfig {
  institution: { name: string; country?: string; website?: string; logo?: string };
  /** THE Impact Rankings edition, e.g. "2022". */
  edition: string;
  /** Calendar or academic year the evidence describes; defaults to edition - 2. */
  data_year?: number;
  /** SDGs the institution intends to submit. */
  submit: number[];
  languages?: { evidence?: string; sources?: string[] };
  folders?: { items?: string; files?: string; templates?: string };
  /** Date printed on documents and used as "today" for checks; SOURCE_DATE_EPOCH overrides when unset. */
  build_date?: string;
  /** Institution-wide facts (FTE students, staff headcount, floor area), declared once and reused. */
  facts?: Record<string, InstitutionFact>;
  /** Source documents cited by items' provenance. */
  sources?: Record<string, SourceDocument>;
}

/** The config after defaults are applied. */
export interface ResolvedConfig extends PackConfig {
  data_year: number;
  folders: { items: string; files: string; templates: string };
  languages: { evidence: string; sources: string[] };
}
