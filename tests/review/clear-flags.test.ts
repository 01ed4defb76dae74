import { assessReviewState } from '../../src/analyse/review-state';
import { parseItem } from '../../src/parse/item';
import { clearFlags } from '../../src/review/clear-flags';

const FLAGGED = [
  'id: a1',
  'status: in_review',
  'review_notes:',
  '  - plain remark of the coordinator',
  '  - note: "Which year?"',
  '    author: "A. Reviewer"',
  '    date: "2021-10-02"',
  '  - note: second # a comment',
  '    author: B. Reviewer',
  '# kept',
  'owner: Estates',
  '',
].join('\n');

describe('clearFlags: a flag cleared without approving, the comment kept as history', () => {
  it('adds resolved and resolved_by under each open flag, and nothing else', () => {
    expect(clearFlags(FLAGGED, 'C. Lead', '2021-11-01')).toBe(
      [
        'id: a1',
        'status: in_review',
        'review_notes:',
        '  - plain remark of the coordinator',
        '  - note: "Which year?"',
        '    author: "A. Reviewer"',
        '    date: "2021-10-02"',
        '    resolved: "2021-11-01"',
        '    resolved_by: "C. Lead"',
        '  - note: second # a comment',
        '    author: B. Reviewer',
        '    resolved: "2021-11-01"',
        '    resolved_by: "C. Lead"',
        '# kept',
        'owner: Estates',
        '',
      ].join('\n'),
    );
  });

  it('turns a flagged item into one awaiting review', () => {
    const state = (text: string) => assessReviewState([parseItem('a.yaml', text).value!]).value.items[0].state;
    expect(state(FLAGGED)).toBe('flagged');
    expect(state(clearFlags(FLAGGED, 'C. Lead', '2021-11-01')!)).toBe('awaiting_review');
  });

  it.each([
    ['no notes', 'id: a1\n', 'id: a1\n'],
    ['flags already cleared', clearFlags(FLAGGED, 'C', '2021-11-01')!, clearFlags(FLAGGED, 'C', '2021-11-01')!],
    ['a flow-mapped flag', 'id: a1\nreview_notes:\n  - { note: x, author: y }\n', undefined],
    ['notes that are not a list', 'id: a1\nreview_notes: text\n', undefined],
  ])('with %s: leaves the text, or refuses to edit it', (_what, text, expected) => {
    expect(clearFlags(text, 'C', '2021-11-01')).toBe(expected);
  });
});
