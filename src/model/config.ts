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
  folders?: { items?: string; files?: string; templates?: string; snapshots?: string };
  /** Date printed on documents and used as "today" for checks; SOURCE_DATE_EPOCH overrides when unset. */
  build_date?: string;
  /** Institution-wide facts (FTE students, staff headcount, floor area), declared once and reused. */
  facts?: Record<string, InstitutionFact>;
  /** Source documents cited by items' provenance. */
  sources?: Record<string, SourceDocument>;
  /** Where supporting files live and what they may be; see docs/supporting-files.md. */
  supporting_files?: SupportingFilesConfig;
  /** How `impact-pack links` checks public URLs; see docs/links.md. */
  links?: LinksConfig;
  /** The portal answers `build` writes; see docs/submission.md. */
  portal?: PortalConfig;
}

export interface PortalConfig {
  /** Longest evidence description, in characters (default 2000, impact-pack's choice: THE publishes none we found). */
  description_max_chars?: number;
}

export interface SupportingFilesConfig {
  /** Folders searched for files no item cites (default: [folders.files]). */
  roots?: string[];
  /** File extensions a supporting file may have, without the dot. */
  allowed_types?: string[];
  max_size_mb?: number;
  /** Whether an empty supporting file is acceptable (default false). */
  allow_empty?: boolean;
  /** Glob patterns, relative to each root, of files that are never orphans (default: README.md files). */
  ignore?: string[];
  /** A file cited by this many metrics or more is pointed out to reviewers (default 3). */
  cited_by_many?: number;
}

export interface LinksConfig {
  timeout_seconds?: number;
  /** URLs checked at the same time, in total and per host. */
  concurrency?: number;
  per_host?: number;
  /** Retries after a 429 or 5xx answer or a reset connection. */
  retries?: number;
  max_redirects?: number;
  /** Hosts whose private-network addresses may be fetched (an intranet that really is the evidence); see docs/links.md. */
  allow_hosts?: string[];
}

/** The config after defaults are applied. */
export interface ResolvedConfig extends PackConfig {
  data_year: number;
  folders: { items: string; files: string; templates: string; snapshots?: string };
  languages: { evidence: string; sources: string[] };
}
