import type { LaidOutDocument, PositionedLine } from '../../../src/render/pdf/layout-types';
import { layoutDocument } from '../../../src/render/pdf/layout';
import { BOX } from '../../../src/render/pdf/typography';
import { document, table } from './support/ir';
import { TEST_PAGE, allBodyLines, bodyTexts } from './support/inspect';
import { syntheticMetrics } from './support/synthetic-metrics';

const metrics = syntheticMetrics();
const TEXT_WIDTH = TEST_PAGE.width - TEST_PAGE.marginLeft - TEST_PAGE.marginRight;
const BODY_TOP = TEST_PAGE.height - TEST_PAGE.marginTop;

function layoutTable(widths: number[], header: string[] | undefined, rows: string[][]): LaidOutDocument {
  return layoutDocument(document([table(widths, header, rows)]), metrics, TEST_PAGE);
}

function verticalBorders(doc: LaidOutDocument, pageIndex: number): number[] {
  const xs = doc.pages[pageIndex].shapes
    .filter((shape): shape is PositionedLine => shape.kind === 'line' && shape.x1 === shape.x2)
    .map((line) => line.x1);
  return [...new Set(xs)].sort((a, b) => a - b);
}

describe('table layout', () => {
  it('scales relative column widths to the text width', () => {
    const doc = layoutTable([1, 3], undefined, [['a', 'b']]);
    const left = TEST_PAGE.marginLeft;
    const expected = [left, left + TEXT_WIDTH / 4, left + TEXT_WIDTH].map((x) => Math.round(x * 1000) / 1000);
    expect(verticalBorders(doc, 0)).toEqual(expected);
    const [a, b] = bodyTexts(doc, 0);
    expect(a.x).toBeCloseTo(left + BOX.tableCellPaddingX, 3);
    expect(b.x).toBeCloseTo(left + TEXT_WIDTH / 4 + BOX.tableCellPaddingX, 3);
  });

  it('wraps cell text within its column', () => {
    // 8.5 pt characters are 4.25 pt wide; the 60 pt first column holds (60 - 8) / 4.25 = 12 of them.
    const doc = layoutTable([1, 3], undefined, [['alpha beta gamma delta', 'x']]);
    expect(allBodyLines(doc)[0]).toEqual(['alpha betax', 'gamma delta']);
  });

  it('repeats the header row at the top of every page the table continues on', () => {
    const rows = Array.from({ length: 40 }, (_, index) => [`r${index}`, `value ${index}`]);
    const doc = layoutTable([1, 2], ['Id', 'Value'], rows);
    expect(doc.pages.length).toBeGreaterThan(2);
    const pages = allBodyLines(doc);
    pages.forEach((lines) => {
      expect(lines[0]).toBe('IdValue');
      expect(lines.filter((line) => line === 'IdValue')).toHaveLength(1);
    });
    const bodyRows = pages.flatMap((lines) => lines.slice(1));
    expect(bodyRows).toEqual(rows.map(([id, value]) => id + value));
    // The header is drawn in bold on its tinted background every time.
    for (let pageIndex = 0; pageIndex < doc.pages.length; pageIndex++) {
      const header = bodyTexts(doc, pageIndex).find((text) => text.text === 'Id');
      expect(header?.font).toBe('sans-bold');
      expect(doc.pages[pageIndex].shapes.some((shape) => shape.kind === 'rect' && shape.fill)).toBe(true);
    }
  });

  it('does not split a row across pages', () => {
    // Each row is three lines: two 8-character words (34 pt) never share the 52 pt of the first column.
    const rows = Array.from({ length: 20 }, (_, index) => [`${index}.alpha ${index}.bravo ${index}.charl`, '']);
    const doc = layoutTable([1, 3], ['Row', 'Note'], rows);
    expect(doc.pages.length).toBeGreaterThan(1);
    const pages = allBodyLines(doc);
    rows.forEach((_, index) => {
      const holding = pages.map((lines) => lines.filter((line) => line.startsWith(`${index}.`)).length);
      expect(holding.filter((count) => count > 0)).toEqual([3]);
    });
  });

  it('cuts a row taller than a page between lines and keeps every line, in order', () => {
    // About 45 lines of 11.5 pt: more than the 290 pt page body can hold.
    const words = Array.from({ length: 400 }, (_, index) => `w${index}`);
    const doc = layoutTable([1, 3], ['Row', 'Note'], [['tall', words.join(' ')], ['after', 'end']]);
    expect(doc.pages.length).toBeGreaterThan(1);
    const drawnWords = allBodyLines(doc)
      .flat()
      .join(' ')
      .match(/w\d+/g);
    expect(drawnWords).toEqual(words);
    // Every piece lies within the page body, under a repeated header.
    doc.pages.forEach((page, pageIndex) => {
      expect(allBodyLines(doc)[pageIndex][0]).toBe('RowNote');
      for (const shape of page.shapes) {
        if (shape.kind === 'line' && shape.x1 === shape.x2) {
          expect(Math.min(shape.y1, shape.y2)).toBeGreaterThanOrEqual(TEST_PAGE.marginBottom - 1e-6);
          expect(Math.max(shape.y1, shape.y2)).toBeLessThanOrEqual(BODY_TOP + 1e-6);
        }
      }
    });
  });

  it('shows every cell when the widths list is shorter than the rows, and ignores unusable widths', () => {
    const doc = layoutTable([2, -1], undefined, [['a', 'b', 'c']]);
    expect(allBodyLines(doc)[0]).toEqual(['abc']);
    expect(verticalBorders(doc, 0)).toHaveLength(4);
  });

  it('draws nothing for a table without columns', () => {
    const doc = layoutTable([], undefined, []);
    expect(bodyTexts(doc, 0)).toEqual([]);
    expect(doc.pages[0].shapes).toEqual([]);
  });
});
