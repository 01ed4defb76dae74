/**
 * The layout of THE's data-collection support workbook ("Impact 2027 – data collection support v1.xlsx"), as
 * impact-pack writes and reads it. THE's own columns come first, named exactly; impact-pack's columns follow to
 * the right, so that a sheet goes back into YAML items without loss. See docs/workbook.md.
 */

/** THE's columns of an SDG sheet, in THE's order (row 2 of each SDG sheet). */
export const THE_COLUMNS = [
  'Type',
  'Metric and indicator reference',
  'Metric',
  'Value (for continuous data)',
  'Yes/No',
  'Evidence1',
  'Public (Yes/No)',
] as const;

/** impact-pack's own columns, to the right of THE's: what a round trip to YAML needs. */
export const EXTRA_COLUMNS = [
  'Item id',
  'Title',
  'Description',
  'Period start',
  'Period end',
  'Policy created',
  'Policy last reviewed',
  'Relevance',
  'Primary (Yes/No)',
  'Value name',
  'Unit',
  'Basis',
  'Scope',
] as const;

export const SHEET_COLUMNS = [...THE_COLUMNS, ...EXTRA_COLUMNS] as const;
export type Column = (typeof SHEET_COLUMNS)[number];

/** The CSV form puts every SDG in one file, so it starts with the SDG (1-17) of each row. */
export const CSV_SDG_COLUMN = 'SDG';

/** THE's columns of the summary sheet (row 1). */
export const SUMMARY_COLUMNS = ['reference', 'Metric/Indicator', 'Question format', 'Evidence Required', 'Policy dates required'] as const;

export const SUMMARY_SHEET = 'summary';

/** Values of the Type column. THE's file was not seen; these labels are impact-pack's own. */
export const ROW_TYPE = {
  /** A metric (a group of indicators, e.g. 6.2): a heading row without answers. */
  metric: 'Metric',
  /** An indicator (e.g. 6.2.1): one row per item, or one empty row when the pack has none. */
  indicator: 'Indicator',
  /** A named value of a numeric indicator (e.g. water used), under the indicator's row. */
  value: 'Value',
} as const;

/** Sheet name of an SDG, as in THE's file: SDG1 … SDG17. */
export function sheetName(sdg: number): string {
  return `SDG${sdg}`;
}

/** "SDG6: Clean Water and Sanitation", THE's title in row 1. */
export function sheetTitle(sdg: number, title: string): string {
  return `${sheetName(sdg)}: ${title}`;
}

/**
 * One cell as the mapping produces or reads it, independent of the file format. Numbers, dates and
 * percentages keep their types, so that a spreadsheet sorts and sums them.
 */
export type Cell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  /** A percentage: `value` as written in the pack (44.5 for 44.5 %); the xlsx stores 0.445 formatted as %. */
  | { kind: 'percent'; value: number }
  /** A full date, YYYY-MM-DD. */
  | { kind: 'date'; iso: string };

export type Row = Partial<Record<Column, Cell>>;

export interface SdgSheet {
  sdg: number;
  name: string;
  title: string;
  rows: Row[];
}

export interface SummaryRow {
  /** A section heading ("SDG6: Clean Water and Sanitation") has only the Metric/Indicator text. */
  reference: string;
  text: string;
  questionFormat: string;
  evidenceRequired: string;
  policyDatesRequired: string;
}

/** What export writes, before it becomes xlsx or csv bytes. */
export interface WorkbookModel {
  sheets: SdgSheet[];
  summary: SummaryRow[];
  /** Document properties: the pack's build date, so that the same pack gives the same bytes. */
  date: Date;
  title: string;
}

export const text = (t: string): Cell => ({ kind: 'text', text: t });

/** The text of a cell as a coordinator reads it (for CSV and for comparisons). */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'percent':
      return `${cell.value}%`;
    case 'date':
      return cell.iso;
  }
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * Text that a spreadsheet would take for a formula when typed or imported as CSV: = + - @, tab and carriage
 * return at the start (OWASP's list for CSV injection).
 */
export function looksLikeFormula(t: string): boolean {
  return /^[=+\-@\t\r]/.test(t);
}

/** Lowercase, single spaces: how headings and answers are compared ("Value\n(for continuous data)" matches). */
export function normaliseLabel(t: string): string {
  return t.replace(/\s+/g, ' ').trim().toLowerCase();
}
