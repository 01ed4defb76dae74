import ExcelJS from 'exceljs';
import { loadCatalogue } from '../../src/criteria/load';
import type { Catalogue } from '../../src/criteria/types';
import { formatHuman } from '../../src/diagnostics/format-human';
import { formatJson } from '../../src/diagnostics/format-json';
import { SHEET_COLUMNS, type Column } from '../../src/workbook/layout';
import { readXlsx } from '../../src/workbook/read-xlsx';
import { rowsToItems } from '../../src/workbook/rows-to-items';
import { csvToGrid } from '../../src/workbook/workbook-csv';
import { readZipDirectory } from '../../src/workbook/zip-directory';

const catalogue = loadCatalogue('2026').value as Catalogue;

type RowSpec = Partial<Record<Column, unknown>>;

/** An xlsx in THE's layout: title in row 1, headings in row 2, the given rows from row 3. */
async function theWorkbook(rows: RowSpec[], sheet = 'SDG6', extraSheets: Record<string, unknown[][]> = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.getCell(1, 1).value = `${sheet}: title`;
  SHEET_COLUMNS.forEach((c, i) => (ws.getCell(2, i + 1).value = c));
  rows.forEach((row, r) => {
    for (const [col, value] of Object.entries(row)) {
      const cell = ws.getCell(r + 3, SHEET_COLUMNS.indexOf(col as Column) + 1);
      cell.value = value as ExcelJS.CellValue;
      if (typeof value === 'object' && value !== null && 'numFmt' in value) {
        const formatted = value as unknown as { v: ExcelJS.CellValue; numFmt: string };
        cell.value = formatted.v;
        cell.numFmt = formatted.numFmt;
      }
    }
  });
  for (const [name, cells] of Object.entries(extraSheets)) {
    const other = wb.addWorksheet(name);
    cells.forEach((row, r) => row.forEach((v, c) => (other.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function importXlsx(bytes: Buffer) {
  const read = await readXlsx('workbook.xlsx', bytes);
  const mapped = rowsToItems(read.value, { catalogue, file: 'workbook.xlsx', existingIds: new Set(['sdg06-taken']) });
  return { items: mapped.value, diagnostics: [...read.diagnostics, ...mapped.diagnostics] };
}

const where = (list: { code: string; cell?: string; severity: string }[]) => list.map((d) => `${d.code}@${d.cell ?? ''}:${d.severity}`);
/** The problems a case is about: most rows here have no Description, which is a warning of its own (tested below). */
const problems = (list: { code: string; cell?: string; severity: string }[]) => where(list.filter((d) => d.code !== 'WORKBOOK_DESCRIPTION_MISSING'));

const ref = (id: string) => ({ Type: 'Indicator', 'Metric and indicator reference': id });

describe('every problem in a sheet is a diagnostic at its sheet and cell', () => {
  test.each<[string, RowSpec[], string[]]>([
    ['an unknown indicator', [{ ...ref('6.9.9'), 'Yes/No': 'Yes' }], ['WORKBOOK_METRIC_UNKNOWN@SDG6!B3:error']],
    ['a metric (group) where an indicator is meant', [{ ...ref('6.2'), 'Yes/No': 'Yes' }], ['WORKBOOK_METRIC_UNKNOWN@SDG6!B3:error']],
    ['a reference typed as a number (6.10 read as 6.1)', [{ ...ref('x'), 'Metric and indicator reference': 6.1, 'Yes/No': 'Yes' }], ['WORKBOOK_METRIC_UNKNOWN@SDG6!B3:error']],
    ['an indicator of another SDG', [{ ...ref('7.2.1'), 'Yes/No': 'Yes' }], ['WORKBOOK_METRIC_WRONG_SHEET@SDG6!B3:error']],
    ['a research indicator', [{ ...ref('6.1.1'), 'Yes/No': 'Yes' }], ['WORKBOOK_NOT_ANSWERABLE@SDG6!B3:error']],
    ['an answer that is not an option', [{ ...ref('6.2.1'), 'Yes/No': 'Sometimes' }], ['WORKBOOK_ANSWER_UNKNOWN@SDG6!E3:error']],
    ['two answers to a one-answer question', [{ ...ref('6.2.1'), 'Yes/No': 'whole_university; part_of_university' }], ['WORKBOOK_ANSWER_UNKNOWN@SDG6!E3:error']],
    ['a Yes/No cell with neither', [{ ...ref('6.3.1'), 'Yes/No': 'Maybe' }], ['WORKBOOK_YES_NO@SDG6!E3:error']],
    ['a Public cell with neither', [{ ...ref('6.3.1'), 'Yes/No': 'Yes', Evidence1: 'https://example.edu/a', 'Public (Yes/No)': 'Partly' }], ['WORKBOOK_YES_NO@SDG6!G3:error']],
    ['a No without its reason', [{ ...ref('6.3.1'), 'Yes/No': 'No' }], ['WORKBOOK_REASON_MISSING@SDG6!J3:error']],
    ['a value that is not a number', [{ Type: 'Value', 'Metric and indicator reference': '6.2.2', 'Value name': 'water_used_m3', 'Value (for continuous data)': '12 390,5' }], ['WORKBOOK_NOT_A_NUMBER@SDG6!D3:error']],
    ['a value row naming no value of the indicator', [{ Type: 'Value', 'Metric and indicator reference': '6.2.2', Metric: 'Rainfall', 'Value (for continuous data)': 3 }], ['WORKBOOK_VALUE_UNKNOWN@SDG6!C3:error']],
    ['a value on a Yes/No indicator', [{ ...ref('6.3.1'), 'Yes/No': 'Yes', 'Value (for continuous data)': 5 }], ['WORKBOOK_VALUE_UNEXPECTED@SDG6!D3:error']],
    ['a policy date written day/month/year', [{ ...ref('6.4.1'), 'Yes/No': 'Yes', 'Policy created': '30/03/2022' }], ['WORKBOOK_DATE_INVALID@SDG6!M3:error']],
    ['a period without its end', [{ ...ref('6.3.1'), 'Yes/No': 'Yes', 'Period start': '2024-01-01' }], ['WORKBOOK_DATE_INVALID@SDG6!L3:error']],
    ['a period start that is not a day', [{ ...ref('6.3.1'), 'Yes/No': 'Yes', 'Period start': '2024-02-30', 'Period end': '2024-12-31' }], ['WORKBOOK_DATE_INVALID@SDG6!K3:error']],
    ['a javascript: evidence', [{ ...ref('6.3.1'), 'Yes/No': 'Yes', Evidence1: 'javascript:alert(1)' }], ['WORKBOOK_EVIDENCE_INVALID@SDG6!F3:error']],
    ['an evidence path leaving the pack', [{ ...ref('6.3.1'), 'Yes/No': 'Yes', Evidence1: 'files/../../etc/passwd' }], ['WORKBOOK_EVIDENCE_INVALID@SDG6!F3:error']],
    ['an absolute evidence path', [{ ...ref('6.3.1'), 'Yes/No': 'Yes', Evidence1: '/etc/passwd' }], ['WORKBOOK_EVIDENCE_INVALID@SDG6!F3:error']],
    ['a web address said not to be public', [{ ...ref('6.3.1'), 'Yes/No': 'Yes', Evidence1: 'https://example.edu/a', 'Public (Yes/No)': 'No' }], ['WORKBOOK_PUBLIC_MISMATCH@SDG6!G3:warning']],
    ['a basis that is neither fte nor headcount', [{ Type: 'Value', 'Metric and indicator reference': '6.2.2', 'Value name': 'students_fte', 'Value (for continuous data)': 10, Basis: 'students' }], ['WORKBOOK_TEXT_INVALID@SDG6!S3:error']],
    ['a relevance that is neither specific nor general', [{ ...ref('6.3.1'), 'Yes/No': 'Yes', Relevance: 'high' }], ['WORKBOOK_TEXT_INVALID@SDG6!O3:error']],
    ['an invalid item id', [{ ...ref('6.3.1'), 'Yes/No': 'Yes', 'Item id': 'Bad Id' }], ['WORKBOOK_ID_INVALID@SDG6!H3:error']],
    ['an id used twice', [{ ...ref('6.3.1'), 'Yes/No': 'Yes', 'Item id': 'sdg06-a' }, { ...ref('6.3.2'), 'Yes/No': 'Yes', 'Item id': 'sdg06-a' }], ['WORKBOOK_ID_DUPLICATE@SDG6!H4:error']],
    ['an answer without a reference', [{ Type: 'Indicator', 'Yes/No': 'Yes' }], ['WORKBOOK_REFERENCE_MISSING@SDG6!B3:error']],
    ['a formula with a saved result (used, never computed)', [{ ...ref('6.3.1'), 'Yes/No': { formula: 'IF(1,"Yes","No")', result: 'Yes' } }], ['WORKBOOK_FORMULA@SDG6!E3:warning']],
    ['a formula showing an error', [{ ...ref('6.3.1'), 'Yes/No': 'Yes', Title: { formula: 'VLOOKUP(A1,B:C,2)', result: { error: '#N/A' } } }], ['WORKBOOK_CELL_ERROR@SDG6!I3:error']],
    ['an empty template row (no item, no problem)', [{ ...ref('6.3.1'), Metric: 'Wastewater treatment' }], []],
  ])('%s', async (_name, rows, expected) => {
    const result = await importXlsx(await theWorkbook(rows));
    expect(problems(result.diagnostics)).toEqual(expected);
  });

  test('a sheet without the header row is skipped with a warning; the summary sheet silently', async () => {
    const bytes = await theWorkbook([{ ...ref('6.3.1'), 'Yes/No': 'Yes' }], 'SDG6', { Notes: [['call the estates office']], summary: [['reference']] });
    const result = await importXlsx(bytes);
    expect(problems(result.diagnostics)).toEqual(['WORKBOOK_SHEET_IGNORED@Notes!A1:warning']);
    expect(result.items).toHaveLength(1);
  });

  test("a sheet with a name Excel quotes is named in Excel's form ('Water data'!E3)", async () => {
    const result = await importXlsx(await theWorkbook([{ ...ref('6.3.1'), 'Yes/No': 'Perhaps' }], 'Water data'));
    expect(problems(result.diagnostics)).toEqual(["WORKBOOK_YES_NO@'Water data'!E3:error"]);
  });

  test('the human and JSON formatters print the sheet and cell', async () => {
    const result = await importXlsx(await theWorkbook([{ ...ref('6.3.1'), 'Yes/No': 'Yes', Description: 'x' }, { ...ref('6.3.2'), 'Yes/No': 'Maybe', Description: 'y' }]));
    const human = formatHuman(result.diagnostics, { colour: false });
    expect(human).toContain('workbook.xlsx\n  SDG6!E4 error    "Maybe" is not Yes or No.  WORKBOOK_YES_NO');
    expect(human).toContain('hint: Write Yes or No (any case).');
    expect(JSON.parse(formatJson(result.diagnostics)).diagnostics[0]).toMatchObject({ file: 'workbook.xlsx', cell: 'SDG6!E4', line: 0, column: 0, code: 'WORKBOOK_YES_NO' });
  });

  test('a formula is never evaluated: its saved result is what is imported', async () => {
    const result = await importXlsx(await theWorkbook([{ ...ref('6.3.1'), 'Yes/No': 'Yes', Evidence1: { formula: 'HYPERLINK("https://evil.example/")', result: 'https://example.edu/saved' } }]));
    expect(result.items[0].evidence).toEqual({ url: 'https://example.edu/saved' });
  });

  test('typed cells: a date cell, a year typed as a number, a percentage cell', async () => {
    const result = await importXlsx(
      await theWorkbook([
        { ...ref('6.4.1'), 'Yes/No': 'Yes', 'Policy created': 2019, 'Policy last reviewed': new Date(Date.UTC(2024, 2, 15)), Description: 'Water policy.' },
        { Type: 'Value', 'Metric and indicator reference': '6.2.2', 'Value name': 'reuse_share', 'Value (for continuous data)': { v: 0.445, numFmt: '0.0%' } },
      ]),
    );
    expect(problems(result.diagnostics)).toEqual([]);
    expect(result.items[0].policy).toEqual({ created: '2019', last_reviewed: '2024-03-15' });
    expect(result.items[1].values).toEqual({ reuse_share: { value: 44.5, unit: '%' } });
  });

  test("a department's sheet with THE's seven columns only: ids made from the title, unique in the pack", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['Type', 'Metric and indicator reference', 'Metric', 'Value\n(for continuous data)', 'Yes/No', 'Evidence', 'Public (Yes/No)']);
    ws.addRow(['Indicator', '6.3.1', 'Wastewater', null, 'yes', 'https://example.edu/ww', 'Yes']);
    // A figure on a numeric indicator's row without a Type: a value, named by its title.
    ws.addRow([null, '6.2.2', 'Water taken in by the university (treated supply or extracted)', 1200, null, null, null]);
    const result = await importXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    // No Description column: the items are written with an empty narrative, and the import says so.
    expect(where(result.diagnostics)).toEqual(['WORKBOOK_DESCRIPTION_MISSING@Sheet1!A2:warning', 'WORKBOOK_DESCRIPTION_MISSING@Sheet1!A3:warning']);
    expect(result.items.map((i) => [i.id, i.metric.id, i.evidence, i.values])).toEqual([
      ['sdg06-6-3-1-wastewater-treatment', '6.3.1', { url: 'https://example.edu/ww' }, {}],
      ['sdg06-6-2-2-water-consumption-per-person', '6.2.2', undefined, { water_used_m3: { value: 1200, unit: 'm3' } }],
    ]);
  });
});

test("THE's blank workbook filled in: merged title row, wrapped headings, an example sheet", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('SDG6');
  ws.getCell('A1').value = 'SDG6: Clean Water and Sanitation';
  ws.mergeCells('A1:G1');
  ws.getRow(2).values = ['Type', 'Metric and indicator reference', 'Metric', 'Value\n(for continuous data)', 'Yes/No', 'Evidence1', 'Public\n(Yes/No)'];
  ws.getRow(3).values = ['Metric', '6.3', 'Water usage and care'];
  ws.getRow(4).values = ['Indicator', '6.3.1', 'Wastewater treatment\nDoes the university…', null, 'Yes', 'https://example.edu/ww', 'Yes'];
  ws.mergeCells('C5:C6');
  ws.getRow(5).values = ['Indicator', '6.3.2', 'Preventing water system pollution', null, 'No'];
  wb.addWorksheet('example').getCell('A1').value = 'Type';
  const result = await importXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
  expect(problems(result.diagnostics)).toEqual(['WORKBOOK_REASON_MISSING@SDG6!E5:error']);
  expect(result.items.map((i) => [i.metric.id, i.evidence])).toEqual([
    ['6.3.1', { url: 'https://example.edu/ww' }],
    ['6.3.2', undefined],
  ]);
});

describe('files that are not workbooks', () => {
  test.each<[string, Buffer, string]>([
    ['text under an .xlsx name', Buffer.from('hello'), 'WORKBOOK_UNREADABLE'],
    ['a truncated zip', Buffer.from('PK\u0003\u0004 broken'), 'WORKBOOK_UNREADABLE'],
  ])('%s', async (_name, bytes, code) => {
    const read = await readXlsx('workbook.xlsx', bytes);
    expect(read.diagnostics.map((d) => d.code)).toEqual([code]);
  });

  test('a zip claiming gigabytes once unpacked is refused before it is inflated', async () => {
    const bytes = await theWorkbook([{ ...ref('6.3.1'), 'Yes/No': 'Yes' }]);
    const entry = readZipDirectory(bytes)![0];
    bytes.writeUInt32LE(0xfff00000, entry.centralOffset + 24);
    const read = await readXlsx('workbook.xlsx', bytes);
    expect(read.diagnostics.map((d) => d.code)).toEqual(['WORKBOOK_TOO_LARGE']);
  });
});

describe('CSV files', () => {
  const header = 'SDG,Type,Metric and indicator reference,Metric,Value (for continuous data),Yes/No,Evidence1,Public (Yes/No),Item id,Title';
  const csv = (lines: string[]) => {
    const grid = csvToGrid('dept.csv', `\uFEFF${lines.join('\r\n')}\r\n`);
    const mapped = grid.value ? rowsToItems([grid.value], { catalogue, file: 'dept.csv', existingIds: new Set() }) : { value: [], diagnostics: [] };
    return { items: mapped.value, diagnostics: [...grid.diagnostics, ...mapped.diagnostics] };
  };

  test.each<[string, string[], string[]]>([
    ['a quoted field that never ends', [header, '6,Indicator,6.3.1,"Wastewater,,Yes'], ['WORKBOOK_UNREADABLE@D2:error']],
    ['an SDG column that contradicts the reference', [header, '7,Indicator,6.3.1,,,Yes'], ['WORKBOOK_METRIC_WRONG_SHEET@A2:error']],
    ['a formula typed into a CSV field (read as text, flagged)', [header, '6,Indicator,6.3.1,,,Yes,,,,=cmd|calc'], ['WORKBOOK_FORMULA@J2:warning']],
    ['no header row', ['6.3.1,Yes'], ['WORKBOOK_HEADER_MISSING@A1:error']],
    ['a column heading twice', [`${header},Title`, '6,Indicator,6.3.1,,,Yes'], ['WORKBOOK_HEADER_DUPLICATE@K1:error']],
  ])('%s', (_name, lines, expected) => {
    expect(problems(csv(lines).diagnostics)).toEqual(expected);
  });

  test("export's apostrophe before formula-like text is removed; accents read intact", () => {
    const result = csv([header, "6,Indicator,6.3.1,,,Yes,,,,'=SUM(A1) é"]);
    expect(problems(result.diagnostics)).toEqual([]);
    expect(result.items[0].title).toBe('=SUM(A1) é');
  });
});
