import { columnWidthsInTwips } from '../../../src/render/docx/tables';
import { TEXT_WIDTH } from '../../../src/render/docx/page';

describe('columnWidthsInTwips', () => {
  test('fills the A4 text width (17 cm, 9638 twips) exactly', () => {
    expect(TEXT_WIDTH).toBe(9638);
    for (const relative of [[1], [1, 1, 1], [2, 5, 3], [0.1, 0.7, 0.2], [3, 3, 3, 3, 3, 3, 3]]) {
      const widths = columnWidthsInTwips(relative);
      expect(widths.reduce((sum, width) => sum + width, 0)).toBe(TEXT_WIDTH);
      widths.forEach((width) => expect(Number.isInteger(width)).toBe(true));
    }
  });

  test('keeps each column within one twip of its exact share', () => {
    const relative = [2, 5, 3];
    const widths = columnWidthsInTwips(relative);
    relative.forEach((share, index) => expect(Math.abs(widths[index] - (share / 10) * TEXT_WIDTH)).toBeLessThan(1));
    expect(widths).toEqual([1928, 4819, 2891]);
  });

  test('hands leftover twips to the largest remainders, earlier columns first on ties', () => {
    expect(columnWidthsInTwips([1, 1, 1], 100)).toEqual([34, 33, 33]);
    expect(columnWidthsInTwips([1, 2], 100)).toEqual([33, 67]);
  });
});
