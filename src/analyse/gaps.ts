import type { PackSettings } from '../config/resolve';
import { allMetrics } from '../criteria/lookup';
import type { Catalogue } from '../criteria/types';
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic';
import { countBySeverity, sortDiagnostics } from '../diagnostics/make';
import type { FileIndex } from '../files/resolve';
import { isoDay } from '../model/dates';
import type { ParsedItem } from '../parse/item';
import type { YamlSource } from '../parse/yaml-source';
import { rankActions, type Action, type OwnerTodo } from './actions';
import { baselineFrom, compareWithBaseline, type Baseline, type BaselineComparison } from './baseline';
import { sdgCoverage, type SdgCoverage } from './coverage';
import { checkFactConsistency, type FactMismatch } from './fact-consistency';
import { assessFreshness, DEFAULT_DUE_SOON_DAYS, windowsAsOf, type FreshnessFinding } from './freshness';
import { gapFindings } from './gap-findings';
import { judgeMetric, METRIC_STATUSES, type MetricGap, type MetricStatus } from './metric-gap';
import { assessReviewState, type ReviewSummary } from './review-state';
import type { EditionRescore } from './rescore';
import { estimateScore, type ScoreEstimate } from './score';
import { DEFAULT_OUTLIER_SHARE, findValueOutliers, type ValueOutlier } from './value-outliers';
import { valueSnapshot, type ValueSnapshot } from './value-snapshot';
import { supportingFilesSection, type SupportingFilesSection } from '../report/trace-section';

export type { MetricGap, MetricStatus } from './metric-gap';

/** Version of the JSON shape of the gap report, documented in docs/gap-report.md. */
export const GAP_REPORT_SCHEMA_VERSION = 3;

export interface SdgGap {
  sdg: number;
  title: string;
  colour: string;
  submitted: boolean;
  items: number;
  counts: Record<MetricStatus, number>;
  /** Metrics that take evidence (not bibliometric), each question counted. */
  evidenceMetrics: number;
  /** The coverage the tables, the chart and `build`'s summary print: a per-SDG group (17.3) counts as one. */
  coverage: SdgCoverage;
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
  schemaVersion: typeof GAP_REPORT_SCHEMA_VERSION;
  institution: string;
  edition: string;
  /** The product's name in this edition ("THE Impact Rankings", "THE Sustainability Impact Ratings"). */
  product: string;
  dataYear: number;
  /** The date freshness is judged on (YYYY-MM-DD). */
  asOf: string;
  policyWindow: { from: number; to: number; confirmed: boolean };
  /** The data year and policy window that apply on the as-of date (moved on when the edition's timetable has passed). */
  windowsAsOf: { shift: number; dataYear: number; policyWindow: { from: number; to: number } };
  eligibility: { eligible: boolean; hasSdg17: boolean; otherSdgs: number[]; message: string };
  sdgs: SdgGap[];
  score: ScoreEstimate;
  /** Every gap as a step with its owner and value, highest value first. */
  actions: Action[];
  /** The actions grouped by owner (a to-do list each). */
  owners: OwnerTodo[];
  review: ReviewSummary;
  freshness: FreshnessFinding[];
  consistency: {
    facts: FactMismatch[];
    outliers: ValueOutlier[];
    /** What the figures were compared with ("the baseline", "the previous pack …"); null when nothing was. */
    comparedWith: string | null;
    outlierShare: number;
  };
  policyDates: PolicyDateGap[];
  missingDocuments: MissingDocumentGap[];
  /** The comparison with a baseline, when one was given. */
  baseline: BaselineComparison | null;
  /** Findings of the analysis itself (gaps, consistency, freshness, review), with file, line and column. */
  findings: Diagnostic[];
  /** Counts of the validation diagnostics the analysis was given. */
  diagnostics: { errors: number; warnings: number; infos: number };
  /** Supporting files: orphans, duplicates and traceability (issue 4; built by report/trace-section.ts). */
  supportingFiles: SupportingFilesSection;
  /** Present when the pack was judged under another edition than its own (`--edition`): what changes, per indicator. */
  rescoring?: EditionRescore;
}

export interface GapOptions {
  /** The date freshness is judged on; default: the pack's build date. */
  asOf?: Date;
  /** Days before a next review date from which it is "due soon" (default 90). */
  dueSoonDays?: number;
  /** A baseline to compare with (ratchet); its figures also serve for outliers unless `previous` is given. */
  baseline?: { baseline: Baseline; file: string };
  /** Figures of a previous year's pack, and how to name it in messages. */
  previous?: { snapshot: ValueSnapshot; label: string };
  /** Relative change above which a figure is an outlier (default 0.25). */
  outlierShare?: number;
  /** SDGs (besides 17) to estimate as a what-if selection. */
  whatIf?: number[];
  /** impact-pack.yaml, parsed, so that findings about the config point at the right line. */
  configSource?: YamlSource;
}

const EMPTY_COUNTS = (): Record<MetricStatus, number> => Object.fromEntries(METRIC_STATUSES.map((s) => [s, 0])) as Record<MetricStatus, number>;

/**
 * The analysis stage: judges every metric of every SDG the way THE's point rules would, estimates the score
 * and the best SDG selection, checks facts, figures, freshness and review state, ranks the actions, and
 * compares with a baseline. Pure: the findings are returned as diagnostics beside the report.
 */
export function analysePack(
  catalogue: Catalogue,
  settings: PackSettings,
  items: ParsedItem[],
  files: FileIndex,
  diagnostics: Diagnostic[],
  options: GapOptions = {},
): StageResult<GapReport> {
  const asOf = options.asOf ?? settings.buildDate;
  const submit = new Set(settings.config.submit);
  const byMetric = new Map<string, ParsedItem[]>();
  for (const p of items) {
    if (typeof p.item.metric !== 'string') continue;
    const list = byMetric.get(p.item.metric) ?? [];
    list.push(p);
    byMetric.set(p.item.metric, list);
  }

  const facts = checkFactConsistency(settings.config.facts, items);
  const inconsistentValues = new Map<string, string[]>();
  for (const m of facts.value) inconsistentValues.set(m.itemId, [...(inconsistentValues.get(m.itemId) ?? []), m.fact]);

  const context = { catalogue, files, diagnostics, inconsistentValues };
  const metrics = allMetrics(catalogue);
  const sdgs: SdgGap[] = catalogue.sdgs.map((s) => {
    const gaps = metrics.filter((m) => m.sdg === s.number).map((m) => judgeMetric(m, byMetric.get(m.id) ?? [], context));
    const counts = EMPTY_COUNTS();
    for (const m of gaps) counts[m.status]++;
    return {
      sdg: s.number,
      title: s.title,
      colour: s.colour,
      submitted: submit.has(s.number),
      items: items.filter((p) => p.item.sdg === s.number).length,
      counts,
      evidenceMetrics: gaps.filter((m) => m.kind !== 'bibliometric').length,
      coverage: sdgCoverage(gaps, s.groups),
      metrics: gaps,
    };
  });

  const score = estimateScore(catalogue, sdgs, settings.config.submit, options.whatIf);
  const freshness = assessFreshness(items, catalogue, asOf, options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS);
  const review = assessReviewState(items);
  const snapshot = valueSnapshot(settings.config, items);
  const outlierShare = options.outlierShare ?? DEFAULT_OUTLIER_SHARE;
  const previous = options.previous ?? (options.baseline ? { snapshot: options.baseline.baseline.values, label: `the baseline of ${options.baseline.baseline.asOf}` } : undefined);
  const outliers = previous
    ? findValueOutliers(snapshot, previous.snapshot, items, { share: outlierShare, against: previous.label, configSource: options.configSource })
    : { value: [], diagnostics: [] };
  const ranked = rankActions({ sdgs, freshness: freshness.value, factMismatches: facts.value, outliers: outliers.value });

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
        if (doc && typeof doc.title === 'string') missingDocuments.push({ ...ref, title: doc.title, ...(doc.note !== undefined ? { note: doc.note } : {}) });
      }
    }
  }

  const asOfText = isoDay(asOf);
  const current = baselineFrom({ institution: settings.config.institution.name, edition: catalogue.edition, asOf: asOfText, sdgs, score, values: snapshot });
  const baseline = options.baseline ? compareWithBaseline(options.baseline.baseline, current, options.baseline.file) : null;

  const findings = sortDiagnostics([
    ...gapFindings(sdgs, items, options.configSource),
    ...facts.diagnostics,
    ...outliers.diagnostics,
    ...freshness.diagnostics,
    ...review.diagnostics,
  ]);
  const counts = countBySeverity(diagnostics);
  const report: GapReport = {
    schemaVersion: GAP_REPORT_SCHEMA_VERSION,
    institution: settings.config.institution.name,
    edition: catalogue.edition,
    product: productName(catalogue),
    dataYear: catalogue.windows.dataYear,
    asOf: asOfText,
    policyWindow: { from: catalogue.windows.policyWindow.from, to: catalogue.windows.policyWindow.to, confirmed: catalogue.windows.policyWindow.confirmed },
    windowsAsOf: windowsAsOf(catalogue, asOf),
    eligibility: score.eligibility,
    sdgs,
    score,
    actions: ranked.actions,
    owners: ranked.owners,
    review: review.value,
    freshness: freshness.value,
    consistency: { facts: facts.value, outliers: outliers.value, comparedWith: previous?.label ?? null, outlierShare },
    policyDates,
    missingDocuments,
    baseline,
    findings,
    diagnostics: { errors: counts.error, warnings: counts.warning, infos: counts.info },
    supportingFiles: supportingFilesSection(catalogue, items, files),
  };
  return { value: report, diagnostics: findings };
}

/** The gap report alone (the library's original entry point); see analysePack for the options. */
export function analyseGaps(
  catalogue: Catalogue,
  settings: PackSettings,
  items: ParsedItem[],
  files: FileIndex,
  diagnostics: Diagnostic[],
  options: GapOptions = {},
): GapReport {
  return analysePack(catalogue, settings, items, files, diagnostics, options).value;
}

/** The state a baseline records, taken from a finished report. */
export function baselineOf(report: GapReport, values: ValueSnapshot): Baseline {
  return baselineFrom({ institution: report.institution, edition: report.edition, asOf: report.asOf, sdgs: report.sdgs, score: report.score, values });
}

/** The product's name in an edition: the catalogue's, or its title without the edition year. */
export function productName(catalogue: Catalogue): string {
  return catalogue.product ?? catalogue.title.replace(new RegExp(`\\s*${catalogue.edition}$`), '');
}
