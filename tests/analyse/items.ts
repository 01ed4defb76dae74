import { loadCatalogue } from '../../src/criteria/load';
import { findMetric } from '../../src/criteria/lookup';
import type { Catalogue, Metric } from '../../src/criteria/types';
import { parseItem, type ParsedItem } from '../../src/parse/item';

/** The 2022 catalogue, as the analysis sees it. */
export function catalogue(): Catalogue {
  const c = loadCatalogue('2022').value;
  if (!c) throw new Error('the 2022 catalogue did not load');
  return c;
}

export function metric(id: string): Metric {
  const m = findMetric(catalogue(), id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
}

/** An evidence item parsed from YAML lines, as loadPack would give it. */
export function item(file: string, lines: string[]): ParsedItem {
  const parsed = parseItem(file, `${lines.join('\n')}\n`);
  if (!parsed.value) throw new Error(`${file} did not parse: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.value;
}

/** A policy item for 7.2.1 with everything THE credits; tests take fields away. */
export function fullPolicy(extra: string[] = [], drop: string[] = []): ParsedItem {
  const lines = [
    'id: energy-policy',
    'sdg: 7',
    'metric: "7.2.1"',
    'kind: policy',
    'title: Energy policy',
    'narrative: The board adopted it.',
    'policy: { created: "2018", last_reviewed: "2020-06" }',
    'public_urls: ["https://www.example.edu/energy"]',
    'supporting_files: [files/energy.pdf]',
    'owner: Estates office',
    'status: in_review',
  ].filter((l) => !drop.some((d) => l.startsWith(`${d}:`)));
  return item('items/energy-policy.yaml', [...lines, ...extra]);
}
