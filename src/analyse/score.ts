import type { Catalogue, Heuristic, MetricKind } from '../criteria/types';
import { countOf, percent, scorePoints } from './figure-format';
import { describeHeuristic, HEURISTIC_MARK, type HeuristicId } from './heuristics';
import type { MetricGap } from './metric-gap';

/** Why part of an SDG's score cannot be estimated from the pack. */
export type NotEstimableReason = 'bibliometric' | 'normalised_numeric' | 'weight_unknown' | 'not_scored';

/** The reasons in the order every view lists them. */
export const NOT_ESTIMABLE_REASONS: readonly NotEstimableReason[] = ['bibliometric', 'normalised_numeric', 'weight_unknown', 'not_scored'];

/**
 * Which SDGs a count is over. `submitted`: the SDGs the pack submits; `with_evidence`: those plus every SDG
 * with an evidence item (the SDGs every view lists, and the best selection is chosen from).
 */
export type FigureScope = 'submitted' | 'with_evidence';

/** How many metrics are not estimable, per reason, over one scope: computed once, printed by every view. */
export interface NotEstimableTally {
  scope: FigureScope;
  /** The scope as every view names it: "of the 4 submitted SDGs (4, 7, 12, 17)". */
  label: string;
  sdgs: number[];
  /** Metrics per reason, every reason present (0 when none). */
  counts: Record<NotEstimableReason, number>;
}

export interface NotEstimableMetric {
  metric: string;
  title: string;
  kind: MetricKind;
  weight: number | null;
  reason: NotEstimableReason;
  /** Numeric metrics: what the pack still lacks for THE to score them (values, basis, year, source); empty when complete. */
  missing: string[];
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
  /** The estimate as a share of the estimable maximum (0 to 1); null when nothing of the SDG is estimable. */
  share: number | null;
  notEstimable: NotEstimableMetric[];
}

export interface Selection {
  /** The three SDGs besides SDG 17 that count, best first (by share). */
  sdgs: number[];
  /** Overall score points (out of 100) the evidence questions of SDG 17 and the selection would earn. */
  overall: number;
  /** The most the evidence questions of this selection could earn. */
  overallMax: number;
  /**
   * The SDGs' shares of their estimable maximum, weighted as THE weights the SDGs (0 to 1): the basis on
   * which selections are compared, since their estimable maxima differ.
   */
  share: number;
}

/** How the edition publishes results, and so how precise the estimate may look. */
export interface EstimatePresentation {
  presentation: 'rank' | 'band' | 'rank_and_band' | 'unknown';
  /** THE publishes bands (or bands and ranks): the estimate shows whole numbers and shares only. */
  banded: boolean;
  bands: string[];
  message: string;
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
  /** Metrics not estimable per reason, of the submitted SDGs and of the SDGs with evidence (or submitted): both scopes, named. */
  notEstimableCounts: NotEstimableTally[];
  presentation: EstimatePresentation;
  /** The heuristics of impact-pack's own that the figures rest on. */
  heuristics: Heuristic[];
  /** What the reader must know before trusting a figure: derived weights, rules not confirmed, heuristics, what is not estimable. */
  caveats: string[];
}

export const ESTIMATE_LABEL =
  'Estimate from the evidence point rules and weights, not THE\'s score: research (bibliometric) and normalised numeric metrics are not estimable from the pack and count as 0 here; no points are promised for them.';

/** Per-SDG estimate, eligibility, the best selection of SDGs and an optional what-if. Pure. */
export function estimateScore(
  catalogue: Catalogue,
  sdgMetrics: { sdg: number; title: string; submitted: boolean; items: number; metrics: MetricGap[] }[],
  submit: number[],
  whatIf?: number[],
): ScoreEstimate {
  const rules = catalogue.overall;
  const presentation = presentationOf(catalogue);
  const round = presentation.banded ? round0 : round2;
  const sdgs = sdgMetrics.map((s) => sdgEstimate(s, round));
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
      // Compared as shares of what is estimable: totals out of different maxima do not compare.
      .sort((a, b) => (b.share ?? -1) - (a.share ?? -1) || b.estimableWeight - a.estimableWeight || a.sdg - b.sdg)
      .slice(0, rules.bestOtherCount);
    if (ranked.length < rules.bestOtherCount) return null;
    const overall = (rules.mandatorySdgWeight * m.estimate + rules.bestOtherWeight * ranked.reduce((t, s) => t + s.estimate, 0)) / 100;
    const overallMax = (rules.mandatorySdgWeight * m.estimableWeight + rules.bestOtherWeight * ranked.reduce((t, s) => t + s.estimableWeight, 0)) / 100;
    const weights = rules.mandatorySdgWeight + rules.bestOtherWeight * ranked.length;
    const share = weights > 0 ? (rules.mandatorySdgWeight * (m.share ?? 0) + rules.bestOtherWeight * ranked.reduce((t, s) => t + (s.share ?? 0), 0)) / weights : 0;
    return { sdgs: ranked.map((s) => s.sdg), overall: round(overall), overallMax: round(overallMax), share: round2(share) };
  };

  const submittedSelection = eligible ? select(others) : null;
  const withEvidence = sdgs.filter((s) => s.items > 0 || submitted.has(s.sdg)).map((s) => s.sdg);
  const bestSelection = select(withEvidence);
  const betterSelectionAvailable = !!bestSelection && (!submittedSelection || bestSelection.share > submittedSelection.share);

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
          : `With SDG ${mandatory} and SDG ${selection.sdgs.join(', ')}, the estimate is ${percent(selection.share)} of the estimable maximum (${scorePoints(selection.overall, presentation.banded)} of ${scorePoints(selection.overallMax, presentation.banded)} evidence points).`;
    whatIfResult = {
      requested,
      eligible: !!selection,
      message: whatIfMessage,
      selection,
      // In percentage points of share, the basis selections are compared on.
      versusBest: selection && bestSelection ? round2((selection.share - bestSelection.share) * 100) : null,
    };
  }
  const heuristics = usedHeuristics(catalogue, sdgMetrics);
  const notEstimableCounts: NotEstimableTally[] = [
    tallyNotEstimable('submitted', sdgs.filter((s) => s.submitted)),
    tallyNotEstimable('with_evidence', sdgs.filter((s) => s.submitted || s.items > 0)),
  ];
  const caveats = caveatsOf(catalogue, sdgMetrics, sdgs, presentation, heuristics, notEstimableCounts);

  return {
    label: ESTIMATE_LABEL,
    rules: { mandatorySdg: mandatory, mandatorySdgWeight: rules.mandatorySdgWeight, bestOtherCount: rules.bestOtherCount, bestOtherWeight: rules.bestOtherWeight, confirmed: rules.confirmed },
    sdgs,
    eligibility: { eligible, hasSdg17, otherSdgs: others, message },
    submittedSelection,
    bestSelection,
    betterSelectionAvailable,
    whatIf: whatIfResult,
    notEstimableCounts,
    presentation,
    heuristics,
    caveats,
  };
}

type SdgInput = { sdg: number; title: string; submitted: boolean; items: number; metrics: MetricGap[] };

export { percent } from './figure-format';

function tallyNotEstimable(scope: FigureScope, sdgs: SdgEstimate[]): NotEstimableTally {
  const numbers = sdgs.map((s) => s.sdg).sort((a, b) => a - b);
  const counts = Object.fromEntries(NOT_ESTIMABLE_REASONS.map((r) => [r, 0])) as Record<NotEstimableReason, number>;
  for (const s of sdgs) for (const n of s.notEstimable) counts[n.reason]++;
  const list = numbers.length > 0 ? ` (${numbers.join(', ')})` : '';
  const label = scope === 'submitted' ? `of the ${countOf(numbers.length, 'submitted SDG')}${list}` : `of the ${countOf(numbers.length, 'SDG')} with evidence or submitted${list}`;
  return { scope, label, sdgs: numbers, counts };
}

const NOT_ESTIMABLE_WORDS: Record<NotEstimableReason, [string, string]> = {
  bibliometric: ['research metric', 'computed by THE from Scopus'],
  normalised_numeric: ['numeric metric', 'normalised by THE against other universities'],
  weight_unknown: ['metric', 'weight not known'],
  not_scored: ['question', 'asked but not scored in this edition'],
};

/**
 * "Not estimable from the pack, of the 4 submitted SDGs (4, 7, 12, 17): 10 research metrics (computed by THE
 * from Scopus), 3 numeric metrics (…); no points are promised for them." The one sentence every view prints.
 */
export function notEstimableSentence(tally: NotEstimableTally): string {
  const parts = NOT_ESTIMABLE_REASONS.filter((r) => tally.counts[r] > 0).map((r) => `${countOf(tally.counts[r], NOT_ESTIMABLE_WORDS[r][0])} (${NOT_ESTIMABLE_WORDS[r][1]})`);
  return parts.length === 0
    ? `Not estimable from the pack, ${tally.label}: none.`
    : `Not estimable from the pack, ${tally.label}: ${parts.join(', ')}; no points are promised for them.`;
}

function presentationOf(catalogue: Catalogue): EstimatePresentation {
  const r = catalogue.results;
  const presentation = r?.presentation ?? 'unknown';
  const banded = presentation === 'band' || presentation === 'rank_and_band';
  const bands = r?.bands ?? [];
  const name = catalogue.product ?? catalogue.title;
  const message = banded
    ? `${name} publishes results in bands${bands.length > 0 ? ` (e.g. ${bands.slice(0, 3).join(', ')})` : ''}${presentation === 'rank_and_band' ? ', with exact places only at the top' : ''}${r?.reporterStatus ? '; a university that submits but is not rated is shown as a "Reporter"' : ''}. The estimate cannot place the university in a band: it shows whole numbers and shares only.`
    : presentation === 'rank'
      ? `${name} publishes ranks.`
      : `How ${name} ${catalogue.edition} will present its results (ranks, bands or both) is not known${r?.reporterStatus ? '; a "Reporter" status exists for a university that submits but is not rated' : ''}. The estimate is no place in a table.`;
  return { presentation, banded, bands: [...bands], message };
}

/** The heuristics the judgements of the SDGs that count (submitted or with evidence) rest on, and the comparison of selections. */
function usedHeuristics(catalogue: Catalogue, sdgMetrics: SdgInput[]): Heuristic[] {
  const ids = new Set<HeuristicId>(['share_of_estimable']);
  for (const s of sdgMetrics) {
    if (!s.submitted && s.items === 0) continue;
    for (const m of s.metrics) for (const h of m.heuristics ?? []) ids.add(h);
  }
  return [...ids].sort().map((id) => describeHeuristic(catalogue, id));
}

function caveatsOf(catalogue: Catalogue, sdgMetrics: SdgInput[], sdgs: SdgEstimate[], presentation: EstimatePresentation, heuristics: Heuristic[], tallies: NotEstimableTally[]): string[] {
  const shown = new Set(sdgs.filter((s) => s.submitted || s.items > 0).map((s) => s.sdg));
  const estimated = sdgMetrics.filter((s) => shown.has(s.sdg)).flatMap((s) => s.metrics).filter((m) => estimableReason(m) === undefined);
  const derived = estimated.filter((m) => !m.weightConfirmed);
  const caveats: string[] = [];
  if (derived.length > 0) {
    const ids = derived.map((m) => m.metric);
    const listed = ids.length > 12 ? `${ids.slice(0, 12).join(', ')} and ${ids.length - 12} more` : ids.join(', ');
    const scope = tallies.find((t) => t.scope === 'with_evidence')?.label ?? 'of the SDGs shown';
    caveats.push(`${derived.length} of the ${estimated.length} estimated metrics (${scope}) have weights derived by impact-pack, not published by THE (marked * in the tables): ${listed}.`);
  }
  const unconfirmed = catalogue.pointRules.filter((r) => !r.confirmed);
  if (unconfirmed.length > 0) {
    const marks = [...new Set(unconfirmed.map((r) => r.confidence).filter((c): c is NonNullable<typeof c> => !!c))];
    caveats.push(`The point rules for ${unconfirmed.map((r) => r.questionType).join(', ')} questions are not confirmed by THE's own text for this edition${marks.length > 0 ? ` (source confidence: ${marks.join(', ')})` : ''}.`);
  }
  if (!catalogue.overall.confirmed) caveats.push('The overall weights (SDG 17 and the best other SDGs) are not confirmed for this edition.');
  // The same sentence as the views print, over the SDGs the tables list.
  const listed = tallies.find((t) => t.scope === 'with_evidence');
  if (listed && NOT_ESTIMABLE_REASONS.some((r) => listed.counts[r] > 0)) caveats.push(notEstimableSentence(listed));
  if (presentation.banded || (catalogue.results && presentation.presentation === 'unknown')) caveats.push(presentation.message);
  for (const h of heuristics) caveats.push(`${h.description} (${HEURISTIC_MARK}: ${h.id})`);
  return caveats;
}

/** Why a judged metric stays out of the estimate, or undefined when it is estimated. */
function estimableReason(m: MetricGap): NotEstimableReason | undefined {
  if (m.status === 'not_scored') return 'not_scored';
  if (m.kind === 'bibliometric') return 'bibliometric';
  if (m.kind === 'numeric') return 'normalised_numeric';
  if (m.weight === null) return 'weight_unknown';
  return undefined;
}

/** What a numeric metric still lacks for THE to score it: every figure-related step of its counted item, or all of it. */
function numericMissing(m: MetricGap): string[] {
  if (m.kind !== 'numeric') return [];
  if (m.status === 'missing') return ['the figures (no item)'];
  return m.shortfalls.filter((s) => s.kind !== 'documents_missing').map((s) => s.step);
}

function sdgEstimate(s: SdgInput, round: (n: number) => number): SdgEstimate {
  let estimate = 0;
  let estimableWeight = 0;
  let notEstimableWeight = 0;
  const notEstimable: NotEstimableMetric[] = [];
  for (const m of s.metrics) {
    const reason = estimableReason(m);
    if (reason) {
      notEstimable.push({ metric: m.metric, title: m.title, kind: m.kind, weight: m.weight, reason, missing: numericMissing(m) });
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
    estimate: round(estimate),
    estimableWeight: round2(estimableWeight),
    notEstimableWeight: round2(notEstimableWeight),
    share: estimableWeight > 0 ? round2(estimate / estimableWeight) : null,
    notEstimable,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function round0(n: number): number {
  return Math.round(n);
}
