import { bookmarkNames } from '../../../src/render/docx/bookmarks';

const WORD_BOOKMARK = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

describe('bookmarkNames', () => {
  test('turns anchor ids into readable Word bookmark names', () => {
    expect([...bookmarkNames(['metric-7-2-1', 'group_7_2', 'Policy']).values()]).toEqual(['metric_7_2_1', 'group_7_2', 'Policy']);
  });

  test('starts names with a letter and replaces characters Word refuses', () => {
    const names = bookmarkNames(['7-2-1', 'été-2020', '_hidden', 'a b.c']);
    expect([...names.values()]).toEqual(['h_7_2_1', 'h__t__2020', 'h__hidden', 'a_b_c']);
  });

  test('shortens long ids to 40 characters with a hash that keeps them apart', () => {
    const long = 'item-sdg17-sdsr-strategy-2018-2022-and-its-annual-review';
    const names = bookmarkNames([long, `${long}-2`]);
    const [first, second] = [names.get(long)!, names.get(`${long}-2`)!];
    expect(first).toMatch(WORD_BOOKMARK);
    expect(second).toMatch(WORD_BOOKMARK);
    expect(first.startsWith('item_sdg17_sdsr_strategy_2018')).toBe(true);
    expect(first).not.toBe(second);
  });

  test('keeps ids that read the same apart', () => {
    const names = bookmarkNames(['a-b', 'a_b', 'a.b']);
    expect(new Set(names.values()).size).toBe(3);
    expect(names.get('a-b')).toBe('a_b');
    for (const name of names.values()) expect(name).toMatch(WORD_BOOKMARK);
  });

  test('gives the same names for the same ids', () => {
    const ids = ['x-1', 'x_1', 'a'.repeat(60)];
    expect([...bookmarkNames(ids)]).toEqual([...bookmarkNames(ids)]);
  });
});
