import { Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { Table as IrTable, TableCell as IrTableCell } from '../ir/types';
import { normaliseTableShape } from '../shared/table-shape';
import { tableShape } from '../shared/writer-diagnostics';
import { DOCX_FORMAT, type DocxContext } from './context';
import { convertInlines } from './inlines';
import { TEXT_WIDTH } from './page';
import type { DocxPalette } from './palette';
import { STYLE } from './styles';

/**
 * Scales relative widths to whole twips that add up to exactly `total`: each column gets the floor of its
 * share, and the leftover twips go to the columns with the largest remainders (earlier columns on ties).
 */
export function columnWidthsInTwips(relative: number[], total: number = TEXT_WIDTH): number[] {
  const sum = relative.reduce((acc, width) => acc + width, 0);
  const exact = relative.map((width) => (width / sum) * total);
  const widths = exact.map(Math.floor);
  let leftover = total - widths.reduce((acc, width) => acc + width, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (leftover <= 0) break;
    widths[index] += 1;
    leftover -= 1;
  }
  return widths;
}

function cell(content: IrTableCell, width: number, context: DocxContext, header: { palette: DocxPalette } | undefined): TableCell {
  return new TableCell({
    // Every cell states its width in twips: LibreOffice and Google Docs do not derive it from the grid.
    width: { size: width, type: WidthType.DXA },
    shading: header ? { type: 'clear', color: 'auto', fill: header.palette.accentTint } : undefined,
    children: [new Paragraph({ children: convertInlines(content.children, context, header ? { bold: true } : {}) })],
  });
}

/**
 * A table as wide as the text, fixed layout, explicit grid (`w:tblGrid`) and cell widths in twips. The header
 * row repeats on every page; no row is split across pages. Returns undefined for a table with no rows.
 */
export function convertTable(table: IrTable, context: DocxContext, palette: DocxPalette): Table | undefined {
  const shape = normaliseTableShape(table);
  for (const problem of shape.problems) context.diagnostics.push(tableShape(DOCX_FORMAT, problem));
  if (shape.rows.length === 0 && !shape.header) return undefined;

  const widths = columnWidthsInTwips(shape.widths);
  const rows: TableRow[] = [];
  if (shape.header) {
    const header = shape.header;
    rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: header.map((content, index) => cell(content, widths[index], context, { palette })) }));
  }
  for (const row of shape.rows) {
    rows.push(new TableRow({ cantSplit: true, children: row.map((content, index) => cell(content, widths[index], context, undefined)) }));
  }
  return new Table({
    style: STYLE.table,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    tableLook: { firstRow: shape.header !== undefined, noHBand: true, noVBand: true, lastRow: false, firstColumn: false, lastColumn: false },
    rows,
  });
}
