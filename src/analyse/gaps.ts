import type { PackSettings } from '../config/resolve';
import { allMetrics } from '../criteria/lookup';
import type { Catalogue, Metric } from '../criteria/types';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { countBySeverity } from '../diagnostics/make';
import { isoDay } from '../model/dates';
import type { ParsedItem } from '../parse/item';
import type { FileIndex } from '../files/resolve';
import { assessItem, type ItemStrength } from './item-strength';

export type MetricStatus = 'complete' | 'partial' | 'missing' | 'not_applicable' | 'not_pursuing' | 'computed_by_the';

export interface MetricGap {
  sdg: number;
  metric: string;
  title: string;
  kind: Metric['kind'];
  weight: number | null;
  weightConfirmed: boolean;
  status: MetricStatus;
  items: ItemStrength[];
  /** Weaknesses of the best item (what stands between it and full points). */
  weaknesses: string[];
  /** Estimated share of the SDG score lost on this metric, in percentage points (weight × share missed); null when the weight is unknown. */
  atStake: number | null;
}

export interface SdgGap {
  sdg: number;
  title: string;
  submitted: boolean;
  items: number;
  counts: Record<MetricStatus, number>;
  /** Metrics that take evidence (not bibliometric). */
  evidenceMetrics: number;
  metrics: MetricGap[];
}

export interface PolicyDateGap {
  itemId: string;
  file: string;
  sdg: number;
  metric: string;
  created: string;
  lastReviewed: string;
}

export interface MissingDocumentGap {
  itemId: string;
  file: string;
  sdg: number;
  metric: string;
  title: string;
  note?: string;
}

export interface GapReport {
  /** Version of this JSON shape, documented in docs/gap-report.md. */
  schemaVersion: 1;
  institution: string;
  edition: string;
  dataYear: number;
  asOf: string;
  policyWindow: { from: number; to: number; confirmed: boolean };
  eligibility: { eligible: boolean; hasSdg17: boolean; otherSdgs: number[]; message: string };
  sdgs: SdgGap[];
  policyDates: PolicyDateGap[];
  missingDocuments: MissingDocumentGap[];
  diagnostics: { errors: number; warnings: number; infos: number };
}

const EMPTY_COUNTS = (): Record<MetricStatus, number> => ({
  complete: 0,
  partial: 0,
  missing: 0,
  not_applicable: 0,
  not_pursuing: 0,
  computed_by_the: 0,
});

/** Judges every metric of every SDG the way THE's point rules would. Pure. */
export function analyseGaps(
  catalogue: Catalogue,
  settings: PackSettings,
  items: ParsedItem[],
  files: FileIndex,
  diagnostics: Diagnostic[],
): GapReport {
  const submit = new Set(settings.config.submit);
  const byMetric = new Map<string, ParsedItem[]>();
  for (const p of items) {
    if (typeof p.item.metric !== 'string') continue;
    const list = byMetric.get(p.item.metric) ?? [];
    list.push(p);
    byMetric.set(p.item.metric, list);
  }

  const sdgs: SdgGap[] = catalogue.sdgs.map((s) => {
    const metrics = allMetrics(catalogue).filter((m) => m.sdg === s.number).map((m) => metricGap(m, byMetric.get(m.id) ?? []));
    const counts = EMPTY_COUNTS();
    for (const m of metrics) counts[m.status]++;
    return {
      sdg: s.number,
      title: s.title,
      submitted: submit.has(s.number),
      items: items.filter((p) => p.item.sdg === s.number).length,
      counts,
      evidenceMetrics: metrics.filter((m) => m.kind !== 'bibliometric').length,
      metrics,
    };
  });

  function metricGap(m: Metric, list: ParsedItem[]): MetricGap {
    const base = { sdg: m.sdg, metric: m.id, title: m.title, kind: m.kind, weight: m.weight, weightConfirmed: m.weightConfirmed };
    if (m.kind === 'bibliometric') return { ...base, status: 'computed_by_the', items: [], weaknesses: [], atStake: null };
    const active = list.filter((p) => p.item.status !== 'not_applicable' && p.item.status !== 'not_pursuing');
    if (list.length > 0 && active.length === 0) {
      const status = list.every((p) => p.item.status === 'not_applicable') ? 'not_applicable' : 'not_pursuing';
      return { ...base, status, items: [], weaknesses: [], atStake: null };
    }
    const strengths = active
      .map((p) => assessItem(p.item, p.file, m, catalogue, files.byItem.get(String(p.item.id)) ?? [], diagnostics))
      .sort((a, b) => b.share - a.share || (a.itemId < b.itemId ? -1 : 1));
    const best = strengths[0];
    const share = best?.share ?? 0;
    const status: MetricStatus = !best ? 'missing' : share >= 1 ? 'complete' : 'partial';
    const atStake = m.weight === null ? null : round2(m.weight * (1 - share));
    return { ...base, status, items: strengths, weaknesses: best?.weaknesses ?? ['no evidence'], atStake };
  }

  const others = [...submit].filter((n) => n !== 17).sort((a, b) => a - b);
  const hasSdg17 = submit.has(17);
  const eligible = hasSdg17 && others.length >= 3;
  const message = eligible
    ? `Eligible for the overall table: SDG 17 plus ${others.length} other SDGs (${others.join(', ')}).`
    : !hasSdg17
      ? 'Not eligible for the overall table: SDG 17 is not submitted.'
      : `Not eligible for the overall table: SDG 17 plus only ${others.length} other SDG(s); at least three are needed.`;

  const policyDates: PolicyDateGap[] = [];
  const missingDocuments: MissingDocumentGap[] = [];
  for (const p of items) {
    const { item } = p;
    const ref = { itemId: String(item.id), file: p.file, sdg: Number(item.sdg), metric: String(item.metric) };
    if (item.policy && typeof item.policy === 'object' && (item.policy.created === 'unknown' || item.policy.last_reviewed === 'unknown')) {
      policyDates.push({ ...ref, created: String(item.policy.created), lastReviewed: String(item.policy.last_reviewed) });
    }
    if (Array.isArray(item.missing_documents)) {
      for (const doc of item.missing_documents) {
        if (doc && typeof doc.title === 'string') missingDocuments.push({ ...ref, title: doc.title, note: doc.note });
      }
    }
  }
  const counts = countBySeverity(diagnostics);
  return {
    schemaVersion: 1,
    institution: settings.config.institution.name,
    edition: catalogue.edition,
    dataYear: catalogue.windows.dataYear,
    asOf: isoDay(settings.buildDate),
    policyWindow: { ...catalogue.windows.policyWindow },
    eligibility: { eligible, hasSdg17, otherSdgs: others, message },
    sdgs,
    policyDates,
    missingDocuments,
    diagnostics: { errors: counts.error, warnings: counts.warning, infos: counts.info },
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
