import { createLineLocator } from '../../../src/render/ir/line-locator';

describe('createLineLocator', () => {
  it('counts lines after \\n, \\r\\n and a lone \\r', () => {
    const locate = createLineLocator('ab\ncd\r\nef\rgh');
    expect([0, 1, 2, 3, 5, 6, 7, 9, 10, 11].map((offset) => locate(offset))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 2, column: 4 },
      { line: 3, column: 1 },
      { line: 3, column: 3 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
  });

  it('places the end of the text just past its last character', () => {
    expect(createLineLocator('ab\n')(3)).toEqual({ line: 2, column: 1 });
    expect(createLineLocator('')(0)).toEqual({ line: 1, column: 1 });
  });
});
