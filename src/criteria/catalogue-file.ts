import type {
  AnswerOption,
  Catalogue,
  Confidence,
  EvidenceRules,
  EvidenceWindows,
  Metric,
  MetricGroup,
  NamedValue,
  PointComponent,
  PointComponentId,
  PointRule,
  QuestionType,
  RelevanceGrade,
  ResultsPresentation,
  Sdg,
} from './types';

/**
 * The shape of criteria/the-<edition>.yaml as written on disk (snake_case keys, as schemas/criteria.schema.json
 * describes it), and its mapping to the Catalogue type the rest of the code uses. The file nests metrics inside
 * groups inside SDGs, so a metric's SDG and group are implied by where it sits rather than repeated.
 */

export interface CatalogueFile {
  edition: string;
  title: string;
  product?: { name: string; confidence: Confidence; sources: string[] };
  results?: {
    presentation: ResultsPresentation['presentation'];
    bands?: string[];
    reporter_status: boolean;
    confidence: Confidence;
    sources: string[];
    note?: string;
  };
  evidence?: {
    per_indicator: number | null;
    attachment_counts_as_public: boolean;
    self_contained: boolean;
    confidence: Confidence;
    fact_confidence?: { per_indicator?: Confidence; attachment_counts_as_public?: Confidence; self_contained?: Confidence };
    sources: string[];
    note?: string;
  };
  heuristics?: { id: string; description: string; confidence: 'heuristic' }[];
  data_year: number;
  policy_window: { from: number; to: number; confirmed: boolean; basis?: string; confidence?: Confidence; sources?: string[] };
  overall: {
    mandatory_sdg: number;
    mandatory_sdg_weight: number;
    best_other_count: number;
    best_other_weight: number;
    confirmed: boolean;
    sources: string[];
  };
  point_rules: {
    question_type: QuestionType;
    max_points: number;
    components: ComponentEntry[];
    cap?: number;
    confirmed: boolean;
    confidence?: Confidence;
    sources: string[];
  }[];
  /** Source key -> citation, in the order they should be listed. */
  sources: Record<string, string>;
  sdgs: SdgEntry[];
}

export interface ComponentEntry {
  id?: PointComponentId;
  label: string;
  points: number;
  grades?: Partial<Record<RelevanceGrade, number>>;
  bonus?: boolean;
}

/**
 * What a component without an `id` is for, by its position: the order every point rule of the older
 * catalogues follows (THE's own order: the statement, the evidence, its public availability, the policy date).
 * A date question's single component is its date band.
 */
const COMPONENT_BY_POSITION: readonly PointComponentId[] = ['statement', 'evidence', 'public', 'policy_date'];

export function componentId(questionType: QuestionType, entry: ComponentEntry, index: number): PointComponentId | undefined {
  if (entry.id !== undefined) return entry.id;
  if (questionType === 'date') return index === 0 ? 'date_band' : undefined;
  return COMPONENT_BY_POSITION[index];
}

export interface SdgEntry {
  number: number;
  title: string;
  colour: string;
  groups: GroupEntry[];
}

export interface GroupEntry {
  id: string;
  title: string;
  weight: number | null;
  weight_confirmed: boolean;
  weight_basis?: string;
  sources: string[];
  note?: string;
  per_sdg?: boolean;
  metrics: MetricEntry[];
}

export interface MetricEntry {
  id: string;
  title: string;
  kind: Metric['kind'];
  weight: number | null;
  weight_confirmed: boolean;
  weight_basis?: string;
  definition?: string;
  question_type?: QuestionType;
  max_points?: number;
  values?: NamedValue[];
  options?: AnswerOption[];
  multi_select?: boolean;
  not_scored?: boolean;
  confirmed: boolean;
  confidence?: Confidence;
  sources: string[];
  note?: string;
}

/** Maps a file that already passed the schema and the consistency checks; it does not validate again. */
export function catalogueFromFile(file: CatalogueFile): Catalogue {
  const window = file.policy_window;
  const policyWindow: EvidenceWindows['policyWindow'] = { from: window.from, to: window.to, confirmed: window.confirmed };
  let windows: EvidenceWindows = { dataYear: file.data_year, policyWindow: withOptional(policyWindow, 'basis', window.basis) };
  windows = withOptional(windows, 'confidence', window.confidence);
  windows = withOptional(windows, 'sources', window.sources && [...window.sources]);
  let catalogue: Catalogue = {
    edition: file.edition,
    title: file.title,
    windows,
    overall: {
      mandatorySdg: file.overall.mandatory_sdg,
      mandatorySdgWeight: file.overall.mandatory_sdg_weight,
      bestOtherCount: file.overall.best_other_count,
      bestOtherWeight: file.overall.best_other_weight,
      confirmed: file.overall.confirmed,
      sources: [...file.overall.sources],
    },
    pointRules: file.point_rules.map(pointRuleFromEntry),
    sources: Object.entries(file.sources).map(([key, citation]) => ({ key, citation })),
    sdgs: file.sdgs.map(sdgFromEntry),
  };
  if (file.product) {
    catalogue.product = file.product.name;
    catalogue.productFact = { confidence: file.product.confidence, sources: [...file.product.sources] };
  }
  catalogue = withOptional(catalogue, 'results', file.results && resultsFromEntry(file.results));
  catalogue = withOptional(catalogue, 'evidence', file.evidence && evidenceRulesFromEntry(file.evidence));
  catalogue = withOptional(
    catalogue,
    'heuristics',
    file.heuristics?.map((h) => ({ id: h.id, description: h.description, confidence: 'heuristic' as const })),
  );
  return catalogue;
}

function pointRuleFromEntry(entry: CatalogueFile['point_rules'][number]): PointRule {
  let rule: PointRule = {
    questionType: entry.question_type,
    maxPoints: entry.max_points,
    components: entry.components.map((c, i) => {
      let component: PointComponent = { label: c.label, points: c.points };
      component = withOptional(component, 'id', componentId(entry.question_type, c, i));
      component = withOptional(component, 'grades', c.grades && { ...c.grades });
      component = withOptional(component, 'bonus', c.bonus);
      return component;
    }),
    confirmed: entry.confirmed,
    sources: [...entry.sources],
  };
  rule = withOptional(rule, 'cap', entry.cap);
  rule = withOptional(rule, 'confidence', entry.confidence);
  return rule;
}

function resultsFromEntry(entry: NonNullable<CatalogueFile['results']>): ResultsPresentation {
  let results: ResultsPresentation = {
    presentation: entry.presentation,
    reporterStatus: entry.reporter_status,
    confidence: entry.confidence,
    sources: [...entry.sources],
  };
  results = withOptional(results, 'bands', entry.bands && [...entry.bands]);
  results = withOptional(results, 'note', entry.note);
  return results;
}

function evidenceRulesFromEntry(entry: NonNullable<CatalogueFile['evidence']>): EvidenceRules {
  const rules: EvidenceRules = {
    perIndicator: entry.per_indicator,
    attachmentCountsAsPublic: entry.attachment_counts_as_public,
    selfContained: entry.self_contained,
    confidence: entry.confidence,
    sources: [...entry.sources],
  };
  const facts = entry.fact_confidence;
  if (facts) {
    const byFact: NonNullable<EvidenceRules['factConfidence']> = {};
    if (facts.per_indicator) byFact.perIndicator = facts.per_indicator;
    if (facts.attachment_counts_as_public) byFact.attachmentCountsAsPublic = facts.attachment_counts_as_public;
    if (facts.self_contained) byFact.selfContained = facts.self_contained;
    rules.factConfidence = byFact;
  }
  return withOptional(rules, 'note', entry.note);
}

function sdgFromEntry(entry: SdgEntry): Sdg {
  return {
    number: entry.number,
    title: entry.title,
    colour: entry.colour.toUpperCase(),
    groups: entry.groups.map((g) => groupFromEntry(g, entry.number)),
  };
}

function groupFromEntry(entry: GroupEntry, sdg: number): MetricGroup {
  let group: MetricGroup = {
    id: entry.id,
    sdg,
    title: entry.title,
    weight: entry.weight,
    weightConfirmed: entry.weight_confirmed,
    sources: [...entry.sources],
    metrics: [],
  };
  group = withOptional(group, 'weightBasis', entry.weight_basis);
  group = withOptional(group, 'note', entry.note);
  if (entry.per_sdg === true) group.perSdg = true;
  group.metrics = entry.metrics.map((m) => metricFromEntry(m, sdg, entry.id));
  return group;
}

function metricFromEntry(entry: MetricEntry, sdg: number, groupId: string): Metric {
  let metric: Metric = {
    id: entry.id,
    sdg,
    groupId,
    title: entry.title,
    kind: entry.kind,
    weight: entry.weight,
    weightConfirmed: entry.weight_confirmed,
    confirmed: entry.confirmed,
    sources: [...entry.sources],
  };
  metric = withOptional(metric, 'weightBasis', entry.weight_basis);
  metric = withOptional(metric, 'definition', entry.definition);
  metric = withOptional(metric, 'questionType', entry.question_type);
  metric = withOptional(metric, 'maxPoints', entry.max_points);
  metric = withOptional(metric, 'values', entry.values?.map((v) => ({ ...v })));
  metric = withOptional(metric, 'options', entry.options?.map((o) => ({ ...o })));
  metric = withOptional(metric, 'multiSelect', entry.multi_select);
  metric = withOptional(metric, 'notScored', entry.not_scored);
  metric = withOptional(metric, 'confidence', entry.confidence);
  metric = withOptional(metric, 'note', entry.note);
  return metric;
}

/**
 * Sets an optional field only when it has a value, so that JSON output and deep-equality checks
 * never see `key: undefined`.
 */
function withOptional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): T {
  if (value !== undefined) target[key] = value;
  return target;
}
