import type { ReviewEntry } from '../../src/analyse/review-state';
import { html } from '../../src/review/html';
import { filterItems, type Filters } from '../../src/review/pages';

const entry = (itemId: string, sdg: number, owner: string | null, state: ReviewEntry['state'], flaggedBy: string[] = []): ReviewEntry => ({
  itemId,
  file: `items/${itemId}.yaml`,
  sdg,
  metric: `${sdg}.1.1`,
  title: itemId,
  owner,
  status: 'in_review',
  state,
  contentHash: 'sha256:x',
  signOff: null,
  comments: flaggedBy.map((author) => ({ note: 'n', author, date: null })),
});

const ENTRIES = [
  entry('a', 7, 'Estates', 'awaiting_review'),
  entry('b', 7, 'Estates', 'approved'),
  entry('c', 17, null, 'flagged', ['Me']),
  entry('d', 17, 'Me', 'changed_since_approved'),
  entry('e', 4, 'Me', 'approved'),
];

describe('filterItems: the desk\'s filters by owner, state, SDG and "needs my review"', () => {
  it.each<[string, Filters, string, string[]]>([
    ['no filter', {}, 'Me', ['a', 'b', 'c', 'd', 'e']],
    ['an owner', { owner: 'Estates' }, 'Me', ['a', 'b']],
    ['no owner', { owner: '' }, 'Me', ['c']],
    ['a state', { state: 'approved' }, 'Me', ['b', 'e']],
    ['an SDG', { sdg: 17 }, 'Me', ['c', 'd']],
    ['needs my review: mine or flagged by me, not approved', { mine: true }, 'Me', ['c', 'd']],
    ['needs my review without a name', { mine: true }, '', []],
    ['filters together', { sdg: 7, state: 'awaiting_review' }, 'Me', ['a']],
  ])('%s', (_what, filters, reviewer, expected) => {
    const flaggedBy = (e: ReviewEntry) => e.comments.some((c) => c.author === reviewer);
    expect(filterItems(ENTRIES, filters, reviewer, flaggedBy).map((e) => e.itemId)).toEqual(expected);
  });
});

describe('html: every interpolated value is escaped unless it is html itself', () => {
  it.each([
    ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['" onmouseover="x', '<p>&quot; onmouseover=&quot;x</p>'],
    ["' and &", '<p>&#39; and &amp;</p>'],
  ])('%s', (value, expected) => {
    expect(html`<p>${value}</p>`.text).toBe(expected);
  });

  it('nests html without escaping it twice, and drops null, undefined and false', () => {
    expect(html`<ul>${['<a>', 'b'].map((x) => html`<li>${x}</li>`)}${null}${undefined}${false}</ul>`.text).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
  });
});
