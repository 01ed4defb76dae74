import { isMap, isScalar, type Document, type Node } from 'yaml';
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import type { EvidenceItem } from '../model/item';
import { locate, parseYamlDocument, type DataPath, type YamlSource } from './yaml-source';

/** An evidence file after parsing: its data, and the source needed to point at any field. */
export interface ParsedItem {
  file: string;
  source: YamlSource;
  /** The data, normalised (metric ids and years as text). Fields may still be invalid until validated. */
  item: EvidenceItem;
}

/**
 * Parses one evidence file. YAML problems are diagnostics; a metric id that YAML turned into a number
 * is restored from the source text so the remaining checks see what the coordinator meant.
 */
export function parseItem(file: string, text: string): StageResult<ParsedItem | undefined> {
  const parsed = parseYamlDocument(file, text);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  if (!parsed.value || parsed.value.source.data === undefined) return { value: undefined, diagnostics };
  const { source, doc } = parsed.value;
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    diagnostics.push(
      diagnostic('YAML_NOT_A_MAP', 'An evidence file must hold one item written as `key: value` lines.', { file, ...locate(source, []) }),
    );
    return { value: undefined, diagnostics };
  }
  const data = source.data as Record<string, unknown>;

  const metricNode = topLevelValue(doc, 'metric');
  if (isScalar(metricNode) && typeof metricNode.value === 'number') {
    const written = metricNode.source ?? String(metricNode.value);
    const read = String(metricNode.value);
    diagnostics.push(
      diagnostic(
        'METRIC_NOT_STRING',
        written === read
          ? `Metric ${written} is written without quotes; write metric: "${written}".`
          : `Metric ${written} is written without quotes, so YAML reads it as the number ${read}; write metric: "${written}".`,
        { file, ...locate(source, ['metric']) },
      ),
    );
    data.metric = written;
  }
  // Years written without quotes (created: 2019) are numbers in YAML; the item model keeps dates as text.
  normaliseToText(data, ['policy', 'created']);
  normaliseToText(data, ['policy', 'last_reviewed']);
  normaliseToText(data, ['policy', 'next_review']);
  if (Array.isArray(data.provenance)) {
    data.provenance.forEach((_, i) => normaliseToText(data, ['provenance', i, 'lines']));
  }
  return { value: { file, source, item: data as unknown as EvidenceItem }, diagnostics };
}

/** The value node of a top-level field; the first one when the key is written twice, as positions take it. */
function topLevelValue(doc: Document.Parsed, name: string): Node | undefined {
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && String(p.key.value) === name);
  return (pair?.value ?? undefined) as Node | undefined;
}

function normaliseToText(data: Record<string, unknown>, path: DataPath): void {
  let parent: unknown = data;
  for (const segment of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return;
    parent = (parent as Record<string | number, unknown>)[segment];
  }
  if (parent === null || typeof parent !== 'object') return;
  const last = path[path.length - 1];
  const value = (parent as Record<string | number, unknown>)[last];
  if (typeof value === 'number' && Number.isInteger(value)) (parent as Record<string | number, unknown>)[last] = String(value);
}
