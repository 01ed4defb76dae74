import type { Catalogue, Metric } from '../criteria/types';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { FileIndex } from '../files/resolve';
import type { ParsedItem } from '../parse/item';
import { markHeuristic, type HeuristicId } from './heuristics';
import { assessItem, type ItemStrength, type Shortfall } from './item-strength';

export type MetricStatus = 'complete' | 'partial' | 'missing' | 'not_applicable' | 'not_pursuing' | 'computed_by_the' | 'not_scored';

export const METRIC_STATUSES: MetricStatus[] = ['complete', 'partial', 'missing', 'not_applicable', 'not_pursuing', 'computed_by_the', 'not_scored'];

/**
 * Which item the metric is judged on: the strongest (the edition reads several pieces of evidence, or only one
 * item answers), the one marked primary (the edition reads one), the strongest when none is marked (impact-pack's
 * heuristic), or the weakest of several marked primary (impact-pack's heuristic).
 */
export type CountedBy = 'strongest' | 'primary' | 'strongest_unmarked' | 'weakest_of_primaries';

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
  /** The item the estimate rests on (see `countedBy`), if any. */
  bestItem: string | null;
  /** How that item was chosen; null when no item is judged. */
  countedBy: CountedBy | null;
  /** Share of the question's points the counted item earns, 0 to 1. */
  share: number;
  /** What stands between the counted item and full points, with the step that fixes each. */
  shortfalls: Shortfall[];
  /** Heuristics of impact-pack's own the judgement of this metric rests on. */
  heuristics: HeuristicId[];
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
  const none = { items: [], bestItem: null, countedBy: null, share: 0, shortfalls: [], weaknesses: [], heuristics: [] };
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
        source: p.source,
        metric: m,
        catalogue: ctx.catalogue,
        resolvedFiles: ctx.files.byItem.get(String(p.item.id)) ?? [],
        diagnostics: ctx.diagnostics,
        inconsistentValues: ctx.inconsistentValues.get(String(p.item.id)),
      }),
    )
    .sort((a, b) => b.share - a.share || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  if (strengths.length === 0) {
    if (m.notScored) return { ...base, ...none, status: 'not_scored', reason: null, atStake: null };
    // THE enters missing data as zero: the whole weight is at stake. A numeric metric's is not estimable.
    return { ...base, ...none, status: 'missing', reason: null, weaknesses: ['no evidence'], atStake: m.kind === 'numeric' ? null : m.weight };
  }
  const counted = countedItem(strengths, ctx.catalogue.evidence?.perIndicator ?? null);
  const best = counted.item;
  const shortfalls = [...best.shortfalls, ...counted.shortfalls];
  const heuristics = [...new Set([...best.heuristics, ...counted.shortfalls.flatMap((s) => (s.heuristic ? [s.heuristic] : []))])].sort();
  // THE asks a question it does not score in this edition: judged, shown, never counted.
  const status: MetricStatus = m.notScored ? 'not_scored' : best.share >= 1 ? 'complete' : 'partial';
  // Numeric metrics are normalised against other universities: what a present figure earns is not estimable.
  const atStake = m.weight === null || m.kind === 'numeric' || m.notScored ? null : round2(m.weight * (1 - best.share));
  return {
    ...base,
    status,
    reason: null,
    items: strengths,
    bestItem: best.itemId,
    countedBy: counted.by,
    share: best.share,
    shortfalls,
    weaknesses: shortfalls.map((s) => s.message),
    heuristics,
    atStake,
  };
}

/**
 * The item an indicator is judged on. Where the edition reads one piece of evidence per indicator, it is the
 * one the pack marks primary; several items without a mark, or several marked, leave impact-pack to assume
 * (the strongest, the weakest of the marked) and to say so with the step that settles it.
 */
export function countedItem(strengths: ItemStrength[], perIndicator: number | null): { item: ItemStrength; by: CountedBy; shortfalls: Shortfall[] } {
  const strongest = strengths[0];
  if (perIndicator !== 1 || strengths.length === 1 && !strongest.primary) return { item: strongest, by: 'strongest', shortfalls: [] };
  const primaries = strengths.filter((s) => s.primary);
  if (primaries.length === 1) {
    const item = primaries[0];
    const gain = round4(strongest.earned - item.earned);
    const shortfalls: Shortfall[] =
      gain > 0 && strongest !== item
        ? [{
            kind: 'stronger_item_not_primary',
            message: `${strongest.itemId} would earn more than the primary item ${item.itemId}`,
            step: `submit ${strongest.itemId} instead: mark it primary: true and take the mark off ${item.itemId}`,
            points: gain,
            path: ['primary'],
          }]
        : [];
    return { item, by: 'primary', shortfalls };
  }
  if (primaries.length === 0) {
    return {
      item: strongest,
      by: 'strongest_unmarked',
      shortfalls: [{
        kind: 'primary_unmarked',
        message: markHeuristic(`${strengths.length} items compete for the one piece of evidence the edition reads, none marked primary; the strongest (${strongest.itemId}) is assumed`),
        step: `mark the item you will submit as primary: true (${strengths.map((s) => s.itemId).join(', ')})`,
        points: 0,
        path: ['primary'],
        heuristic: 'best_item_when_no_primary',
      }],
    };
  }
  const item = primaries[primaries.length - 1];
  return {
    item,
    by: 'weakest_of_primaries',
    shortfalls: [{
      kind: 'several_primaries',
      message: markHeuristic(`${primaries.length} items are marked primary (${primaries.map((s) => s.itemId).join(', ')}); the weakest (${item.itemId}) is counted`),
      step: `keep primary: true on one item only${primaries[0].earned > item.earned ? ` (${primaries[0].itemId} earns the most)` : ''}`,
      points: round4(primaries[0].earned - item.earned),
      path: ['primary'],
      heuristic: 'weakest_of_several_primaries',
    }],
  };
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
