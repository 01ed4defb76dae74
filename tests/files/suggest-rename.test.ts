import { editDistance, suggestRenamed } from '../../src/files/suggest-rename';

describe('suggestRenamed', () => {
  const orphans = ['files/minutes-2020-final.pdf', 'files/minutes-2020-final.docx', 'files/other/minutes-2020.pdf', 'files/budget.pdf'];

  it('finds the renamed file in the same folder with the same extension', () => {
    expect(suggestRenamed('files/minutes-2020.pdf', orphans)).toBe('files/minutes-2020-final.pdf');
    expect(suggestRenamed('files/Budget.PDF', orphans)).toBe('files/budget.pdf');
  });

  it('suggests nothing when no name is close', () => {
    expect(suggestRenamed('files/energy-policy.pdf', orphans)).toBeUndefined();
    expect(suggestRenamed('files/minutes-2020.xlsx', orphans)).toBeUndefined();
  });

  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
