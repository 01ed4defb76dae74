import type { Catalogue, MetricKind } from '../criteria/types';
import type { MetricGap } from './metric-gap';

/** Why part of an SDG's score cannot be estimated from the pack. */
export type NotEstimableReason = 'bibliometric' | 'normalised_numeric' | 'weight_unknown';

export interface NotEstimableMetric {
  metric: string;
  title: string;
  kind: MetricKind;
  weight: number | null;
  reason: NotEstimableReason;
}

/**
 * Estimate of one SDG's score from the evidence point rules and the metric weights. It covers only the
 * evidence and policy questions whose weight is known: research metrics are computed by THE from Scopus,
 * and numeric metrics are normalised against the other universities, so neither can be guessed from a pack.
 */
export interface SdgEstimate {
  sdg: number;
  title: string;
  submitted: boolean;
  items: number;
  /** Points of the SDG score (out of 100) the evidence questions would earn. */
  estimate: number;
  /** Points of the SDG score the evidence questions can earn at most (sum of their weights). */
  estimableWeight: number;
  /** Points of the SDG score that are not estimable from the pack. */
  notEstimableWeight: number;
  notEstimable: NotEstimableMetric[];
}

export interface Selection {
  /** The three SDGs besides SDG 17 that count, best first. */
  sdgs: number[];
  /** Overall score points (out of 100) the evidence questions of SDG 17 and the selection would earn. */
  overall: number;
  /** The most the evidence questions of this selection could earn. */
  overallMax: number;
}

export interface WhatIf {
  requested: number[];
  eligible: boolean;
  message: string;
  selection: Selection | null;
  /** Overall points compared with the best selection (negative: worse). */
  versusBest: number | null;
}

export interface ScoreEstimate {
  /** Always shown with the figures: this is an estimate, not THE's score. */
  label: string;
  rules: { mandatorySdg: number; mandatorySdgWeight: number; bestOtherCount: number; bestOtherWeight: number; confirmed: boolean };
  sdgs: SdgEstimate[];
  eligibility: { eligible: boolean; hasSdg17: boolean; otherSdgs: number[]; message: string };
  /** THE counts the best three of the submitted SDGs: those, by this estimate. */
  submittedSelection: Selection | null;
  /** The three SDGs (submitted or not, with evidence) that maximise the estimate. */
  bestSelection: Selection | null;
  /** Whether submitting the best selection instead would raise the estimate. */
  betterSelectionAvailable: boolean;
  whatIf: WhatIf | null;
}

export const ESTIMATE_LABEL =
  'Estimate from the evidence point rules and weights, not THE\'s score: research (bibliometric) and normalised numeric metrics are not estimable from the pack and count as 0 here.';

/** Per-SDG estimate, eligibility, the best selection of SDGs and an optional what-if. Pure. */
export function estimateScore(
  catalogue: Catalogue,
  sdgMetrics: { sdg: number; title: string; submitted: boolean; items: number; metrics: MetricGap[] }[],
  submit: number[],
  whatIf?: number[],
): ScoreEstimate {
  const rules = catalogue.overall;
  const sdgs = sdgMetrics.map((s) => sdgEstimate(s));
  const bySdg = new Map(sdgs.map((s) => [s.sdg, s]));
  const mandatory = rules.mandatorySdg;
  const submitted = new Set(submit);
  const others = [...submitted].filter((n) => n !== mandatory).sort((a, b) => a - b);
  const hasSdg17 = submitted.has(mandatory);
  // SDG 17 listed under `submit` without a single evidence item (as in a new pack from `init`) would have
  // THE receive an empty SDG 17, the one SDG every ranked university must submit: "eligible" is never said then.
  const sdg17HasItems = (bySdg.get(mandatory)?.items ?? 0) > 0;
  const eligible = hasSdg17 && sdg17HasItems && others.length >= rules.bestOtherCount;
  const message = eligible
    ? `Eligible for the overall table: SDG ${mandatory} plus ${others.length} other SDGs (${others.join(', ')}).`
    : !hasSdg17
      ? `Not eligible for the overall table: SDG ${mandatory} is not submitted.`
      : !sdg17HasItems
        ? `Not eligible for the overall table yet: SDG ${mandatory} is submitted but has no evidence item.`
        : `Not eligible for the overall table: SDG ${mandatory} plus only ${others.length} other SDG(s); at least ${rules.bestOtherCount} are needed.`;

  const select = (candidates: number[]): Selection | null => {
    const m = bySdg.get(mandatory);
    if (!m) return null;
    const ranked = candidates
      .filter((n) => n !== mandatory)
      .map((n) => bySdg.get(n))
      .filter((s): s is SdgEstimate => !!s)
      .sort((a, b) => b.estimate - a.estimate || b.estimableWeight - a.estimableWeight || a.sdg - b.sdg)
      .slice(0, rules.bestOtherCount);
    if (ranked.length < rules.bestOtherCount) return null;
    const overall = (rules.mandatorySdgWeight * m.estimate + rules.bestOtherWeight * ranked.reduce((t, s) => t + s.estimate, 0)) / 100;
    const overallMax = (rules.mandatorySdgWeight * m.estimableWeight + rules.bestOtherWeight * ranked.reduce((t, s) => t + s.estimableWeight, 0)) / 100;
    return { sdgs: ranked.map((s) => s.sdg), overall: round2(overall), overallMax: round2(overallMax) };
  };

  const submittedSelection = eligible ? select(others) : null;
  const withEvidence = sdgs.filter((s) => s.items > 0 || submitted.has(s.sdg)).map((s) => s.sdg);
  const bestSelection = select(withEvidence);
  const betterSelectionAvailable = !!bestSelection && (!submittedSelection || bestSelection.overall > submittedSelection.overall);

  let whatIfResult: WhatIf | null = null;
  if (whatIf) {
    const requested = [...new Set(whatIf)].sort((a, b) => a - b);
    const unknown = requested.filter((n) => !bySdg.has(n));
    const named = requested.filter((n) => n !== mandatory && bySdg.has(n));
    const selection = unknown.length === 0 ? select(named) : null;
    const whatIfMessage =
      unknown.length > 0
        ? `SDG ${unknown.join(', ')} is not in the ${catalogue.edition} edition.`
        : !selection
          ? `A selection needs SDG ${mandatory} plus at least ${rules.bestOtherCount} other SDGs; ${named.length} named.`
          : `With SDG ${mandatory} and SDG ${selection.sdgs.join(', ')}, the estimate is ${selection.overall} of ${selection.overallMax} evidence points.`;
    whatIfResult = {
      requested,
      eligible: !!selection,
      message: whatIfMessage,
      selection,
      versusBest: selection && bestSelection ? round2(selection.overall - bestSelection.overall) : null,
    };
  }

  return {
    label: ESTIMATE_LABEL,
    rules: { mandatorySdg: mandatory, mandatorySdgWeight: rules.mandatorySdgWeight, bestOtherCount: rules.bestOtherCount, bestOtherWeight: rules.bestOtherWeight, confirmed: rules.confirmed },
    sdgs,
    eligibility: { eligible, hasSdg17, otherSdgs: others, message },
    submittedSelection,
    bestSelection,
    betterSelectionAvailable,
    whatIf: whatIfResult,
  };
}

function sdgEstimate(s: { sdg: number; title: string; submitted: boolean; items: number; metrics: MetricGap[] }): SdgEstimate {
  let estimate = 0;
  let estimableWeight = 0;
  let notEstimableWeight = 0;
  const notEstimable: NotEstimableMetric[] = [];
  for (const m of s.metrics) {
    const reason: NotEstimableReason | undefined =
      m.kind === 'bibliometric' ? 'bibliometric' : m.kind === 'numeric' ? 'normalised_numeric' : m.weight === null ? 'weight_unknown' : undefined;
    if (reason) {
      notEstimable.push({ metric: m.metric, title: m.title, kind: m.kind, weight: m.weight, reason });
      notEstimableWeight += m.weight ?? 0;
      continue;
    }
    const weight = m.weight ?? 0;
    estimableWeight += weight;
    // A metric the university declares not applicable scores nothing, as does one it does not pursue.
    estimate += weight * m.share;
  }
  return {
    sdg: s.sdg,
    title: s.title,
    submitted: s.submitted,
    items: s.items,
    estimate: round2(estimate),
    estimableWeight: round2(estimableWeight),
    notEstimableWeight: round2(notEstimableWeight),
    notEstimable,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
