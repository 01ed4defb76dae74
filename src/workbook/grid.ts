import type { Cell } from './layout';

/**
 * A sheet as read from a file, before it means anything: cells by row and column (1-based, as a spreadsheet
 * numbers them), each with what the file stored. The import mapping reads only this, whatever the format.
 */
export interface GridCell {
  /** The value; for a formula, the result the spreadsheet saved with the file (never computed here). */
  value?: Cell;
  /** The formula's text when the cell holds one. */
  formula?: string;
  /** An error value shown by the spreadsheet (#N/A, #REF! …). */
  error?: string;
}

export interface Grid {
  /** The sheet's name; undefined for a CSV file, whose cells are named without a sheet (F12). */
  sheet?: string;
  /** rows[r - 1][c - 1] is the cell at row r, column c. */
  rows: (GridCell | undefined)[][];
  /** A CSV export prefixes formula-like text with an apostrophe, which reading removes. */
  csv?: boolean;
}
