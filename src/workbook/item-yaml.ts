import { Document, isMap, isSeq, parseDocument, Scalar, type YAMLMap } from 'yaml';
import type { Catalogue, Metric } from '../criteria/types';
import type { ItemKind } from '../model/item';
import type { SheetItem } from './rows-to-items';

/** The kind an imported item gets: what its indicator asks for (as the KIND_MISMATCH check expects). */
export function kindFor(metric: Metric): ItemKind {
  if (metric.kind === 'numeric') return 'numeric';
  if (metric.kind === 'policy' || metric.questionType === 'policy') return 'policy';
  if (metric.questionType === 'measurement') return 'measurement';
  return 'practice';
}

/**
 * The YAML text of a new item from a sheet's rows, with a comment saying where it came from. An item without a
 * description gets an empty narrative, which validate reports, rather than invented text.
 */
export function newItemYaml(item: SheetItem, catalogue: Catalogue, options: { schemaPath: string; source: string }): string {
  const data: Record<string, unknown> = {
    id: item.id,
    sdg: item.sdg,
    metric: item.metric.id,
    kind: kindFor(item.metric),
    title: item.title ?? item.metric.title,
    narrative: item.notPursuedReason ?? item.narrative ?? '',
  };
  if (item.period) data.period = item.period;
  if (item.policy) data.policy = { created: item.policy.created ?? 'unknown', last_reviewed: item.policy.last_reviewed ?? 'unknown' };
  if (item.answer !== undefined) data.answer = item.answer;
  if (item.relevance) data.relevance = item.relevance;
  if (item.primary) data.primary = true;
  if (item.evidence && 'url' in item.evidence) data.public_urls = [item.evidence.url];
  if (item.evidence && 'file' in item.evidence) data.supporting_files = [item.evidence.file];
  if (Object.keys(item.values).length > 0) data.values = item.values;
  data.status = item.notPursuedReason !== undefined ? 'not_pursuing' : 'draft';
  if (item.notPursuedReason !== undefined) data.status_reason = item.notPursuedReason;

  const doc = new Document(data);
  quoteMetric(doc);
  doc.commentBefore = ` yaml-language-server: $schema=${options.schemaPath}\n Imported from ${options.source} (${catalogue.title}).`;
  return doc.toString({ lineWidth: 0 });
}

/**
 * An existing item's text with the fields the sheet gives set, through the yaml Document so that comments and
 * the other fields stay (the Document may respace a comment or a flow list it writes back). Empty cells change
 * nothing, and a sheet that changes nothing returns the text as it was. Returns undefined when the file is not
 * a map of `key: value` lines.
 */
export function updateItemYaml(text: string, item: SheetItem): string | undefined {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const before = JSON.stringify(doc.toJS());
  const set = (path: (string | number)[], value: unknown) => doc.setIn(path, value);
  // The sheet's text has no trailing line break where a YAML block (|) has one: that alone is no change.
  const setText = (path: string[], value: string) => {
    const current = doc.getIn(path);
    if (typeof current !== 'string' || current.trimEnd() !== value.trimEnd()) set(path, value);
  };
  if (item.title !== undefined) setText(['title'], item.title);
  if (item.notPursuedReason !== undefined) {
    set(['status'], 'not_pursuing');
    setText(['status_reason'], item.notPursuedReason);
  } else {
    if (item.narrative !== undefined) setText(['narrative'], item.narrative);
    const status = doc.get('status');
    if (item.pursued && (status === 'not_applicable' || status === 'not_pursuing')) {
      // Answered Yes now: back to draft for the office to review; the reason for not pursuing no longer holds.
      set(['status'], 'draft');
      doc.delete('status_reason');
    }
  }
  if (item.answer !== undefined) set(['answer'], item.answer);
  if (item.period) {
    set(['period', 'start'], item.period.start);
    set(['period', 'end'], item.period.end);
  }
  if (item.policy?.created) set(['policy', 'created'], item.policy.created);
  if (item.policy?.last_reviewed) set(['policy', 'last_reviewed'], item.policy.last_reviewed);
  if (item.relevance) set(['relevance'], item.relevance);
  if (item.primary) set(['primary'], true);
  if (item.evidence) {
    // The sheet's evidence becomes the first of its list (the one THE reads), keeping the others.
    const key = 'url' in item.evidence ? 'public_urls' : 'supporting_files';
    const target = 'url' in item.evidence ? item.evidence.url : item.evidence.file;
    const list = doc.get(key);
    if (!isSeq(list)) set([key], [target]);
    else {
      const at = list.items.findIndex((n) => {
        const v = (n as { toJSON?: () => unknown }).toJSON?.() ?? n;
        return v === target || (typeof v === 'object' && v !== null && (v as { url?: unknown }).url === target);
      });
      if (at !== 0) {
        const node = at > 0 ? list.items.splice(at, 1)[0] : doc.createNode(target);
        list.items.unshift(node);
      }
    }
  }
  for (const [name, v] of Object.entries(item.values)) {
    set(['values', name, 'value'], v.value);
    set(['values', name, 'unit'], v.unit);
    if (v.basis) set(['values', name, 'basis'], v.basis);
    if (v.scope) set(['values', name, 'scope'], v.scope);
  }
  // Nothing to change: the file stays byte for byte (the Document would respace comments and flow lists).
  if (JSON.stringify(doc.toJS()) === before) return text;
  quoteMetric(doc);
  return doc.toString({ lineWidth: 0 });
}

/** Metric ids always in double quotes, as the pack writes them (unquoted, 6.10 would read as 6.1). */
function quoteMetric(doc: Document): void {
  const node = (doc.contents as YAMLMap).get('metric', true);
  if (node instanceof Scalar) node.type = Scalar.QUOTE_DOUBLE;
}
