import { compareMetricIds } from '../criteria/metric-order';
import { findMetric } from '../criteria/lookup';
import type { Catalogue } from '../criteria/types';
import { compareText } from '../diagnostics/make';
import type { FileIndex } from '../files/file-index';
import type { ParsedItem } from '../parse/item';

/**
 * Traceability in both directions: which items and files stand behind each metric, and which items and
 * metrics each file supports. A reviewer who doubts a document finds every claim resting on it; one who
 * doubts a metric finds every document behind it. Pure; exported as JSON and CSV, and shown in the gap report.
 */
export interface Traceability {
  /** Version of this JSON shape, documented in docs/manifest.md. */
  schemaVersion: 1;
  /** Metric → items → files, for every metric an item cites, by SDG and metric id. */
  metrics: MetricTrace[];
  /** File → items → metrics, for every cited file and every orphan, by path. */
  files: FileTrace[];
}

export interface MetricTrace {
  sdg: number;
  metric: string;
  /** The metric's title in the edition's criteria; empty for a metric the criteria do not know. */
  title: string;
  items: { id: string; file: string; status: string; files: string[] }[];
}

export interface FileTrace {
  path: string;
  sha256: string | null;
  size: number;
  /** True for a file under the file folders that no item cites. */
  orphan: boolean;
  items: { id: string; file: string; sdg: number; metric: string }[];
  /** Distinct metric ids, in metric order. */
  metrics: string[];
  /** Distinct SDGs, ascending. */
  sdgs: number[];
}

export function buildTraceability(catalogue: Catalogue, items: readonly ParsedItem[], files: FileIndex): Traceability {
  const byMetric = new Map<string, MetricTrace>();
  for (const p of items) {
    const { sdg, metric, id, status } = p.item;
    if (typeof sdg !== 'number' || typeof metric !== 'string') continue;
    const key = `${sdg}|${metric}`;
    let trace = byMetric.get(key);
    if (!trace) {
      trace = { sdg, metric, title: findMetric(catalogue, metric)?.title ?? '', items: [] };
      byMetric.set(key, trace);
    }
    const itemId = typeof id === 'string' ? id : p.file;
    trace.items.push({ id: itemId, file: p.file, status: typeof status === 'string' ? status : '', files: [...(files.byItem.get(itemId) ?? [])] });
  }
  const metrics = [...byMetric.values()].sort((a, b) => a.sdg - b.sdg || compareMetricIds(a.metric, b.metric));
  for (const m of metrics) m.items.sort((a, b) => compareText(a.id, b.id) || compareText(a.file, b.file));

  const cited: FileTrace[] = files.files.map((f) => ({
    path: f.path,
    sha256: f.sha256,
    size: f.size,
    orphan: false,
    items: f.citedBy.map((c) => ({ id: c.itemId, file: c.file, sdg: c.sdg, metric: c.metric })).sort((a, b) => compareText(a.id, b.id)),
    metrics: [...new Set(f.citedBy.map((c) => c.metric))].sort(compareMetricIds),
    sdgs: [...new Set(f.citedBy.map((c) => c.sdg))].sort((a, b) => a - b),
  }));
  const orphans: FileTrace[] = files.orphans.map((o) => ({ path: o.path, sha256: null, size: o.size, orphan: true, items: [], metrics: [], sdgs: [] }));
  return { schemaVersion: 1, metrics, files: [...cited, ...orphans].sort((a, b) => compareText(a.path, b.path)) };
}
