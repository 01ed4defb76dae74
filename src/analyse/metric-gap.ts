import type { Catalogue, Metric } from '../criteria/types';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { FileIndex } from '../files/resolve';
import type { ParsedItem } from '../parse/item';
import { assessItem, type ItemStrength, type Shortfall } from './item-strength';

export type MetricStatus = 'complete' | 'partial' | 'missing' | 'not_applicable' | 'not_pursuing' | 'computed_by_the';

export const METRIC_STATUSES: MetricStatus[] = ['complete', 'partial', 'missing', 'not_applicable', 'not_pursuing', 'computed_by_the'];

export interface MetricGap {
  sdg: number;
  metric: string;
  title: string;
  kind: Metric['kind'];
  questionType: Metric['questionType'] | null;
  weight: number | null;
  weightConfirmed: boolean;
  status: MetricStatus;
  /** Why the metric is not applicable or not pursued, from the items' `status_reason`. */
  reason: string | null;
  /** Items for the metric, strongest first. */
  items: ItemStrength[];
  /** The item the estimate rests on (the strongest), if any. */
  bestItem: string | null;
  /** Share of the question's points the best item earns, 0 to 1. */
  share: number;
  /** What stands between the best item and full points, with the step that fixes each. */
  shortfalls: Shortfall[];
  /** The shortfalls' messages (or "no evidence"), as plain text. */
  weaknesses: string[];
  /** Estimated share of the SDG score lost on this metric, in points of the SDG score (weight × share missed); null when not estimable. */
  atStake: number | null;
}

export interface MetricJudgementContext {
  catalogue: Catalogue;
  files: FileIndex;
  diagnostics: Diagnostic[];
  /** Item id → names of its values that contradict the pack's facts. */
  inconsistentValues: Map<string, string[]>;
}

/**
 * Judges one metric the way THE's point rules would: the strongest item carries the answer. Items marked
 * not applicable or not pursuing take the metric out of play, with their reason, when no other item answers it.
 */
export function judgeMetric(m: Metric, list: ParsedItem[], ctx: MetricJudgementContext): MetricGap {
  const base = {
    sdg: m.sdg,
    metric: m.id,
    title: m.title,
    kind: m.kind,
    questionType: m.questionType ?? null,
    weight: m.weight,
    weightConfirmed: m.weightConfirmed,
  };
  const none = { items: [], bestItem: null, share: 0, shortfalls: [], weaknesses: [] };
  if (m.kind === 'bibliometric') return { ...base, ...none, status: 'computed_by_the', reason: null, atStake: null };
  const active = list.filter((p) => p.item.status !== 'not_applicable' && p.item.status !== 'not_pursuing');
  if (list.length > 0 && active.length === 0) {
    const status: MetricStatus = list.every((p) => p.item.status === 'not_applicable') ? 'not_applicable' : 'not_pursuing';
    const reasons = [...new Set(list.map((p) => p.item.status_reason).filter((r): r is string => typeof r === 'string' && r.trim() !== ''))];
    return { ...base, ...none, status, reason: reasons.length > 0 ? reasons.join(' ') : null, atStake: null };
  }
  const strengths = active
    .map((p) =>
      assessItem({
        item: p.item,
        file: p.file,
        metric: m,
        catalogue: ctx.catalogue,
        resolvedFiles: ctx.files.byItem.get(String(p.item.id)) ?? [],
        diagnostics: ctx.diagnostics,
        inconsistentValues: ctx.inconsistentValues.get(String(p.item.id)),
      }),
    )
    .sort((a, b) => b.share - a.share || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  const best = strengths[0];
  if (!best) {
    // THE enters missing data as zero: the whole weight is at stake, numeric metrics included.
    return { ...base, ...none, status: 'missing', reason: null, weaknesses: ['no evidence'], atStake: m.weight };
  }
  const status: MetricStatus = best.share >= 1 ? 'complete' : 'partial';
  // Numeric metrics are normalised against other universities: what a present figure earns is not estimable.
  const atStake = m.weight === null || m.kind === 'numeric' ? null : round2(m.weight * (1 - best.share));
  return {
    ...base,
    status,
    reason: null,
    items: strengths,
    bestItem: best.itemId,
    share: best.share,
    shortfalls: best.shortfalls,
    weaknesses: best.weaknesses,
    atStake,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
