import ExcelJS from 'exceljs';
import { SHEET_COLUMNS, SUMMARY_COLUMNS, SUMMARY_SHEET, looksLikeFormula, type Cell, type WorkbookModel } from './layout';
import { withFixedTimestamps } from './zip-directory';

/** Column widths in characters, so that the sheet is readable when opened; THE's columns first. */
const WIDTHS: Record<string, number> = {
  Type: 11,
  'Metric and indicator reference': 14,
  Metric: 60,
  'Value (for continuous data)': 16,
  'Yes/No': 22,
  Evidence1: 45,
  'Public (Yes/No)': 10,
  Description: 60,
  Title: 40,
};

/**
 * The workbook as xlsx bytes (exceljs). Deterministic: the document properties carry the pack's build date, and
 * the zip entries' times are set to it as well. Text is always a text cell, never a formula, and text that a
 * spreadsheet would read as a formula when retyped (= + - @ …) gets the text number format too.
 */
export async function writeXlsx(model: WorkbookModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'impact-pack';
  wb.lastModifiedBy = 'impact-pack';
  wb.created = model.date;
  wb.modified = model.date;
  wb.title = model.title;

  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.columns = SHEET_COLUMNS.map((c) => ({ width: WIDTHS[c] ?? 16 }));
    const title = ws.getCell(1, 1);
    title.value = sheet.title;
    title.font = { bold: true, size: 14 };
    SHEET_COLUMNS.forEach((name, i) => {
      const cell = ws.getCell(2, i + 1);
      cell.value = name;
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    sheet.rows.forEach((row, r) => {
      SHEET_COLUMNS.forEach((name, c) => {
        const value = row[name];
        if (value) put(ws.getCell(r + 3, c + 1), value);
      });
    });
  }

  const ws = wb.addWorksheet(SUMMARY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 12 }, { width: 60 }, { width: 60 }, { width: 12 }, { width: 12 }];
  SUMMARY_COLUMNS.forEach((name, i) => {
    const cell = ws.getCell(1, i + 1);
    cell.value = name;
    cell.font = { bold: true };
  });
  model.summary.forEach((row, r) => {
    const values = [row.reference, row.text, row.questionFormat, row.evidenceRequired, row.policyDatesRequired];
    values.forEach((v, c) => {
      if (v !== '') put(ws.getCell(r + 2, c + 1), { kind: 'text', text: v });
    });
    if (row.reference === '') ws.getCell(r + 2, 2).font = { bold: true };
  });

  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return withFixedTimestamps(bytes, model.date);
}

function put(cell: ExcelJS.Cell, value: Cell): void {
  switch (value.kind) {
    case 'text':
      cell.value = value.text;
      if (looksLikeFormula(value.text)) cell.numFmt = '@';
      if (value.text.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
      break;
    case 'number':
      cell.value = value.value;
      break;
    case 'percent':
      // Stored as a fraction with a percent format, as a spreadsheet does; read back as the pack's 44.5.
      cell.value = value.value / 100;
      // 37 shows as 37%, 44.5 as 44.5% (the value itself is exact; the format only decides what is shown).
      cell.numFmt = Number.isInteger(value.value) ? '0%' : '0.0##%';
      break;
    case 'date':
      cell.value = new Date(`${value.iso}T00:00:00Z`);
      cell.numFmt = 'yyyy-mm-dd';
      break;
  }
}
