import type { Diagnostic, StageResult } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import { readCsv, writeCsv } from './csv';
import type { Grid, GridCell } from './grid';
import { CSV_SDG_COLUMN, SHEET_COLUMNS, columnLetter, looksLikeFormula, type Cell, type WorkbookModel } from './layout';

/**
 * The workbook as one CSV file: a header row (SDG, then the columns of an SDG sheet), then every SDG sheet's rows
 * in order, each with its SDG number. One file rather than seventeen, so that `--out FILE` names all of it and a
 * department sends back one file; the summary sheet is left out (it is the catalogue, not the pack).
 * Text a spreadsheet would take for a formula gets an apostrophe in front, which import removes.
 */
export function workbookToCsv(model: WorkbookModel): string {
  const rows: string[][] = [[CSV_SDG_COLUMN, ...SHEET_COLUMNS]];
  for (const sheet of model.sheets) {
    for (const row of sheet.rows) rows.push([String(sheet.sdg), ...SHEET_COLUMNS.map((c) => csvField(row[c]))]);
  }
  return writeCsv(rows);
}

function csvField(cell: Cell | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text':
      return looksLikeFormula(cell.text) ? `'${cell.text}` : cell.text;
    case 'number':
      return String(cell.value);
    case 'percent':
      return `${cell.value}%`;
    case 'date':
      return cell.iso;
  }
}

/** Rows a CSV file may have: far more than any data-collection sheet, far fewer than would exhaust memory. */
export const CSV_MAX_ROWS = 50_000;

/** A CSV file as one grid of text cells. */
export function csvToGrid(file: string, text: string): StageResult<Grid | undefined> {
  const diagnostics: Diagnostic[] = [];
  const read = readCsv(text);
  if (read.unterminatedAt) {
    const { row, column } = read.unterminatedAt;
    diagnostics.push(
      diagnostic('WORKBOOK_UNREADABLE', 'A quoted field starts here and never ends (a " without its closing quote).', { file, cell: `${columnLetter(column)}${row}` }),
    );
    return { value: undefined, diagnostics };
  }
  if (read.rows.length > CSV_MAX_ROWS) {
    diagnostics.push(diagnostic('WORKBOOK_TOO_LARGE', `${file} has ${read.rows.length} rows, more than impact-pack reads (${CSV_MAX_ROWS}).`, { file }));
    return { value: undefined, diagnostics };
  }
  const rows = read.rows.map((r) =>
    r.map((t): GridCell | undefined => {
      if (t.trim() === '') return undefined;
      // The apostrophe that export puts before formula-like text is not part of the text.
      const unprefixed = t.startsWith("'") && looksLikeFormula(t.slice(1)) ? t.slice(1) : t;
      return t.startsWith('=') ? { formula: t.slice(1), value: { kind: 'text', text: t } } : { value: { kind: 'text', text: unprefixed } };
    }),
  );
  return { value: { rows, csv: true }, diagnostics };
}
