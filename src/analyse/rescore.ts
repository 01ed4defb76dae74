import { CHECKS } from '../checks';
import { createContext } from '../checks/check';
import type { PackSettings } from '../config/resolve';
import { allMetrics, findMetric } from '../criteria/lookup';
import type { Catalogue, Metric } from '../criteria/types';
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic';
import { sortDiagnostics } from '../diagnostics/make';
import type { FileIndex } from '../files/resolve';
import type { ParsedItem } from '../parse/item';
import { analysePack, productName, type GapOptions, type GapReport } from './gaps';
import type { ShortfallKind } from './item-strength';
import type { MetricGap, MetricStatus } from './metric-gap';
import { compareMetricIds } from '../criteria/metric-order';

/**
 * Re-scoring: the same pack judged under another edition, and per indicator what gains or loses points and
 * why. The window-dependent checks run again against the other edition's catalogue (what was dated inside one
 * data year may be outside the next), so that the judgement reads the diagnostics it would read there.
 */

export interface EditionFacts {
  edition: string;
  product: string;
  dataYear: number;
  policyWindow: { from: number; to: number };
  perIndicator: number | null;
  attachmentCountsAsPublic: boolean | null;
  gradesRelevance: boolean;
}

export type IndicatorChangeKind = 'new_question' | 'removed_question' | 'gains' | 'loses' | 'unchanged_points' | 'not_scored';

export interface IndicatorSide {
  status: MetricStatus;
  weight: number | null;
  /** Share of the question's points the counted item earns. */
  share: number;
  /** Points of the SDG score (weight × share); null when not estimable (numeric, research, unknown weight, not scored). */
  points: number | null;
}

export interface IndicatorChange {
  sdg: number;
  metric: string;
  title: string;
  change: IndicatorChangeKind;
  before: IndicatorSide | null;
  after: IndicatorSide | null;
  /** After minus before, in points of the SDG score; null when either side is not estimable. */
  delta: number | null;
  /** Why, in words: new or removed question, window moved, attachment no longer public, one evidence only … */
  reasons: string[];
  /** Items of the pack for this indicator. */
  items: string[];
}

export interface SdgRescore {
  sdg: number;
  submitted: boolean;
  before: { estimate: number; estimableWeight: number; share: number | null } | null;
  after: { estimate: number; estimableWeight: number; share: number | null } | null;
}

export interface EditionRescore {
  from: EditionFacts;
  to: EditionFacts;
  /** What changes between the editions for every indicator (data year, window, evidence rules). */
  editionChanges: string[];
  /** Indicators of the SDGs the pack submits or has evidence for whose points or judgement change, in metric order. */
  indicators: IndicatorChange[];
  /** Items whose metric the other edition does not have: reported, not judged. */
  itemsWithoutMetric: { itemId: string; file: string; metric: string }[];
  sdgs: SdgRescore[];
  /** The submitted selection's share of its estimable maximum, before and after. */
  selection: { before: number | null; after: number | null };
}

export interface RescoreInput {
  from: Catalogue;
  to: Catalogue;
  settings: PackSettings;
  items: ParsedItem[];
  files: FileIndex;
  /** The diagnostics of the pack as loaded under `from`. */
  diagnostics: Diagnostic[];
  /** The report under `from`, when already made (else it is made here). */
  before?: GapReport;
  options?: GapOptions;
}

/** Codes the rule checks report: recomputed under the other edition; every other diagnostic (YAML, schema, files) is kept. */
const CHECK_CODES = new Set<string>(CHECKS.flatMap((c) => c.codes));

/** The pack's diagnostics as they would read under another edition: the rule checks run again with its catalogue. */
export function diagnosticsUnder(to: Catalogue, settings: PackSettings, items: ParsedItem[], diagnostics: Diagnostic[]): Diagnostic[] {
  const kept = diagnostics.filter((d) => !CHECK_CODES.has(d.code));
  const again: Diagnostic[] = [];
  for (const check of CHECKS) check.run(createContext(items, to, settings, again));
  return sortDiagnostics([...kept, ...again]);
}

/**
 * Judges the pack under `to` and compares with `from`. Returns the report under `to` (with the comparison in
 * its `rescoring` field) and the comparison itself. Pure.
 */
export function rescorePack(input: RescoreInput): StageResult<{ report: GapReport; rescore: EditionRescore }> {
  const options = input.options ?? {};
  const before = input.before ?? analysePack(input.from, input.settings, input.items, input.files, input.diagnostics, options).value;
  const diagnostics = diagnosticsUnder(input.to, input.settings, input.items, input.diagnostics);
  const analysed = analysePack(input.to, input.settings, input.items, input.files, diagnostics, options);
  const after = analysed.value;
  const rescore = compareReports(input.from, input.to, before, after, input.items);
  return { value: { report: { ...after, rescoring: rescore }, rescore }, diagnostics: analysed.diagnostics };
}

export function editionFacts(c: Catalogue): EditionFacts {
  const evidence = componentGrades(c);
  return {
    edition: c.edition,
    product: productName(c),
    dataYear: c.windows.dataYear,
    policyWindow: { from: c.windows.policyWindow.from, to: c.windows.policyWindow.to },
    perIndicator: c.evidence?.perIndicator ?? null,
    attachmentCountsAsPublic: c.evidence ? c.evidence.attachmentCountsAsPublic && (c.evidence.factConfidence?.attachmentCountsAsPublic ?? c.evidence.confidence) !== '?' : null,
    gradesRelevance: evidence,
  };
}

function componentGrades(c: Catalogue): boolean {
  return c.pointRules.some((r) => r.components.some((p) => p.grades !== undefined));
}

/** The changes of the rules that touch every indicator, in a coordinator's words. */
function editionChangesOf(a: EditionFacts, b: EditionFacts): string[] {
  const out: string[] = [];
  if (a.product !== b.product) out.push(`The product is now ${b.product} (was ${a.product}).`);
  if (a.dataYear !== b.dataYear) out.push(`Window moved: activities must fall in ${b.dataYear} (was ${a.dataYear}).`);
  if (a.policyWindow.from !== b.policyWindow.from || a.policyWindow.to !== b.policyWindow.to) {
    out.push(`Window moved: policies earn the date point when created or reviewed in ${b.policyWindow.from}-${b.policyWindow.to} (was ${a.policyWindow.from}-${a.policyWindow.to}), and must have been in place by the end of ${b.dataYear}.`);
  }
  if (b.perIndicator === 1 && a.perIndicator !== 1) out.push('One evidence only: each indicator is judged on one piece of evidence, the item marked primary.');
  if (b.attachmentCountsAsPublic === false && a.attachmentCountsAsPublic !== false) out.push('An attached file no longer counts as public: only a public web page that shows the evidence earns the public point.');
  if (b.gradesRelevance && !a.gradesRelevance) out.push('Evidence is graded by relevance (specific 1, general 0.5).');
  return out;
}

/** What a shortfall that appears (or disappears) under the other edition says about the change. */
const REASON_OF: Partial<Record<ShortfallKind, (to: EditionFacts, from: EditionFacts) => string>> = {
  outside_data_year: (to) => `window moved: the activity is not in the data year ${to.dataYear}`,
  policy_outside_window: (to) => `window moved: the policy was not created or reviewed in ${to.policyWindow.from}-${to.policyWindow.to}`,
  policy_after_data_year: (to) => `window moved: the policy was adopted after the data year ${to.dataYear}`,
  attachment_not_public: (_to, from) => (from.attachmentCountsAsPublic ? 'attachment no longer public' : 'an attached file does not count as public'),
  primary_unmarked: () => 'one evidence only: no item is marked primary',
  several_primaries: () => 'one evidence only: several items are marked primary',
  stronger_item_not_primary: () => 'one evidence only: the item marked primary is not the strongest',
  relevance_unstated: () => 'evidence graded by relevance: relevance not stated',
  relevance_general: () => 'evidence graded by relevance: general relevance earns half',
  undated: () => 'undated: the date must place it in the data year',
  public_url_not_evidence: () => 'the public URL does not show the evidence',
};

/** Shortfalls that name the same lost point in other words: a change from one to another is one reason, not a gain and a loss. */
const FAMILY: Partial<Record<ShortfallKind, string>> = {
  not_public: 'public',
  attachment_not_public: 'public',
  public_url_not_evidence: 'public',
  confidential: 'public',
  relevance_unstated: 'relevance',
  relevance_general: 'relevance',
  primary_unmarked: 'primary',
  several_primaries: 'primary',
  stronger_item_not_primary: 'primary',
  policy_dates_unknown: 'policy_date',
  policy_outside_window: 'policy_date',
};
const familyOf = (k: ShortfallKind): string => FAMILY[k] ?? k;

function compareReports(fromCat: Catalogue, toCat: Catalogue, before: GapReport, after: GapReport, items: ParsedItem[]): EditionRescore {
  const from = editionFacts(fromCat);
  const to = editionFacts(toCat);
  const gapsBefore = new Map(before.sdgs.flatMap((s) => s.metrics).map((m) => [m.metric, m]));
  const gapsAfter = new Map(after.sdgs.flatMap((s) => s.metrics).map((m) => [m.metric, m]));
  const shown = new Set([...before.sdgs, ...after.sdgs].filter((s) => s.submitted || s.items > 0).map((s) => s.sdg));
  const itemsOf = new Map<string, string[]>();
  for (const p of items) if (typeof p.item.metric === 'string') itemsOf.set(p.item.metric, [...(itemsOf.get(p.item.metric) ?? []), String(p.item.id)]);

  const ids = [...new Set([...allMetrics(fromCat), ...allMetrics(toCat)].filter((m) => shown.has(m.sdg) && m.kind !== 'bibliometric').map((m) => m.id))].sort(compareMetricIds);
  const indicators: IndicatorChange[] = [];
  for (const id of ids) {
    const a = findMetric(fromCat, id);
    const b = findMetric(toCat, id);
    const ga = gapsBefore.get(id);
    const gb = gapsAfter.get(id);
    const change = indicatorChange(id, a, b, ga, gb, itemsOf.get(id) ?? [], from, to);
    if (change) indicators.push(change);
  }

  const itemsWithoutMetric = items
    .filter((p) => typeof p.item.metric === 'string' && findMetric(fromCat, p.item.metric) && !findMetric(toCat, p.item.metric))
    .map((p) => ({ itemId: String(p.item.id), file: p.file, metric: String(p.item.metric) }));

  const estimateOf = (r: GapReport, n: number) => {
    const e = r.score.sdgs.find((s) => s.sdg === n);
    return e ? { estimate: e.estimate, estimableWeight: e.estimableWeight, share: e.share } : null;
  };
  const sdgs: SdgRescore[] = [...shown].sort((x, y) => x - y).map((n) => ({
    sdg: n,
    submitted: after.sdgs.find((s) => s.sdg === n)?.submitted ?? before.sdgs.find((s) => s.sdg === n)?.submitted ?? false,
    before: estimateOf(before, n),
    after: estimateOf(after, n),
  }));
  return {
    from,
    to,
    editionChanges: editionChangesOf(from, to),
    indicators,
    itemsWithoutMetric,
    sdgs,
    selection: { before: before.score.submittedSelection?.share ?? null, after: after.score.submittedSelection?.share ?? null },
  };
}

function side(m: MetricGap | undefined): IndicatorSide | null {
  if (!m) return null;
  const estimable = m.kind !== 'numeric' && m.kind !== 'bibliometric' && m.weight !== null && m.status !== 'not_scored';
  return { status: m.status, weight: m.weight, share: m.share, points: estimable ? round2((m.weight ?? 0) * m.share) : null };
}

function indicatorChange(
  id: string,
  a: Metric | undefined,
  b: Metric | undefined,
  ga: MetricGap | undefined,
  gb: MetricGap | undefined,
  items: string[],
  from: EditionFacts,
  to: EditionFacts,
): IndicatorChange | null {
  const base = { sdg: (b ?? a)!.sdg, metric: id, title: (b ?? a)!.title, items };
  const before = side(ga);
  const after = side(gb);
  if (!b) {
    return { ...base, change: 'removed_question', before, after: null, delta: before?.points === null || !before ? null : round2(-before.points), reasons: [`removed question: ${to.edition} does not ask ${id}${items.length > 0 ? `; its ${items.length} item(s) no longer count` : ''}`] };
  }
  if (!a) {
    const reasons = [`new question in ${to.edition}${items.length === 0 ? ': no item answers it yet' : ''}`];
    if (b.notScored) reasons.push(`not scored in ${to.edition}`);
    return { ...base, change: b.notScored ? 'not_scored' : 'new_question', before: null, after, delta: after?.points ?? null, reasons };
  }
  const reasons: string[] = [];
  if (b.notScored && !a.notScored) reasons.push(`not scored in ${to.edition}: THE asks it but gives it no points`);
  if (a.weight !== b.weight) reasons.push(`weight ${weightText(a.weight)} → ${weightText(b.weight)}`);
  if (a.kind !== b.kind || a.questionType !== b.questionType) reasons.push(`question changed: ${a.questionType ?? a.kind} → ${b.questionType ?? b.kind}`);
  const kindsBefore = new Set((ga?.shortfalls ?? []).map((s) => s.kind));
  const familiesBefore = new Set((ga?.shortfalls ?? []).map((s) => familyOf(s.kind)));
  const familiesAfter = new Set((gb?.shortfalls ?? []).map((s) => familyOf(s.kind)));
  for (const s of gb?.shortfalls ?? []) {
    if (kindsBefore.has(s.kind)) continue;
    // The same point lost for a reason the new edition words differently is a change of reason, not a loss.
    reasons.push(`${familiesBefore.has(familyOf(s.kind)) ? 'now' : 'loses'}: ${REASON_OF[s.kind]?.(to, from) ?? s.message}`);
  }
  for (const s of ga?.shortfalls ?? []) {
    if (familiesAfter.has(familyOf(s.kind))) continue;
    reasons.push(`gains: no longer ${REASON_OF[s.kind]?.(from, from) ?? s.message}`);
  }
  if (ga?.bestItem && gb?.bestItem && ga.bestItem !== gb.bestItem) {
    // The reasons below are then those of another item: say so first.
    reasons.unshift(gb.countedBy === 'primary' ? `one evidence only: ${gb.bestItem} (marked primary) is judged, not ${ga.bestItem}` : `judged on ${gb.bestItem} (the strongest under ${to.edition}), not ${ga.bestItem}`);
  }
  const delta = before?.points !== null && after?.points !== null && before && after ? round2(after.points - before.points) : null;
  if (delta === null && before?.points === null && after && after.points === null && ga?.kind === 'numeric' && reasons.length > 0) {
    reasons.push('numeric: not estimable in either edition');
  }
  if (reasons.length === 0 && (delta === null || Math.abs(delta) < 0.005) && before?.status === after?.status) return null;
  const change: IndicatorChangeKind = b.notScored ? 'not_scored' : delta === null || Math.abs(delta) < 0.005 ? 'unchanged_points' : delta > 0 ? 'gains' : 'loses';
  return { ...base, change, before, after, delta, reasons };
}

function weightText(w: number | null): string {
  return w === null ? '?' : `${round2(w)}%`;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
