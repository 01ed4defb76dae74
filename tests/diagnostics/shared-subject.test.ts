import { SharedBy } from '../../src/diagnostics/shared-subject';

describe('SharedBy: the other items a shared-thing diagnostic names', () => {
  it.each([
    ['nothing when the item is the only one', ['a'], 'a', ''],
    ['the others, sorted and without repeats', ['c', 'a', 'b', 'c'], 'a', ' Also cited by: b, c.'],
    ['five others, then a count of the rest', ['h', 'g', 'f', 'e', 'd', 'c', 'b', 'a'], 'a', ' Also cited by: b, c, d, e, f and 2 more.'],
    ['five others when the item is not among the first', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 'g', ' Also cited by: a, b, c, d, e and 2 more.'],
    ['all of them for something outside the list (a pack config citing a URL)', ['a', 'b'], 'impact-pack.yaml', ' Also cited by: a, b.'],
  ])('names %s', (_name, names, self, sentence) => {
    expect(new SharedBy(names).othersThan(self, 'Also cited by')).toBe(sentence);
  });
});
