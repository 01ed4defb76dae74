import fc from 'fast-check';
import { loadCatalogue } from '../../src/criteria/load';
import type { Catalogue } from '../../src/criteria/types';
import { CODES } from '../../src/diagnostics/codes';
import { parseItem } from '../../src/parse/item';
import type { Grid, GridCell } from '../../src/workbook/grid';
import { newItemYaml, updateItemYaml } from '../../src/workbook/item-yaml';
import { SHEET_COLUMNS, type Cell } from '../../src/workbook/layout';
import { rowsToItems } from '../../src/workbook/rows-to-items';
import { csvToGrid } from '../../src/workbook/workbook-csv';

/**
 * Sheets nobody has seen: random grids of cells that look like what departments type (references, answers,
 * numbers, dates, formulas, control characters, quotes), and random CSV text. Import never throws, reports only
 * workbook codes, each placed at a cell, and every item it would write is YAML that parses back to the same id.
 */
const catalogue = loadCatalogue('2026').value as Catalogue;

const words = [
  '6.2.1', '6.2.2', '6.3.1', '6.4.1', '16.2.1', '13.4.2', '6.1.1', '6.2', '7.2.1', '99.9.9', '',
  'Yes', 'No', 'yes', 'maybe', 'whole_university', 'Measured across the whole university', 'Students elect representatives; Staff elect representatives',
  'https://example.edu/a', 'javascript:alert(1)', '../../etc/passwd', 'files/a.pdf', 'C:\\x.pdf',
  '2024-01-01', '30/03/2022', '2019', 'unknown', '2024-02-30', 'specific', 'general', 'Value', 'Indicator', 'Metric',
  'water_used_m3', 'Bad Id', 'sdg06-x', 'sdg06-x', 'm3', '%', '12 390,5', '12390.5', '44.5%', "'=SUM(A1)", '=cmd|calc',
  'a "quoted" word', 'line one\nline two', 'tab\there', 'nul\u0000byte', 'bidi\u202Etext', 'é accent', '- dash', '@at', ': colon', '# hash', '*star', '&anchor', '!!tag', '{ flow }',
];

const cell: fc.Arbitrary<GridCell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...words).map((t): GridCell => ({ value: { kind: 'text', text: t } })),
  fc.string({ maxLength: 12 }).map((t): GridCell => ({ value: { kind: 'text', text: t } })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((v): GridCell => ({ value: { kind: 'number', value: v } })),
  fc.double({ min: -1000, max: 1000, noNaN: true }).map((v): GridCell => ({ value: { kind: 'percent', value: v } })),
  fc.constantFrom('2024-03-15', '1899-12-30').map((iso): GridCell => ({ value: { kind: 'date', iso } })),
  fc.record({ formula: fc.string({ maxLength: 8 }), value: fc.option(fc.constantFrom<Cell>({ kind: 'text', text: 'Yes' }, { kind: 'number', value: 3 }), { nil: undefined }) }).map((c): GridCell => ({ formula: c.formula, ...(c.value ? { value: c.value } : {}) })),
  fc.constant<GridCell>({ error: '#N/A' }),
);

const header: GridCell[] = SHEET_COLUMNS.map((c) => ({ value: { kind: 'text', text: c } }));

/** Rows that mostly start like THE's (a Type and a reference), so that many of them become items. */
const row: fc.Arbitrary<(GridCell | undefined)[]> = fc
  .tuple(
    fc.constantFrom('Indicator', 'Value', 'Metric', ''),
    fc.constantFrom('6.2.1', '6.2.2', '6.3.1', '6.4.1', '16.2.1', '13.4.2', '6.1.1', '6.2', '7.2.1', 'x'),
    fc.array(cell, { maxLength: SHEET_COLUMNS.length }),
  )
  .map(([type, ref, rest]) => [{ value: { kind: 'text', text: type } }, { value: { kind: 'text', text: ref } }, ...rest]);

const grid: fc.Arbitrary<Grid> = fc.record({
  sheet: fc.constantFrom('SDG6', 'SDG6', 'SDG16', 'SDG13', 'Sheet 1', 'summary', 'SDG99'),
  titleRow: fc.boolean(),
  rows: fc.array(fc.oneof(row, fc.array(cell, { maxLength: SHEET_COLUMNS.length + 2 })), { maxLength: 12 }),
}).map(({ sheet, titleRow, rows }) => ({ sheet, rows: [...(titleRow ? [[{ value: { kind: 'text', text: `${sheet}: x` } } as GridCell]] : []), header, ...rows] }));

let itemsSeen = 0;

function checkImport(grids: Grid[]): void {
  const result = rowsToItems(grids, { catalogue, file: 'w.xlsx', existingIds: new Set(['sdg06-x']) });
  itemsSeen += result.value.length;
  for (const d of result.diagnostics) {
    expect(d.code in CODES && d.code.startsWith('WORKBOOK_')).toBe(true);
    expect(d.file).toBe('w.xlsx');
  }
  for (const item of result.value) {
    const text = newItemYaml(item, catalogue, { schemaPath: 's.json', source: 'w.xlsx A1' });
    const parsed = parseItem('items/x.yaml', text);
    expect(parsed.value?.item.id).toBe(item.id);
    expect(parsed.diagnostics.filter((d) => d.source === 'yaml' && d.code !== 'TEXT_CONTROL_CHARACTER' && d.code !== 'TEXT_BIDI_CONTROL')).toEqual([]);
    const updated = updateItemYaml(text, item);
    expect(updated === undefined ? undefined : parseItem('items/x.yaml', updated).value?.item.id).toBe(item.id);
  }
}

describe('import on sheets nobody has seen', () => {
  test('random grids: no crash, workbook codes only, every item written as YAML that reads back', () => {
    itemsSeen = 0;
    fc.assert(fc.property(fc.array(grid, { minLength: 1, maxLength: 3 }), (grids) => checkImport(grids)), { numRuns: 300 });
    // The property is about items, so the generator must make many.
    expect(itemsSeen).toBeGreaterThan(100);
  });

  test('random CSV text: no crash, workbook codes only', () => {
    const csvText = fc.array(fc.oneof(fc.constantFrom(...words, ',', '"', '\r\n', '\n', '""'), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(csvText, (body) => {
        const g = csvToGrid('w.csv', `SDG,${SHEET_COLUMNS.join(',')}\r\n${body}`);
        for (const d of g.diagnostics) expect(d.code.startsWith('WORKBOOK_')).toBe(true);
        if (g.value) checkImport([g.value]);
      }),
      { numRuns: 300 },
    );
  });
});
