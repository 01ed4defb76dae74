/**
 * An evidence item as a coordinator writes it in YAML (one item per file).
 * Field names are the YAML keys; see docs/evidence-format.md for every field with an example.
 */

export type ItemKind = 'policy' | 'practice' | 'measurement' | 'numeric';

export type ItemStatus = 'draft' | 'in_review' | 'approved' | 'not_applicable' | 'not_pursuing';

/** What stage the thing the item describes has reached: THE credits what exists or happened, not intentions. */
export type Progress = 'achieved' | 'in_progress' | 'planned' | 'postponed';

/** Who did it: THE asks what the university does "as a body". */
export type CarriedOutBy = 'university' | 'parent_institution' | 'student_association' | 'alumni_association' | 'partner';

/** A date as written: a year, a year-month or a full date, or 'unknown' when the source gives none. */
export type LooseDate = string;

export interface PublicUrl {
  url: string;
  label?: string;
}

export interface NumericValue {
  value: number;
  unit: string;
  /** The figure exactly as printed in the source, e.g. "12 390 m3". */
  as_printed?: string;
  source?: string;
  year?: number;
  /** How people were counted: full-time equivalent or headcount (THE asks FTE for most student and staff figures). */
  basis?: 'fte' | 'headcount';
  /** The population the figure covers, e.g. "whole university" or "main campus". */
  scope?: string;
}

export interface Provenance {
  /** Key of a document declared under `sources` in the pack config. */
  source: string;
  /** Line range in the source text, e.g. "1302-1320". */
  lines?: string;
  page?: number;
  note?: string;
}

export interface MissingDocument {
  title: string;
  note?: string;
}

export interface SignOff {
  reviewer: string;
  date: string;
  /** Content hash of the item when it was approved, so that later edits show as "changed since approved". */
  content_hash?: string;
}

export interface ReviewNote {
  note: string;
  author?: string;
  date?: string;
  /** A reviewer's flag that was cleared without an approval (the review desk): when, and by whom. */
  resolved?: string;
  resolved_by?: string;
}

export interface EvidenceItem {
  id: string;
  sdg: number;
  metric: string;
  kind: ItemKind;
  title: string;
  narrative: string;
  original?: { language: string; title?: string; text?: string };
  period?: { start: string; end: string };
  policy?: { created: LooseDate; last_reviewed: LooseDate; next_review?: LooseDate };
  /** The chosen option; a list for the questions that take several (multi-select, e.g. 16.2.1). */
  answer?: string | string[];
  /** How closely the evidence answers THE's question: specific earns the full evidence point, general half. */
  relevance?: 'specific' | 'general';
  /** The one piece of evidence the indicator is judged on, where the edition reads only one. */
  primary?: boolean;
  /** Ids of other items of the pack this one refers to; the validator resolves them. */
  related_items?: string[];
  progress?: Progress;
  carried_out_by?: CarriedOutBy;
  confidential?: boolean;
  partners?: string[];
  public_urls?: (string | PublicUrl)[];
  supporting_files?: string[];
  missing_documents?: MissingDocument[];
  values?: Record<string, NumericValue>;
  owner?: string;
  status: ItemStatus;
  status_reason?: string;
  sign_off?: SignOff;
  review_notes?: (string | ReviewNote)[];
  provenance?: Provenance[];
  tags?: string[];
}
