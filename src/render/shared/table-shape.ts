import type { Table, TableCell } from '../ir/types';

/**
 * A table made rectangular: every row and the header have exactly `widths.length` cells, and every width is a
 * positive finite number. Shared by the DOCX and HTML writers.
 *
 * Word refuses rows of different lengths only sometimes, LibreOffice draws them ragged, and a browser shifts the
 * columns; writing a rectangle everywhere keeps the three formats showing the same table. What had to be repaired
 * is listed in `problems` so the writer can report the template that produced it.
 */
export interface TableShape {
  widths: number[];
  header?: TableCell[];
  rows: TableCell[][];
  problems: string[];
}

const EMPTY_CELL: TableCell = { children: [] };

function isUsableWidth(width: number): boolean {
  return Number.isFinite(width) && width > 0;
}

function padRow(cells: TableCell[], columns: number): TableCell[] {
  return cells.length >= columns ? cells : [...cells, ...Array.from({ length: columns - cells.length }, () => EMPTY_CELL)];
}

export function normaliseTableShape(table: Table): TableShape {
  const problems: string[] = [];
  const rowLengths = table.rows.map((row) => row.length);
  const columns = Math.max(table.widths.length, table.header?.length ?? 0, ...rowLengths, 1);

  if (table.widths.length !== columns) {
    problems.push(`the table declares ${table.widths.length} column width(s) but has ${columns} column(s)`);
  }
  const invalid = table.widths.filter((width) => !isUsableWidth(width));
  if (invalid.length > 0) problems.push(`column widths must be positive numbers, got ${invalid.join(', ')}`);

  // A missing or unusable width takes the average of the usable ones, so one bad value does not squash a column.
  const usable = table.widths.filter(isUsableWidth);
  const fallback = usable.length > 0 ? usable.reduce((sum, width) => sum + width, 0) / usable.length : 1;
  const widths = Array.from({ length: columns }, (_, index) => {
    const width = table.widths[index];
    return width !== undefined && isUsableWidth(width) ? width : fallback;
  });

  if (table.header && table.header.length < columns) {
    problems.push(`the header row has ${table.header.length} cell(s) for ${columns} column(s)`);
  }
  if (table.rows.length === 0 && !table.header) problems.push('the table has no rows and is left out');
  table.rows.forEach((row, index) => {
    if (row.length < columns) problems.push(`row ${index + 1} has ${row.length} cell(s) for ${columns} column(s)`);
  });

  return {
    widths,
    header: table.header ? padRow(table.header, columns) : undefined,
    rows: table.rows.map((row) => padRow(row, columns)),
    problems,
  };
}
