/**
 * Turns a checked markup tree into IR blocks. The tree builder has already enforced which elements
 * go where; this step checks what only makes sense per element: attribute values (paragraph class,
 * heading id, table widths) and the shape of tables. Duplicate heading ids and ragged tables are
 * repaired the way the writers repair them (first id wins, short rows padded, equal widths), with a
 * warning, so the same problem gets the same code wherever it is found.
 */
import type { Block, Heading, ImageAsset, ListBlock, Paragraph, Table, TableCell } from './types';
import { figure } from './figure';
import { ANCHOR_ID } from './href';
import { buildInlineRuns, type InlineContext } from './inline-runs';
import type { MarkupElement } from './markup-tree';
import { markupError, markupWarning, type MarkupProblem } from './markup-problem';
import { PARAGRAPH_CLASSES } from './vocabulary';

const elementsOf = (element: MarkupElement): MarkupElement[] =>
  element.children.filter((child): child is MarkupElement => child.kind === 'element');

interface BlockContext extends InlineContext {
  /** The headings that keep their id: usable and first of its value. */
  anchored: ReadonlySet<MarkupElement>;
  /** Images a <figure src> may name. */
  images: ReadonlyMap<string, ImageAsset>;
}

export function convertMarkupTree(root: MarkupElement, problems: MarkupProblem[], images: ReadonlyMap<string, ImageAsset> = new Map()): Block[] {
  const anchored = checkAnchors(root, problems);
  const anchors = new Set([...anchored].map((heading) => heading.attributes.get('id')?.value ?? ''));
  const context: BlockContext = { anchors, anchored, problems, images };
  const blocks: Block[] = [];
  for (const element of elementsOf(root)) {
    const block = convertBlock(element, context);
    if (block !== undefined) blocks.push(block);
  }
  return blocks;
}

/** Heading ids, checked before any block is built so that a link may point to a heading further down. */
function checkAnchors(root: MarkupElement, problems: MarkupProblem[]): Set<MarkupElement> {
  const seen = new Set<string>();
  const anchored = new Set<MarkupElement>();
  for (const element of elementsOf(root)) {
    const id = headingLevel(element.name) === undefined ? undefined : element.attributes.get('id');
    if (id === undefined) continue;
    if (!ANCHOR_ID.test(id.value)) {
      problems.push(
        markupError(`The heading id "${id.value}" is not a usable anchor`, id.valueStart, id.valueEnd, 'Ids start with a letter or digit and contain only letters, digits and _ . : -'),
      );
    } else if (seen.has(id.value)) {
      problems.push(
        markupWarning('ANCHOR_DUPLICATE', `Two headings have the id "${id.value}"; this one loses it`, id.valueStart, id.valueEnd),
      );
    } else {
      seen.add(id.value);
      anchored.add(element);
    }
  }
  return anchored;
}

function headingLevel(name: string): 1 | 2 | 3 | undefined {
  return name === 'h1' ? 1 : name === 'h2' ? 2 : name === 'h3' ? 3 : undefined;
}

function convertBlock(element: MarkupElement, context: BlockContext): Block | undefined {
  const level = headingLevel(element.name);
  if (level !== undefined) return heading(element, level, context);
  switch (element.name) {
    case 'p':
      return paragraph(element, context);
    case 'ul':
    case 'ol':
      return list(element, context);
    case 'table':
      return table(element, context);
    case 'figure':
      return figure(element, context.images, context.problems);
    case 'pagebreak':
      return { type: 'pagebreak' };
    case 'toc':
      return { type: 'toc', title: element.attributes.get('title')?.value ?? '' };
    default:
      throw new Error(`Unexpected <${element.name}> at the top level`);
  }
}

function heading(element: MarkupElement, level: 1 | 2 | 3, context: BlockContext): Heading {
  const id = context.anchored.has(element) ? element.attributes.get('id')?.value : undefined;
  return {
    type: 'heading',
    level,
    ...(id === undefined ? {} : { id }),
    children: buildInlineRuns(element.children, context),
  };
}

/** Empty paragraphs are dropped, as browsers give them no height; templates then need fewer guards. */
function paragraph(element: MarkupElement, context: InlineContext): Paragraph | undefined {
  const style = paragraphStyle(element, context.problems);
  const children = buildInlineRuns(element.children, context);
  return children.length === 0 ? undefined : { type: 'paragraph', style, children };
}

function paragraphStyle(element: MarkupElement, problems: MarkupProblem[]): Paragraph['style'] {
  const attribute = element.attributes.get('class');
  if (attribute === undefined) return 'normal';
  const style = PARAGRAPH_CLASSES.find((name) => name === attribute.value);
  if (style === undefined) {
    problems.push(
      markupError(`Unknown paragraph class "${attribute.value}"`, attribute.valueStart, attribute.valueEnd, `Use one of: ${PARAGRAPH_CLASSES.join(', ')}.`),
    );
    return 'normal';
  }
  return style;
}

function list(element: MarkupElement, context: InlineContext): ListBlock {
  return {
    type: 'list',
    ordered: element.name === 'ol',
    items: elementsOf(element).map((item) => buildInlineRuns(item.children, context)),
  };
}

interface TableRow {
  element: MarkupElement;
  cells: TableCell[];
}

function table(element: MarkupElement, context: InlineContext): Table | undefined {
  const { problems } = context;
  let header: TableRow | undefined;
  const rows: TableRow[] = [];
  elementsOf(element).forEach((part, index) => {
    if (part.name === 'thead') {
      if (index !== 0) problems.push(markupError('<thead> must come first in a <table>', part.start, part.end));
      const headerRows = elementsOf(part);
      if (headerRows.length !== 1) {
        problems.push(markupError(`<thead> must hold exactly one <tr>, not ${headerRows.length}`, part.start, part.end));
      }
      if (headerRows.length > 0 && header === undefined) header = tableRow(headerRows[0], 'th', context);
    } else if (part.name === 'tbody') {
      rows.push(...elementsOf(part).map((row) => tableRow(row, 'td', context)));
    } else {
      rows.push(tableRow(part, 'td', context));
    }
  });

  const allRows = header === undefined ? rows : [header, ...rows];
  const columns = Math.max(0, ...allRows.map((row) => row.cells.length));
  if (columns === 0) {
    problems.push(
      markupWarning('TABLE_SHAPE', 'The table has no cells and is left out', element.start, element.end, 'Guard optional tables with {{#if ...}} in the template.'),
    );
    return undefined;
  }
  for (const row of allRows) {
    if (row.cells.length === columns) continue;
    problems.push(
      markupWarning(
        'TABLE_SHAPE',
        `This row has ${row.cells.length} cells where the table has ${columns} columns; the missing cells are left empty`,
        row.element.start,
        row.element.end,
      ),
    );
    while (row.cells.length < columns) row.cells.push({ children: [] });
  }
  return {
    type: 'table',
    widths: columnWidths(element, columns, problems),
    ...(header === undefined ? {} : { header: header.cells }),
    rows: rows.map((row) => row.cells),
  };
}

/** Header cells are <th> and body cells <td>, so the markup reads the way the document will look. */
function tableRow(row: MarkupElement, cellName: 'th' | 'td', context: InlineContext): TableRow {
  const cells: TableCell[] = [];
  for (const cell of elementsOf(row)) {
    if (cell.name !== cellName) {
      context.problems.push(
        markupError(
          cellName === 'th' ? 'Cells in <thead> are written <th>' : 'Body cells are written <td>; <th> belongs in <thead>',
          cell.start,
          cell.end,
        ),
      );
    }
    cells.push({ children: buildInlineRuns(cell.children, context) });
  }
  return { element: row, cells };
}

/** The widths attribute, or equal columns when it is absent or does not fit the table. */
function columnWidths(element: MarkupElement, columns: number, problems: MarkupProblem[]): number[] {
  const attribute = element.attributes.get('widths');
  const equal = Array.from({ length: columns }, () => 1);
  if (attribute === undefined) return equal;
  const widths = attribute.value.split(',').map((part) => (/^\s*\d+(\.\d+)?\s*$/.test(part) ? Number(part) : Number.NaN));
  if (widths.some((width) => !(width > 0))) {
    problems.push(
      markupWarning(
        'TABLE_SHAPE',
        `widths="${attribute.value}" must list positive numbers separated by commas; the columns are made equal`,
        attribute.valueStart,
        attribute.valueEnd,
        'For example widths="3,1,2".',
      ),
    );
    return equal;
  }
  if (widths.length !== columns) {
    problems.push(
      markupWarning(
        'TABLE_SHAPE',
        `widths="${attribute.value}" gives ${widths.length} widths for ${columns} columns; the columns are made equal`,
        attribute.valueStart,
        attribute.valueEnd,
      ),
    );
    return equal;
  }
  return widths;
}
