import { othersSentence } from '../../src/diagnostics/shared-subject';

describe('othersSentence', () => {
  it.each([
    ['nothing when the item is the only one', ['a'], ''],
    ['the others, sorted and without repeats', ['c', 'a', 'b', 'c'], ' Also cited by: b, c.'],
    ['five others, then a count of the rest', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], ' Also cited by: b, c, d, e, f and 2 more.'],
  ])('names %s', (_name, names, sentence) => {
    expect(othersSentence('Also cited by', names, 'a')).toBe(sentence);
  });
});
