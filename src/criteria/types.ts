/**
 * The criteria catalogue: THE's metric tree for one edition, as loaded from criteria/the-<edition>.yaml.
 * Nothing about a metric is hard-coded in src/; everything comes from these files.
 */

/** How THE scores a metric. */
export type MetricKind = 'bibliometric' | 'numeric' | 'evidence' | 'policy';

/**
 * How an evidence or policy question earns points (from THE's point rules):
 * - activity: existence 1, evidence provided up to 1, evidence public 1 (max 3); activity in the data year
 * - policy: the above plus 1 when created or reviewed inside the policy window (max 4)
 * - measurement: existence graded whole university 1 / partial 0.5, evidence, public (max 3)
 * - options: existence graded by the chosen answer option, evidence, public (max 3)
 * - date: graded by a target date band (13.4.2)
 */
export type QuestionType = 'activity' | 'policy' | 'measurement' | 'options' | 'date';

export interface SourceRef {
  key: string;
  /** Citation: a URL or a description of the document. */
  citation: string;
}

export interface NamedValue {
  /** Key used in an evidence item's `values` map, snake_case, e.g. `students_fte`. */
  name: string;
  title: string;
  unit: string;
  /** Whether the item must give it (numerator and denominator usually are). */
  required: boolean;
  /** How THE counts people for this value, where it says: full-time equivalent or headcount. */
  basis?: CountBasis;
}

/** How a count of people is made: THE asks for FTE in most student and staff figures. */
export type CountBasis = 'fte' | 'headcount';

/**
 * How sure we are of a fact about an edition, with the marks of the research notes:
 * C THE's own text; R a university's copy of THE material; 3P a third party's reading; ? not found.
 * `heuristic` marks a rule that is impact-pack's own, never THE's.
 */
export type Confidence = 'C' | 'R' | '3P' | '?' | 'heuristic';

export interface AnswerOption {
  /** Key used in an evidence item's `answer` field. */
  id: string;
  title: string;
  /** Existence points this answer earns, where known. */
  points?: number;
}

export interface Metric {
  /** e.g. "6.10" or "17.2.1"; always a string. */
  id: string;
  sdg: number;
  groupId: string;
  title: string;
  kind: MetricKind;
  /** Percent of the SDG score; null when not known. */
  weight: number | null;
  weightConfirmed: boolean;
  /** How the weight was derived when not confirmed. */
  weightBasis?: string;
  /** What THE asks, condensed. */
  definition?: string;
  questionType?: QuestionType;
  maxPoints?: number;
  /** Numeric metrics: the values an item must give. */
  values?: NamedValue[];
  /** Options/measurement questions: the possible answers. */
  options?: AnswerOption[];
  confirmed: boolean;
  sources: string[];
  note?: string;
  /** Several options may be chosen at once (e.g. 16.2.1); each chosen option is scored on its own. */
  multiSelect?: boolean;
  /** THE asks the question but does not score it in this edition (e.g. 17.4.4 in 2027). */
  notScored?: boolean;
  /** How sure the catalogue is that THE asks this question in this form, where the file says. */
  confidence?: Confidence;
}

export interface MetricGroup {
  id: string;
  sdg: number;
  title: string;
  weight: number | null;
  weightConfirmed: boolean;
  weightBasis?: string;
  sources: string[];
  /** Caveat that concerns the whole group, e.g. that THE changed its questions in a later edition. */
  note?: string;
  /** The same question asked once per SDG (17.3.1-17.3.17): coverage counts the group as one, not one metric per SDG. */
  perSdg?: boolean;
  metrics: Metric[];
}

export interface Sdg {
  number: number;
  title: string;
  /** Official UN colour, #rrggbb. */
  colour: string;
  groups: MetricGroup[];
}

/**
 * What a point of a question's rule is given for. `statement`: the university says it does it (or the answer
 * chosen); `evidence`: evidence provided, graded by relevance; `public`: evidence publicly available on the web;
 * `policy_date`: a policy created or reviewed inside the window; `date_band`: a target date band.
 */
export type PointComponentId = 'statement' | 'evidence' | 'public' | 'policy_date' | 'date_band';

/** How evidence relevance is graded: THE's 2027 reading gives specific 1, general 0.5, not relevant 0. */
export type RelevanceGrade = 'specific' | 'general';

export interface PointComponent {
  /** Absent in older catalogue files: read from the label's position (statement, evidence, public, policy_date). */
  id?: PointComponentId;
  label: string;
  points: number;
  /** Evidence component: the share of its points each relevance grade earns. */
  grades?: Partial<Record<RelevanceGrade, number>>;
  /** A bonus on top of the other components (still capped by the rule's `cap`). */
  bonus?: boolean;
}

export interface PointRule {
  questionType: QuestionType;
  maxPoints: number;
  components: PointComponent[];
  /** The total of the components is capped at this (the indicator's maximum), where the edition says so. */
  cap?: number;
  confirmed: boolean;
  confidence?: Confidence;
  sources: string[];
}

/** How an edition presents its results: ranks, bands, or both; and whether a "Reporter" status exists. */
export interface ResultsPresentation {
  presentation: 'rank' | 'band' | 'rank_and_band' | 'unknown';
  /** Bands as published, e.g. "601-800". */
  bands?: string[];
  /** An institution that submitted but did not meet the criteria to be rated is shown as a reporter. */
  reporterStatus: boolean;
  confidence: Confidence;
  sources: string[];
  /** What is not known, e.g. whether one institution's result is a band, a place or both. */
  note?: string;
}

/** How THE reads the evidence of one indicator in this edition. */
export interface EvidenceRules {
  /** How many pieces of evidence an indicator takes; null when several are read and the number is not known. */
  perIndicator: number | null;
  /** Whether an uploaded file (not a public web page) can earn the public point. */
  attachmentCountsAsPublic: boolean;
  /** Reviewers follow no further links: a page that is only a list of links earns nothing. */
  selfContained: boolean;
  /** The weakest confidence among the three facts above. */
  confidence: Confidence;
  /** Where the three facts are not equally sure: the confidence of each (newer files). */
  factConfidence?: Partial<Record<'perIndicator' | 'attachmentCountsAsPublic' | 'selfContained', Confidence>>;
  sources: string[];
  note?: string;
}

/** A rule of impact-pack's own (not THE's), named so that every output that uses it can say so. */
export interface Heuristic {
  id: string;
  description: string;
  /** Always 'heuristic': stated so that data and output never present it as THE's rule. */
  confidence?: 'heuristic';
}

export interface OverallRules {
  /** SDG that every overall-table submission must include (17). */
  mandatorySdg: number;
  mandatorySdgWeight: number;
  bestOtherCount: number;
  bestOtherWeight: number;
  confirmed: boolean;
  sources: string[];
}

export interface EvidenceWindows {
  /** Year of activity the edition looks at (edition N uses data year N-2). */
  dataYear: number;
  /** Policies earn the date point when created or reviewed inside [from, to] (years, inclusive). */
  policyWindow: { from: number; to: number; confirmed: boolean; basis?: string };
  /** How sure the catalogue is of the data year and the window, and where they come from (newer files). */
  confidence?: Confidence;
  sources?: string[];
}

/** A fact about an edition with where it comes from and how sure it is. */
export interface SourcedFact {
  confidence: Confidence;
  sources: string[];
}

export interface Catalogue {
  /** e.g. "2022". */
  edition: string;
  title: string;
  /** The product's name in this edition, e.g. "THE Impact Rankings" or "THE Sustainability Impact Ratings". */
  product?: string;
  /** Source and confidence of `product`. */
  productFact?: SourcedFact;
  results?: ResultsPresentation;
  evidence?: EvidenceRules;
  heuristics?: Heuristic[];
  windows: EvidenceWindows;
  overall: OverallRules;
  pointRules: PointRule[];
  sources: SourceRef[];
  sdgs: Sdg[];
}
