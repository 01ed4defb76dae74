import type { Grid, GridCell } from './grid';
import { CSV_SDG_COLUMN, SHEET_COLUMNS, normaliseLabel, type Column } from './layout';

/**
 * Finding THE's header row in a sheet and which column is which: headings are compared lowercase with spaces and
 * line breaks collapsed, and a few spellings seen in copies of THE's workbook are accepted.
 */
export type HeaderColumn = Column | typeof CSV_SDG_COLUMN;

/** Headings accepted for each column (compared lowercase, spaces collapsed), besides the column's own name. */
const ALIASES: Partial<Record<HeaderColumn, string[]>> = {
  'Metric and indicator reference': ['reference', 'indicator reference', 'metric reference'],
  Metric: ['metric / indicator', 'metric/indicator', 'indicator'],
  'Value (for continuous data)': ['value'],
  Evidence1: ['evidence', 'evidence 1'],
  'Public (Yes/No)': ['public'],
};

/** The header row: the first of the first five rows with a reference column. */
export function findHeader(grid: Grid): { r: number; cells: (GridCell | undefined)[] } | undefined {
  for (let r = 1; r <= Math.min(5, grid.rows.length); r++) {
    const cells = grid.rows[r - 1] ?? [];
    if (cells.some((c) => columnFor(c) === 'Metric and indicator reference')) return { r, cells };
  }
  return undefined;
}

/** Which column a heading names, if any. */
export function columnFor(cell: GridCell | undefined): HeaderColumn | undefined {
  const t = cell?.value?.kind === 'text' ? normaliseLabel(cell.value.text) : undefined;
  if (!t) return undefined;
  if (t === normaliseLabel(CSV_SDG_COLUMN)) return CSV_SDG_COLUMN;
  for (const name of SHEET_COLUMNS) {
    if (normaliseLabel(name) === t || (ALIASES[name] ?? []).includes(t)) return name;
  }
  return undefined;
}
