import { METRIC_STATUSES, type MetricStatus } from './metric-gap';
import { compareMetricIds } from '../criteria/metric-order';
import type { ScoreEstimate } from './score';
import type { ValueSnapshot } from './value-snapshot';

/**
 * A recorded state of the pack that later runs must not fall below (a ratchet): the status of every
 * metric, the estimate per SDG and overall, and the figures, for comparing values next time.
 * Stored as JSON (docs/gap-report.md documents it); `kind` and `schemaVersion` identify the shape.
 */
export interface Baseline {
  kind: 'impact-pack-gap-baseline';
  schemaVersion: 1;
  institution: string;
  edition: string;
  asOf: string;
  /** Metric id → status, for every metric that takes evidence. */
  metrics: Record<string, MetricStatus>;
  estimates: {
    /** Overall estimate of the submitted selection; null when the submission was not eligible. */
    overall: number | null;
    /** SDG number → estimate of the SDG score from its evidence questions. */
    sdgs: Record<string, number>;
  };
  values: ValueSnapshot;
}

export const BASELINE_KIND = 'impact-pack-gap-baseline';

export interface BaselineChange {
  /** 'metric' (a status), 'sdg' (an SDG's estimate) or 'overall' (the overall estimate). */
  scope: 'metric' | 'sdg' | 'overall';
  /** Metric id, SDG number as text, or "overall". */
  subject: string;
  before: string | number | null;
  after: string | number | null;
  message: string;
}

export interface BaselineComparison {
  /** The baseline file as given on the command line. */
  file: string;
  recordedAsOf: string;
  regressions: BaselineChange[];
  improvements: BaselineChange[];
}

/** How much a status is worth for the ratchet: a metric may move up, never down. */
const STATUS_RANK: Record<MetricStatus, number> = { complete: 3, partial: 2, missing: 1, not_applicable: 1, not_pursuing: 1, computed_by_the: 0, not_scored: 0 };

/** Differences below this (rounding of the estimates) are not changes. */
const ESTIMATE_EPSILON = 0.005;

export interface BaselineSource {
  institution: string;
  edition: string;
  asOf: string;
  sdgs: { sdg: number; metrics: { metric: string; kind: string; status: MetricStatus }[] }[];
  score: ScoreEstimate;
  values: ValueSnapshot;
}

/** The baseline for the current state, with keys in a fixed order so that the file diffs cleanly. */
export function baselineFrom(report: BaselineSource): Baseline {
  const metrics: Record<string, MetricStatus> = {};
  for (const s of report.sdgs) for (const m of s.metrics) if (m.kind !== 'bibliometric') metrics[m.metric] = m.status;
  const sdgs: Record<string, number> = {};
  for (const s of report.score.sdgs) if (s.submitted || s.items > 0) sdgs[String(s.sdg)] = s.estimate;
  return {
    kind: BASELINE_KIND,
    schemaVersion: 1,
    institution: report.institution,
    edition: report.edition,
    asOf: report.asOf,
    metrics,
    estimates: { overall: report.score.submittedSelection?.overall ?? null, sdgs },
    values: report.values,
  };
}

/** Compares the current state with a baseline: what fell below it (regressions) and what rose above it. Pure. */
export function compareWithBaseline(baseline: Baseline, current: Baseline, file: string): BaselineComparison {
  const regressions: BaselineChange[] = [];
  const improvements: BaselineChange[] = [];
  const ids = Object.keys(baseline.metrics).filter((id) => id in current.metrics).sort(compareMetricIds);
  for (const id of ids) {
    const before = baseline.metrics[id];
    const after = current.metrics[id];
    if (before === after) continue;
    const change: BaselineChange = { scope: 'metric', subject: id, before, after, message: `Metric ${id}: ${label(before)} → ${label(after)}` };
    if (STATUS_RANK[after] < STATUS_RANK[before]) regressions.push(change);
    else if (STATUS_RANK[after] > STATUS_RANK[before]) improvements.push(change);
  }
  const sdgs = [...new Set([...Object.keys(baseline.estimates.sdgs), ...Object.keys(current.estimates.sdgs)])].sort((a, b) => Number(a) - Number(b));
  for (const sdg of sdgs) {
    const before = baseline.estimates.sdgs[sdg] ?? 0;
    const after = current.estimates.sdgs[sdg] ?? 0;
    const change: BaselineChange = { scope: 'sdg', subject: sdg, before, after, message: `SDG ${sdg} estimate: ${before} → ${after}` };
    if (after < before - ESTIMATE_EPSILON) regressions.push(change);
    else if (after > before + ESTIMATE_EPSILON) improvements.push(change);
  }
  const before = baseline.estimates.overall;
  const after = current.estimates.overall;
  if (before !== after) {
    const change: BaselineChange = { scope: 'overall', subject: 'overall', before, after, message: `Overall estimate: ${before ?? 'not eligible'} → ${after ?? 'not eligible'}` };
    if (after === null || (before !== null && after < before - ESTIMATE_EPSILON)) regressions.push(change);
    else if (before === null || after > before + ESTIMATE_EPSILON) improvements.push(change);
  }
  return { file, recordedAsOf: baseline.asOf, regressions, improvements };
}

/** Reads a baseline file's text; a problem is described in words for a usage error (exit 2). */
export function parseBaseline(text: string): { value?: Baseline; problem?: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problem: `it is not JSON (${(error as Error).message})` };
  }
  const b = data as Partial<Baseline> | null;
  if (!b || typeof b !== 'object' || b.kind !== BASELINE_KIND) return { problem: `it is not an impact-pack baseline (no "kind": "${BASELINE_KIND}")` };
  if (b.schemaVersion !== 1) return { problem: `its schemaVersion ${String(b.schemaVersion)} is not supported (this version reads 1)` };
  if (typeof b.edition !== 'string' || typeof b.asOf !== 'string' || !b.metrics || typeof b.metrics !== 'object' || !b.estimates || typeof b.estimates !== 'object') {
    return { problem: 'it lacks edition, asOf, metrics or estimates' };
  }
  for (const [id, status] of Object.entries(b.metrics)) {
    if (!METRIC_STATUSES.includes(status as MetricStatus)) return { problem: `metric ${id} has the unknown status "${String(status)}"` };
  }
  const sdgs = b.estimates.sdgs && typeof b.estimates.sdgs === 'object' ? b.estimates.sdgs : {};
  if (Object.values(sdgs).some((v) => typeof v !== 'number') || (b.estimates.overall !== null && typeof b.estimates.overall !== 'number')) {
    return { problem: 'its estimates are not numbers' };
  }
  const values: ValueSnapshot = b.values && typeof b.values === 'object' ? { facts: b.values.facts ?? {}, values: Array.isArray(b.values.values) ? b.values.values : [] } : { facts: {}, values: [] };
  return { value: { ...(b as Baseline), estimates: { overall: b.estimates.overall ?? null, sdgs }, values } };
}

/**
 * The baseline as JSON, one figure per line: a pack has hundreds of figures, and a line each keeps the
 * committed file short and its diffs readable. Key order is fixed, so the same state gives the same bytes.
 */
export function baselineText(b: Baseline): string {
  const { values, ...rest } = b;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  const facts = Object.entries(values.facts).map(([name, fact]) => `      ${JSON.stringify(name)}: ${JSON.stringify(fact)}`);
  const figures = values.values.map((v) => `      ${JSON.stringify(v)}`);
  const block = (lines: string[], open: string, close: string) => (lines.length === 0 ? `${open}${close}` : `${open}\n${lines.join(',\n')}\n    ${close}`);
  return `${head},\n  "values": {\n    "facts": ${block(facts, '{', '}')},\n    "values": ${block(figures, '[', ']')}\n  }\n}\n`;
}

function label(s: MetricStatus): string {
  return s.replace(/_/g, ' ');
}
