/**
 * Tables: relative column widths scaled to the text column, wrapped cells, ruled borders, a
 * tinted header row that is repeated at the top of every page the table continues on. A row is
 * one slice, so it never splits, unless it is taller than a page: then it is cut between text
 * lines into pieces that each fit under the repeated header.
 */
import type { Table, TableCell } from '../ir/types';
import { blankSlice, wrapInlines, type BlockContext } from './block-context';
import type { Slice } from './flow-types';
import type { TextLine } from './line-breaking';
import { placeLine } from './line-placement';
import { BOX, SPACING, TEXT, type TextStyle } from './typography';

interface Column {
  left: number;
  width: number;
}

export function tableSlices(table: Table, context: BlockContext): Slice[] {
  const columns = columnsOf(table, context);
  if (columns.length === 0) return [];

  const header = table.header && table.header.length > 0 ? table.header : undefined;
  const headerSlice = header
    ? rowPieces(wrapRow(header, columns, { ...TEXT.table, bold: true }, context), columns, true, Infinity, context)[0]
    : undefined;
  const maxRowHeight = context.maxSliceHeight - (headerSlice?.height ?? 0);

  const slices: Slice[] = [];
  if (headerSlice) {
    headerSlice.keepWithNext = table.rows.length > 0;
    slices.push(headerSlice);
  }
  for (const row of table.rows) {
    for (const piece of rowPieces(wrapRow(row, columns, TEXT.table, context), columns, false, maxRowHeight, context)) {
      piece.repeatedHeader = headerSlice;
      slices.push(piece);
    }
  }
  if (slices.length > 0) {
    slices[0].spaceBefore = SPACING.table.before;
    slices[slices.length - 1].spaceAfter = SPACING.table.after;
  }
  return slices;
}

/**
 * Column count is the widest of the widths list, the header and the rows, so a template that
 * under-declares widths still shows every cell. Unusable widths (zero, negative, not a number,
 * or missing) take the average of the usable ones.
 */
function columnsOf(table: Table, context: BlockContext): Column[] {
  const count = Math.max(table.widths.length, table.header?.length ?? 0, ...table.rows.map((row) => row.length));
  const usable = table.widths.filter((width) => Number.isFinite(width) && width > 0);
  const fallback = usable.length > 0 ? usable.reduce((sum, width) => sum + width, 0) / usable.length : 1;
  const weights = Array.from({ length: count }, (_, index) => {
    const width = table.widths[index];
    return width !== undefined && Number.isFinite(width) && width > 0 ? width : fallback;
  });
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let left = context.left;
  return weights.map((weight) => {
    const column = { left, width: (weight / total) * context.width };
    left += column.width;
    return column;
  });
}

interface WrappedRow {
  style: TextStyle;
  cells: TextLine[][];
}

function wrapRow(cells: TableCell[], columns: Column[], style: TextStyle, context: BlockContext): WrappedRow {
  const colour = context.theme.text;
  return {
    style,
    cells: columns.map((column, index) => {
      const cell = cells[index];
      if (!cell) return [];
      return wrapInlines(cell.children, style, colour, column.width - 2 * BOX.tableCellPaddingX, context);
    }),
  };
}

/** The row as one slice, or as several when it is taller than maxHeight. */
function rowPieces(
  row: WrappedRow,
  columns: Column[],
  isHeader: boolean,
  maxHeight: number,
  context: BlockContext,
): Slice[] {
  const { lineHeight } = row.style;
  const padding = BOX.tableCellPaddingY;
  const lineCount = Math.max(1, ...row.cells.map((lines) => lines.length));
  const linesPerPiece = Math.max(1, Math.floor((maxHeight - 2 * padding) / lineHeight));

  const pieces: Slice[] = [];
  for (let first = 0; first < lineCount; first += linesPerPiece) {
    const last = Math.min(lineCount, first + linesPerPiece);
    const height = (last - first) * lineHeight + 2 * padding;
    const slice = blankSlice(height);
    if (isHeader) {
      const right = columns[columns.length - 1];
      slice.shapes.push({
        kind: 'rect',
        x: columns[0].left,
        top: 0,
        width: right.left + right.width - columns[0].left,
        height,
        fill: context.theme.tableHeaderFill,
      });
    }
    drawBorders(slice, columns, height, context);
    row.cells.forEach((lines, column) => {
      lines.slice(first, last).forEach((line, index) =>
        placeLine(
          line,
          columns[column].left + BOX.tableCellPaddingX,
          padding + index * lineHeight,
          row.style,
          context.metrics,
          slice,
        ),
      );
    });
    pieces.push(slice);
  }
  return pieces;
}

function drawBorders(slice: Slice, columns: Column[], height: number, context: BlockContext): void {
  const colour = context.theme.tableBorder;
  const lineWidth = BOX.tableBorderWidth;
  const left = columns[0].left;
  const right = columns[columns.length - 1].left + columns[columns.length - 1].width;
  slice.shapes.push(
    { kind: 'line', x1: left, y1: 0, x2: right, y2: 0, color: colour, lineWidth },
    { kind: 'line', x1: left, y1: height, x2: right, y2: height, color: colour, lineWidth },
  );
  for (const x of [left, ...columns.map((column) => column.left + column.width)]) {
    slice.shapes.push({ kind: 'line', x1: x, y1: 0, x2: x, y2: height, color: colour, lineWidth });
  }
}
