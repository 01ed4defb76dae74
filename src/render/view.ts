/**
 * The data a submission-document template receives: plain JSON-like objects only
 * (Handlebars blocks prototype access, so no class instances), already formatted for display.
 */

export interface FactView {
  label: string;
  value: string;
}

export interface ValueView {
  name: string;
  value: string;
  unit: string;
  asPrinted?: string;
  source?: string;
}

export interface UrlView {
  url: string;
  /** The item's own words for the page; absent when it gave none, or only the address again (never "url: url"). */
  label?: string;
}

export interface FileView {
  path: string;
  /** Human-readable size, e.g. "12.4 KB"; absent when the file is missing. */
  size?: string;
  sha256?: string;
  missing: boolean;
  /** Item ids citing it (appendix only). */
  citedBy?: string[];
}

export interface ItemView {
  id: string;
  anchor: string;
  title: string;
  paragraphs: string[];
  originalTitle?: string;
  originalLanguage?: string;
  facts: FactView[];
  values: ValueView[];
  urls: UrlView[];
  files: FileView[];
  /** Review edition only (empty in the submission): documents named in the source but not provided. */
  missingDocuments: { title: string; note?: string }[];
  /** Review edition only (empty in the submission). */
  reviewNotes: string[];
  /** Where the facts come from. The submission names the source and page; the review edition adds line ranges and notes. */
  provenance: string[];
  /** What only the office reads (owner, status, sign-off, why an item is left out of the submission); null in the submission. */
  internal: InternalItemView | null;
}

/** The office's side of an item, shown only in the review edition. */
export interface InternalItemView {
  owner?: string;
  /** "draft", "in review", "approved", "not applicable", "not pursuing". */
  status: string;
  statusReason?: string;
  /** "J. Martin on 2021-10-04". */
  signOff?: string;
  confidential: boolean;
  /** Whether the submission shows this item; when not, `leftOutBecause` says why. */
  inSubmission: boolean;
  leftOutBecause?: string;
}

/** The gap analysis of one metric, shown inline in the review edition; null in the submission. */
export interface MetricGapView {
  /** complete, partial, missing, not applicable, not pursuing. */
  status: string;
  /** "Partial: 2 of 3 points" style summary is left to the gap report; here what is weak and the step that fixes it. */
  shortfalls: string[];
  reason?: string;
}

export interface MetricView {
  id: string;
  anchor: string;
  title: string;
  /** "Evidence question", "Policy question", "Numeric data", "Bibliometric (Elsevier)". */
  kindLabel: string;
  bibliometric: boolean;
  /** "4.6% of the SDG score", or "weight not published (derived: 23/5)". */
  weightLabel: string;
  definition?: string;
  items: ItemView[];
  hasItems: boolean;
  /** Review edition only; null in the submission. */
  gap: MetricGapView | null;
}

export interface GroupView {
  id: string;
  title: string;
  weightLabel: string;
  metrics: MetricView[];
}

/** An image a template may show with <figure src="{{src}}" alt="{{alt}}"/>. */
export interface ImageView {
  /** The name the build gave the image, e.g. "logo". */
  src: string;
  alt: string;
}

/**
 * Who a document is for. `submission`: what goes to THE, only what an assessor reads. `review`: the office's
 * copy, with owners, review states, notes, left-out items and the gaps inline, marked DRAFT on every page.
 */
export type Audience = 'submission' | 'review';

export interface SdgDocumentView {
  audience: Audience;
  /** audience === 'review', for templates: {{#if review}}. */
  review: boolean;
  /** Printed on every page (PDF footer, DOCX header, HTML banner), e.g. "DRAFT: review edition, not for submission"; empty for none. */
  marking: string;
  /** logo is present only when the pack config names one and it could be loaded. */
  institution: { name: string; country?: string; website?: string; logo?: ImageView };
  edition: string;
  dataYear: number;
  /** YYYY-MM-DD */
  buildDate: string;
  generator: string;
  sdg: { number: number; title: string; colour: string };
  summary: { items: number; metricsWithEvidence: number; evidenceMetrics: number };
  groups: GroupView[];
  files: FileView[];
}
