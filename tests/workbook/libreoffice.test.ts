import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCsv } from '../../src/workbook/csv';
import { SHEET_COLUMNS, SUMMARY_COLUMNS, cellText, type Cell, type WorkbookModel } from '../../src/workbook/layout';
import { packToRows } from '../../src/workbook/pack-to-rows';
import { readXlsx } from '../../src/workbook/read-xlsx';
import { writeXlsx } from '../../src/workbook/write-xlsx';
import { EXAMPLE_PACK } from '../helpers/temp-pack';
import { EVERY_TYPE_PACK, packItems } from './helpers';

/**
 * The exported workbook opened by a real spreadsheet: LibreOffice Calc, headless. It must be installed
 * (Debian: libreoffice-calc-nogui, which .ci/run installs); without it the test fails and says so.
 * 1. Calc saves every sheet as CSV with the cells as shown: each reads back as written (text, numbers, dates
 *    as YYYY-MM-DD, percentages with their % sign).
 * 2. Calc saves the workbook again as xlsx: every cell keeps its type (number, date, percentage, text).
 */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

function soffice(workDir: string, args: string[]): void {
  const profile = pathToFileURL(join(workDir, 'profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', ...args], { stdio: 'pipe', timeout: 170_000 });
}

/** How Calc shows a cell written with the formats write-xlsx.ts gives it. */
function shown(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.kind === 'percent') return `${cell.value}%`;
  return cellText(cell);
}

describe('the exported workbook as LibreOffice Calc reads it', () => {
  let workDir: string;
  const models: Record<string, WorkbookModel> = {};

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'impact-pack-xlsx-'));
    for (const [name, dir] of [['example', EXAMPLE_PACK], ['every-type', EVERY_TYPE_PACK]] as const) {
      models[name] = packToRows(await packItems(dir)).workbook;
      writeFileSync(join(workDir, `${name}.xlsx`), await writeXlsx(models[name]));
    }
    soffice(workDir, ['--convert-to', CSV_FILTER, '--outdir', join(workDir, 'csv'), join(workDir, 'example.xlsx'), join(workDir, 'every-type.xlsx')]);
    soffice(workDir, ['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(workDir, 'resaved'), join(workDir, 'every-type.xlsx')]);
    if (!existsSync(join(workDir, 'csv', 'example-SDG1.csv'))) {
      throw new Error('LibreOffice did not open the workbook: is LibreOffice Calc installed? (apt-get install -y libreoffice-calc-nogui)');
    }
  }, 360_000);

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test.each(['example', 'every-type'])('%s: every cell of every sheet reads back as written', (name) => {
    const model = models[name];
    let compared = 0;
    for (const sheet of model.sheets) {
      const rows = readCsv(readFileSync(join(workDir, 'csv', `${name}-${sheet.name}.csv`), 'utf8')).rows;
      expect(rows[0][0]).toBe(sheet.title);
      expect(rows[1]).toEqual([...SHEET_COLUMNS]);
      const expected = sheet.rows.map((row) => SHEET_COLUMNS.map((c) => shown(row[c])));
      const actual = rows.slice(2).map((r) => SHEET_COLUMNS.map((_, i) => r[i] ?? ''));
      expect(actual).toEqual(expected);
      compared += expected.flat().filter((t) => t !== '').length;
    }
    const summary = readCsv(readFileSync(join(workDir, 'csv', `${name}-summary.csv`), 'utf8')).rows;
    expect(summary[0]).toEqual([...SUMMARY_COLUMNS]);
    expect(summary.slice(1).map((r) => r.slice(0, 5))).toEqual(model.summary.map((s) => [s.reference, s.text, s.questionFormat, s.evidenceRequired, s.policyDatesRequired]));
    expect(compared).toBeGreaterThan(name === 'example' ? 3000 : 300);
  });

  test('saved again by Calc, numbers, dates and percentages keep their types', async () => {
    const ours = await readXlsx('ours.xlsx', readFileSync(join(workDir, 'every-type.xlsx')));
    const calc = await readXlsx('calc.xlsx', readFileSync(join(workDir, 'resaved', 'every-type.xlsx')));
    expect(calc.diagnostics).toEqual([]);
    const cells = (grids: typeof ours.value) =>
      grids.flatMap((g) => g.rows.flatMap((row, r) => row.map((c, i) => (c?.value ? `${g.sheet}!${r + 1}:${i + 1}=${c.value.kind}:${cellText(c.value)}` : '')).filter(Boolean)));
    const kinds = cells(ours.value);
    expect(cells(calc.value)).toEqual(kinds);
    expect(kinds.filter((k) => /=(date|percent|number):/.test(k)).length).toBeGreaterThanOrEqual(8);
  });
});
