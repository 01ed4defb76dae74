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
  missingDocuments: { title: string; note?: string }[];
  reviewNotes: string[];
  provenance: string[];
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

export interface SdgDocumentView {
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
