import type { AnswerOption, Catalogue, EvidenceWindows, Metric, MetricGroup, NamedValue, PointRule, QuestionType, Sdg } from './types';

/**
 * The shape of criteria/the-<edition>.yaml as written on disk (snake_case keys, as schemas/criteria.schema.json
 * describes it), and its mapping to the Catalogue type the rest of the code uses. The file nests metrics inside
 * groups inside SDGs, so a metric's SDG and group are implied by where it sits rather than repeated.
 */

export interface CatalogueFile {
  edition: string;
  title: string;
  data_year: number;
  policy_window: { from: number; to: number; confirmed: boolean; basis?: string };
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
    components: { label: string; points: number }[];
    confirmed: boolean;
    sources: string[];
  }[];
  /** Source key -> citation, in the order they should be listed. */
  sources: Record<string, string>;
  sdgs: SdgEntry[];
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
  confirmed: boolean;
  sources: string[];
  note?: string;
}

/** Maps a file that already passed the schema and the consistency checks; it does not validate again. */
export function catalogueFromFile(file: CatalogueFile): Catalogue {
  const window = file.policy_window;
  const policyWindow: EvidenceWindows['policyWindow'] = { from: window.from, to: window.to, confirmed: window.confirmed };
  return {
    edition: file.edition,
    title: file.title,
    windows: {
      dataYear: file.data_year,
      policyWindow: withOptional(policyWindow, 'basis', window.basis),
    },
    overall: {
      mandatorySdg: file.overall.mandatory_sdg,
      mandatorySdgWeight: file.overall.mandatory_sdg_weight,
      bestOtherCount: file.overall.best_other_count,
      bestOtherWeight: file.overall.best_other_weight,
      confirmed: file.overall.confirmed,
      sources: [...file.overall.sources],
    },
    pointRules: file.point_rules.map(
      (r): PointRule => ({
        questionType: r.question_type,
        maxPoints: r.max_points,
        components: r.components.map((c) => ({ label: c.label, points: c.points })),
        confirmed: r.confirmed,
        sources: [...r.sources],
      }),
    ),
    sources: Object.entries(file.sources).map(([key, citation]) => ({ key, citation })),
    sdgs: file.sdgs.map(sdgFromEntry),
  };
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
