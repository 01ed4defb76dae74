import { analysePack, type GapReport } from '../../src/analyse/gaps';
import type { MetricGap } from '../../src/analyse/metric-gap';
import { resolveConfig } from '../../src/config/resolve';
import { listEditions, loadCatalogue } from '../../src/criteria/load';
import type { Catalogue } from '../../src/criteria/types';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import type { FileIndex } from '../../src/files/resolve';
import { parseItem, type ParsedItem } from '../../src/parse/item';
import { locate, type DataPath } from '../../src/parse/yaml-source';

/** Items and settings for judging THE's rules edition by edition, without a pack on disk. */

export function edition(e: string): Catalogue {
  const c = loadCatalogue(e).value;
  if (!c) throw new Error(`no catalogue ${e}`);
  return c;
}

export function settingsFor(e: string, submit = '[17, 4, 7, 13, 16]') {
  const year = Number(e) - 2;
  const settings = resolveConfig(`institution:\n  name: Rule University\nedition: "${e}"\ndata_year: ${year}\nsubmit: ${submit}\nbuild_date: "${year + 1}-11-01"\n`, listEditions(), {}, new Date(`${year + 1}-11-01T00:00:00Z`)).value;
  if (!settings) throw new Error('settings did not resolve');
  return settings;
}

export function parsed(file: string, lines: string[]): ParsedItem {
  const p = parseItem(file, `${lines.join('\n')}\n`).value;
  if (!p) throw new Error(`${file} did not parse`);
  return p;
}

/** A finding of a check on an item's field, as validate would report it. */
export function finding(code: string, p: ParsedItem, path: DataPath): Diagnostic {
  return { code, severity: 'warning', message: code, file: p.file, ...locate(p.source, path), itemId: String(p.item.id), source: 'rule' };
}

/** Supporting files resolved as the pack's `supporting_files` say (the analysis reads only `byItem`). */
export function filesOf(items: ParsedItem[]): FileIndex {
  const byItem = new Map(items.map((p) => [String(p.item.id), Array.isArray(p.item.supporting_files) ? p.item.supporting_files : []]));
  return { files: [], byItem, roots: ['files'], orphans: [], duplicates: [], hashing: { hashed: 0, reused: 0, bytes: 0 } } as unknown as FileIndex;
}

/** An activity item with everything THE credits in `year` (period, file, a page showing it, specific, primary); `extra` replaces keys. */
export function activity(id: string, metric: string, year: number, extra: Record<string, string | null> = {}): ParsedItem {
  const fields: Record<string, string | null> = {
    id,
    sdg: metric.split('.')[0],
    metric: `"${metric}"`,
    kind: 'practice',
    title: `Item ${id}`,
    narrative: 'What the university did.',
    period: `{ start: "${year}-01-01", end: "${year}-12-31" }`,
    supporting_files: `[files/${id}.pdf]`,
    public_urls: `["https://www.example.edu/sdg/${id}-report"]`,
    relevance: 'specific',
    primary: 'true',
    status: 'draft',
    ...extra,
  };
  return parsed(`items/${id}.yaml`, Object.entries(fields).flatMap(([k, v]) => (v === null ? [] : [`${k}: ${v}`])));
}

export function judge(e: string, items: ParsedItem[], findings: Diagnostic[] = []): GapReport {
  return analysePack(edition(e), settingsFor(e), items, filesOf(items), findings).value;
}

export function gapOf(report: GapReport, metric: string): MetricGap {
  const m = report.sdgs.flatMap((s) => s.metrics).find((x) => x.metric === metric);
  if (!m) throw new Error(`no metric ${metric}`);
  return m;
}

