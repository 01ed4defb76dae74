import type { Table, TableCell } from '../../../src/render/ir/types';
import { normaliseTableShape } from '../../../src/render/shared/table-shape';

const cell = (text: string): TableCell => ({ children: [{ type: 'text', text }] });

describe('normaliseTableShape', () => {
  test('leaves a well-formed table as it is', () => {
    const table: Table = { type: 'table', widths: [1, 3], header: [cell('a'), cell('b')], rows: [[cell('1'), cell('2')]] };
    expect(normaliseTableShape(table)).toEqual({ widths: [1, 3], header: table.header, rows: table.rows, problems: [] });
  });

  test('pads short rows and the header with empty cells and reports them', () => {
    const shape = normaliseTableShape({ type: 'table', widths: [1, 1, 1], header: [cell('a')], rows: [[cell('1'), cell('2')]] });
    expect(shape.header).toHaveLength(3);
    expect(shape.rows[0]).toHaveLength(3);
    expect(shape.rows[0][2]).toEqual({ children: [] });
    expect(shape.problems).toEqual(['the header row has 1 cell(s) for 3 column(s)', 'row 1 has 2 cell(s) for 3 column(s)']);
  });

  test('widens the table to its longest row, giving new columns the average width', () => {
    const shape = normaliseTableShape({ type: 'table', widths: [2, 4], rows: [[cell('1'), cell('2'), cell('3')]] });
    expect(shape.widths).toEqual([2, 4, 3]);
    expect(shape.problems).toEqual(['the table declares 2 column width(s) but has 3 column(s)']);
  });

  test('replaces widths that are not positive numbers', () => {
    const shape = normaliseTableShape({ type: 'table', widths: [0, -1, Number.NaN, 4], rows: [[cell('1'), cell('2'), cell('3'), cell('4')]] });
    expect(shape.widths).toEqual([4, 4, 4, 4]);
    expect(shape.problems).toEqual(['column widths must be positive numbers, got 0, -1, NaN']);
  });

  test('reports a table with no rows', () => {
    expect(normaliseTableShape({ type: 'table', widths: [1], rows: [] }).problems).toContain('the table has no rows and is left out');
  });
});
