import { pointRuleFor } from '../criteria/lookup';
import type { Catalogue, Metric, NamedValue } from '../criteria/types';
import { compareText } from '../diagnostics/make';
import type { EvidenceItem } from '../model/item';
import {
  ROW_TYPE,
  sheetName,
  sheetTitle,
  text,
  type Cell,
  type Row,
  type SdgSheet,
  type SummaryRow,
  type WorkbookModel,
} from './layout';

export interface ExportInput {
  catalogue: Catalogue;
  /** The pack's items in file order; items of unknown or bibliometric metrics are left out (and counted). */
  items: EvidenceItem[];
  buildDate: Date;
  institution: string;
}

export interface ExportResult {
  workbook: WorkbookModel;
  /** Items that have no row: their metric is not an indicator of the edition that takes answers. */
  skipped: EvidenceItem[];
}

/**
 * The pack as THE's data-collection workbook: one sheet per SDG in catalogue order, a metric heading row per
 * metric, then per indicator one row per item (the primary item first) or one empty row when there is none,
 * and under each numeric indicator one row per named value. Pure: no file is read or written.
 */
export function packToRows(input: ExportInput): ExportResult {
  const { catalogue } = input;
  const byMetric = new Map<string, EvidenceItem[]>();
  const placed = new Set<EvidenceItem>();
  for (const item of input.items) {
    if (typeof item?.metric !== 'string') continue;
    const list = byMetric.get(item.metric) ?? [];
    list.push(item);
    byMetric.set(item.metric, list);
  }
  const sheets: SdgSheet[] = [];
  const summary: SummaryRow[] = [];
  for (const sdg of catalogue.sdgs) {
    const rows: Row[] = [];
    summary.push({ reference: '', text: sheetTitle(sdg.number, sdg.title), questionFormat: '', evidenceRequired: '', policyDatesRequired: '' });
    for (const group of sdg.groups) {
      const answerable = group.metrics.filter((m) => m.kind !== 'bibliometric');
      if (answerable.length === 0) continue;
      rows.push({ Type: text(ROW_TYPE.metric), 'Metric and indicator reference': text(group.id), Metric: text(group.title) });
      for (const metric of answerable) {
        summary.push(summaryRow(catalogue, metric));
        const items = primaryFirst(byMetric.get(metric.id) ?? []);
        if (items.length === 0) rows.push(...emptyIndicator(metric));
        for (const item of items) {
          rows.push(...itemRows(metric, item));
          placed.add(item);
        }
      }
    }
    sheets.push({ sdg: sdg.number, name: sheetName(sdg.number), title: sheetTitle(sdg.number, sdg.title), rows });
  }
  return {
    workbook: { sheets, summary, date: input.buildDate, title: `${input.institution}: ${catalogue.product ?? catalogue.title} data collection` },
    skipped: input.items.filter((item) => !placed.has(item)),
  };
}

/**
 * The item marked primary comes first (THE reads the first evidence), the others by id: an order that does not
 * depend on file names, so that items imported into other files export in the same order.
 */
function primaryFirst(items: EvidenceItem[]): EvidenceItem[] {
  const byId = (a: EvidenceItem, b: EvidenceItem) => compareText(String(a.id), String(b.id));
  return [...items.filter((i) => i.primary === true).sort(byId), ...items.filter((i) => i.primary !== true).sort(byId)];
}

function indicatorLabel(metric: Metric): Cell {
  return text(metric.definition ? `${metric.title}\n${metric.definition}` : metric.title);
}

function emptyIndicator(metric: Metric): Row[] {
  const rows: Row[] = [{ Type: text(ROW_TYPE.indicator), 'Metric and indicator reference': text(metric.id), Metric: indicatorLabel(metric) }];
  for (const nv of metric.values ?? []) rows.push(valueRow(metric, nv.name, nv, undefined));
  return rows;
}

function itemRows(metric: Metric, item: EvidenceItem): Row[] {
  const row: Row = {
    Type: text(ROW_TYPE.indicator),
    'Metric and indicator reference': text(metric.id),
    Metric: indicatorLabel(metric),
  };
  set(row, 'Yes/No', statement(metric, item));
  const evidence = primaryEvidence(item);
  if (evidence) {
    row.Evidence1 = text(evidence.target);
    row['Public (Yes/No)'] = text(evidence.isUrl && item.confidential !== true ? 'Yes' : 'No');
  }
  set(row, 'Item id', typeof item.id === 'string' ? item.id : '');
  set(row, 'Title', typeof item.title === 'string' ? item.title : '');
  set(row, 'Description', description(item));
  row['Period start'] = dateCell(item.period?.start);
  row['Period end'] = dateCell(item.period?.end);
  row['Policy created'] = dateCell(item.policy?.created);
  row['Policy last reviewed'] = dateCell(item.policy?.last_reviewed);
  set(row, 'Relevance', typeof item.relevance === 'string' ? item.relevance : '');
  if (item.primary === true) row['Primary (Yes/No)'] = text('Yes');
  for (const key of Object.keys(row) as (keyof Row)[]) if (row[key] === undefined) delete row[key];

  const rows = [row];
  const values = isRecord(item.values) ? item.values : {};
  // The indicator's named values in catalogue order (empty when the item lacks one), then the item's own figures.
  const named = metric.values ?? [];
  for (const nv of named) rows.push(valueRow(metric, nv.name, nv, values[nv.name]));
  for (const [name, v] of Object.entries(values)) if (!named.some((nv) => nv.name === name)) rows.push(valueRow(metric, name, undefined, v));
  return rows;
}

function valueRow(metric: Metric, name: string, nv: NamedValue | undefined, v: unknown): Row {
  const row: Row = {
    Type: text(ROW_TYPE.value),
    'Metric and indicator reference': text(metric.id),
    Metric: text(nv?.title ?? name),
    'Value name': text(name),
  };
  const given = isRecord(v) ? v : undefined;
  const unit = typeof given?.unit === 'string' ? given.unit : nv?.unit;
  if (unit !== undefined) row.Unit = text(unit);
  if (typeof given?.basis === 'string') row.Basis = text(given.basis);
  if (typeof given?.scope === 'string' && given.scope !== '') row.Scope = text(given.scope);
  if (given && typeof given.value === 'number' && Number.isFinite(given.value)) {
    row['Value (for continuous data)'] = unit === '%' ? { kind: 'percent', value: given.value } : { kind: 'number', value: given.value };
  } else if (given && given.value !== undefined && given.value !== null) {
    row['Value (for continuous data)'] = text(String(given.value));
  }
  return row;
}

/** What the coordinator states: No for an item not pursued, the option(s) chosen, or Yes. */
function statement(metric: Metric, item: EvidenceItem): string {
  if (item.status === 'not_applicable' || item.status === 'not_pursuing') return 'No';
  if (metric.options && metric.options.length > 0) {
    const answers = Array.isArray(item.answer) ? item.answer : item.answer === undefined ? [] : [item.answer];
    return answers.map((a) => metric.options!.find((o) => o.id === a)?.title ?? String(a)).join('; ');
  }
  if (metric.kind === 'numeric') return '';
  return 'Yes';
}

/** The one piece of evidence THE's portal takes: the first public URL, else the first supporting file. */
export function primaryEvidence(item: EvidenceItem): { target: string; isUrl: boolean } | undefined {
  const urls = Array.isArray(item.public_urls) ? item.public_urls : [];
  for (const u of urls) {
    const url = typeof u === 'string' ? u : isRecord(u) && typeof u.url === 'string' ? u.url : undefined;
    if (url) return { target: url, isUrl: true };
  }
  const files = Array.isArray(item.supporting_files) ? item.supporting_files : [];
  const file = files.find((f) => typeof f === 'string');
  return file === undefined ? undefined : { target: file, isUrl: false };
}

function description(item: EvidenceItem): string {
  const notPursued = item.status === 'not_applicable' || item.status === 'not_pursuing';
  const t = notPursued && typeof item.status_reason === 'string' ? item.status_reason : item.narrative;
  return typeof t === 'string' ? t.trimEnd() : '';
}

/** A full date becomes a date cell; a year, a month or "unknown" stays text, since it is not a day. */
function dateCell(value: unknown): Cell | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const t = String(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(`${t}T00:00:00Z`)) ? { kind: 'date', iso: t } : text(t);
}

function set(row: Row, column: keyof Row, value: string): void {
  if (value !== '') row[column] = text(value);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function summaryRow(catalogue: Catalogue, metric: Metric): SummaryRow {
  const rule = metric.questionType ? pointRuleFor(catalogue, metric.questionType) : undefined;
  const asksEvidence = rule?.components.some((c, i) => c.id === 'evidence' || (c.id === undefined && i === 1)) ?? false;
  return {
    reference: metric.id,
    text: metric.title,
    questionFormat: questionFormat(metric),
    // Only what the edition's point rules say; blank where they say nothing (numeric data).
    evidenceRequired: rule ? (asksEvidence ? 'Yes' : 'No') : '',
    policyDatesRequired: metric.kind === 'policy' || metric.questionType === 'policy' ? 'Yes' : 'No',
  };
}

function questionFormat(metric: Metric): string {
  if (metric.kind === 'numeric') return `Numeric: ${(metric.values ?? []).map((v) => `${v.title} (${v.unit})`).join('; ')}`;
  if (metric.options && metric.options.length > 0) {
    return `${metric.multiSelect ? 'Any of' : 'One of'}: ${metric.options.map((o) => o.title).join('; ')}`;
  }
  return 'Yes/No';
}
