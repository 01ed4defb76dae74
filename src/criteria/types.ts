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
}

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
  metrics: Metric[];
}

export interface Sdg {
  number: number;
  title: string;
  /** Official UN colour, #rrggbb. */
  colour: string;
  groups: MetricGroup[];
}

export interface PointRule {
  questionType: QuestionType;
  maxPoints: number;
  components: { label: string; points: number }[];
  confirmed: boolean;
  sources: string[];
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
}

export interface Catalogue {
  /** e.g. "2022". */
  edition: string;
  title: string;
  windows: EvidenceWindows;
  overall: OverallRules;
  pointRules: PointRule[];
  sources: SourceRef[];
  sdgs: Sdg[];
}
