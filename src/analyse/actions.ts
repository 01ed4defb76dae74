import type { FactMismatch } from './fact-consistency';
import type { FreshnessFinding } from './freshness';
import type { MetricGap } from './metric-gap';
import { compareMetricIds } from '../criteria/metric-order';
import type { ValueOutlier } from './value-outliers';

export type ActionKind = 'evidence' | 'freshness' | 'consistency';

/** One thing to do, with what it is worth. */
export interface Action {
  /** 1 for the most valuable action. */
  rank: number;
  kind: ActionKind;
  sdg: number;
  metric: string;
  metricTitle: string;
  submitted: boolean;
  itemId: string | null;
  file: string | null;
  /** Who should do it: the item's owner, or "unassigned". */
  owner: string;
  /** The concrete step, e.g. "add a public URL". */
  step: string;
  /** What is wrong now. */
  why: string;
  /**
   * Points of the SDG score (out of 100) the step would recover: the metric's weight times the share of the
   * question's points it restores. Null when not estimable (numeric and research metrics, unknown weights,
   * figures to confirm).
   */
  points: number | null;
}

export interface OwnerTodo {
  owner: string;
  /** Sum of the estimable points of the owner's actions. */
  points: number;
  /** Ranks of the owner's actions, most valuable first. */
  actions: number[];
}

export const UNASSIGNED = 'unassigned';

interface ActionInput {
  sdgs: { sdg: number; submitted: boolean; items: number; metrics: MetricGap[] }[];
  freshness: FreshnessFinding[];
  factMismatches: FactMismatch[];
  outliers: ValueOutlier[];
}

/**
 * Every gap turned into a step with its owner and its estimated value, and the same steps grouped by owner.
 * Covers the SDGs that are submitted or have evidence. Highest value first: the steps for submitted SDGs
 * (which count towards the score) by points, then those for SDGs with evidence that are not submitted;
 * steps whose value cannot be estimated come after the estimable ones of their group. Pure and deterministic.
 */
export function rankActions(input: ActionInput): { actions: Action[]; owners: OwnerTodo[] } {
  const list: Omit<Action, 'rank'>[] = [];
  const metricOf = new Map<string, { gap: MetricGap; submitted: boolean }>();
  for (const s of input.sdgs) {
    for (const m of s.metrics) metricOf.set(m.metric, { gap: m, submitted: s.submitted });
    if (!s.submitted && s.items === 0) continue;
    for (const m of s.metrics) {
      const base = { sdg: m.sdg, metric: m.metric, metricTitle: m.title, submitted: s.submitted };
      if (m.status === 'missing') {
        list.push({
          ...base,
          kind: 'evidence',
          itemId: null,
          file: null,
          owner: UNASSIGNED,
          step: missingStep(m),
          why: m.kind === 'numeric' ? 'no figures for this metric (THE normalises them: their points are not estimable)' : 'no evidence for this metric',
          // THE enters a missing answer as zero; what figures would earn once normalised is not estimable.
          points: m.kind === 'numeric' ? null : m.weight,
        });
        continue;
      }
      if (m.status !== 'partial' && m.status !== 'complete') continue;
      const best = m.items.find((i) => i.itemId === m.bestItem);
      if (!best) continue;
      for (const shortfall of m.shortfalls) {
        list.push({
          ...base,
          kind: 'evidence',
          itemId: best.itemId,
          file: best.file,
          owner: best.owner ?? UNASSIGNED,
          step: shortfall.step,
          why: shortfall.message,
          points: evidencePoints(m, shortfall.points, best.maxPoints),
        });
      }
    }
  }
  for (const f of input.freshness) {
    const info = metricOf.get(f.metric);
    if (!info) continue;
    const strength = info.gap.items.find((i) => i.itemId === f.itemId);
    // Leaving the window costs the date point (policies) or the whole activity at a later edition; this
    // edition's estimate still counts those points, so the step recovers none of them here (no double count).
    const later =
      f.kind === 'left_window' && info.gap.weight !== null && info.gap.kind !== 'numeric' && strength
        ? info.gap.kind === 'policy'
          ? round2(info.gap.weight / strength.maxPoints)
          : round2(info.gap.weight * strength.share)
        : null;
    const points: number | null = null;
    list.push({
      sdg: f.sdg,
      metric: f.metric,
      metricTitle: info.gap.title,
      submitted: info.submitted,
      kind: 'freshness',
      itemId: f.itemId,
      file: f.file,
      owner: f.owner ?? UNASSIGNED,
      step: f.kind === 'left_window' && info.gap.kind !== 'policy' ? 'give evidence of the activity in the current data year' : 'review the policy and record the review date',
      why: later !== null ? `${f.message} (counted in this edition's estimate; about ${later} point(s) at risk at the next)` : f.message,
      points,
    });
  }
  const ownerOfItem = new Map<string, string>();
  for (const { gap } of metricOf.values()) for (const i of gap.items) ownerOfItem.set(i.itemId, i.owner ?? UNASSIGNED);
  for (const f of input.factMismatches) {
    list.push({
      sdg: f.sdg,
      metric: f.metric,
      metricTitle: metricOf.get(f.metric)?.gap.title ?? '',
      submitted: metricOf.get(f.metric)?.submitted ?? false,
      kind: 'consistency',
      itemId: f.itemId,
      file: f.file,
      owner: ownerOfItem.get(f.itemId) ?? UNASSIGNED,
      step: `state ${f.fact} as ${f.declared} (the pack's fact), or correct the fact`,
      why: `${f.fact} is ${f.stated} here but ${f.declared} in impact-pack.yaml`,
      points: null,
    });
  }
  for (const o of input.outliers) {
    if (o.scope !== 'value' || !o.metric || !o.itemId) continue;
    const info = metricOf.get(o.metric);
    list.push({
      sdg: info?.gap.sdg ?? 0,
      metric: o.metric,
      metricTitle: info?.gap.title ?? '',
      submitted: info?.submitted ?? false,
      kind: 'consistency',
      itemId: o.itemId,
      file: o.file,
      owner: ownerOfItem.get(o.itemId) ?? UNASSIGNED,
      step: `confirm or correct ${o.name}`,
      why: `${o.name} moved from ${o.previous} to ${o.current}`,
      points: null,
    });
  }

  const KIND_ORDER: Record<ActionKind, number> = { evidence: 0, freshness: 1, consistency: 2 };
  const sorted = list.sort(
    (a, b) =>
      Number(b.submitted) - Number(a.submitted) ||
      (b.points ?? -1) - (a.points ?? -1) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.sdg - b.sdg ||
      compareMetricIds(a.metric, b.metric) ||
      cmp(a.itemId ?? '', b.itemId ?? '') ||
      cmp(a.step, b.step),
  );
  const actions: Action[] = sorted.map((a, i) => ({ rank: i + 1, ...a }));

  const byOwner = new Map<string, OwnerTodo>();
  for (const a of actions) {
    const todo = byOwner.get(a.owner) ?? { owner: a.owner, points: 0, actions: [] };
    todo.actions.push(a.rank);
    todo.points = round2(todo.points + (a.points ?? 0));
    byOwner.set(a.owner, todo);
  }
  const owners = [...byOwner.values()].sort((a, b) => Number(a.owner === UNASSIGNED) - Number(b.owner === UNASSIGNED) || b.points - a.points || cmp(a.owner, b.owner));
  return { actions, owners };
}

/**
 * What a step on an evidence question recovers, in points of the SDG score: the weight times the share of the
 * question's points, never more than the estimate leaves at stake (so no step offers points already counted).
 * Numeric metrics, unknown weights and questions not scored in the edition promise nothing.
 */
function evidencePoints(m: MetricGap, questionPoints: number, maxPoints: number): number | null {
  if (m.kind === 'numeric' || m.weight === null || m.status === 'not_scored' || m.atStake === null || maxPoints <= 0) return null;
  return round2(Math.min(m.atStake, (m.weight * questionPoints) / maxPoints));
}

function missingStep(m: MetricGap): string {
  if (m.kind === 'policy') return `document the policy for ${m.metric} (an item of kind policy, with the policy attached)`;
  if (m.kind === 'numeric') return `give the figures for ${m.metric} (an item of kind numeric, with the basis and year THE asks)`;
  if (m.questionType === 'measurement') return `add a measurement item for ${m.metric} with its answer`;
  return `add evidence for ${m.metric} (an item with a supporting file and a public URL)`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
