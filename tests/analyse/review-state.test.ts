import { itemContentHash } from '../../src/analyse/content-hash';
import { applyReviewAction } from '../../src/analyse/review-edit';
import { assessReviewState } from '../../src/analyse/review-state';
import { parseItem } from '../../src/parse/item';
import { fullPolicy, item } from './items';

const BASE = [
  '# A comment the coordinator wrote',
  'id: energy-policy',
  'sdg: 7',
  'metric: "7.2.1"',
  'kind: policy',
  'title: Energy policy   # kept as written',
  'narrative: The board adopted it.',
  'policy: { created: "2018", last_reviewed: "2020-06" }',
  'status: in_review',
  'review_notes:',
  '  - The 2020 minutes are not attached.',
];

function approved(lines: string[]): string[] {
  const text = applyReviewAction(`${lines.join('\n')}\n`, { kind: 'approve', reviewer: 'J. Martin', date: '2021-10-04', contentHash: itemContentHash(item('x.yaml', lines).item) });
  if (!text) throw new Error('not editable');
  return text.trimEnd().split('\n');
}

describe('content hash', () => {
  it('ignores review bookkeeping, key order and layout, but not a changed value', () => {
    const a = item('a.yaml', ['id: a', 'sdg: 7', 'title: T', 'status: draft']);
    const b = item('b.yaml', ['title: T', 'sdg: 7', 'id: a', 'status: approved', 'sign_off: { reviewer: R, date: "2021-01-01" }', 'review_notes: [n]']);
    const c = item('c.yaml', ['id: a', 'sdg: 7', 'title: T.', 'status: draft']);
    expect(itemContentHash(a.item)).toBe(itemContentHash(b.item));
    expect(itemContentHash(a.item)).not.toBe(itemContentHash(c.item));
    expect(itemContentHash(a.item)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('review state', () => {
  it('tells awaiting review, approved, changed since approved, approved without a hash, and flagged apart', () => {
    const signed = approved(BASE);
    const edited = signed.map((l) => (l.startsWith('narrative:') ? 'narrative: The board adopted it in 2018.' : l));
    const byHand = [...BASE.filter((l) => !l.startsWith('status:')), 'status: approved', 'sign_off: { reviewer: A, date: "2021-10-01" }'];
    const flaggedText = applyReviewAction(`${signed.join('\n')}\n`, { kind: 'flag', reviewer: 'K. Lee', date: '2021-10-05', comment: 'Which minutes?' });
    const items = [
      item('items/waiting.yaml', BASE),
      item('items/ok.yaml', signed),
      item('items/edited.yaml', edited),
      item('items/by-hand.yaml', byHand),
      parseItem('items/flagged.yaml', flaggedText ?? '').value!,
    ];
    const { value, diagnostics } = assessReviewState(items);
    expect(value.items.map((e) => [e.file, e.state])).toEqual([
      ['items/waiting.yaml', 'awaiting_review'],
      ['items/ok.yaml', 'approved'],
      ['items/edited.yaml', 'changed_since_approved'],
      ['items/by-hand.yaml', 'approved_unverified'],
      ['items/flagged.yaml', 'flagged'],
    ]);
    expect(value.items[4].comments).toEqual([{ note: 'Which minutes?', author: 'K. Lee', date: '2021-10-05' }]);
    expect(diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual(['SIGN_OFF_STALE items/edited.yaml:15', 'REVIEW_FLAGGED items/flagged.yaml:12']);
    expect(value.counts).toEqual({ flagged: 1, changed_since_approved: 1, awaiting_review: 1, approved_unverified: 1, approved: 1 });
  });

  it('treats a reviewer comment older than the sign-off as resolved', () => {
    const lines = [...BASE.slice(0, -2), 'status: approved', 'sign_off: { reviewer: J, date: "2021-10-04" }', 'review_notes:', '  - { note: Fix the title, author: K, date: "2021-10-01" }'];
    expect(assessReviewState([item('a.yaml', lines)]).value.items[0].state).toBe('approved_unverified');
  });
});

describe('applyReviewAction', () => {
  it('approves by changing only the status line and adding the sign-off, comments and layout kept', () => {
    const after = approved(BASE);
    expect(after.slice(0, 8)).toEqual(BASE.slice(0, 8));
    expect(after).toContain('status: approved');
    expect(after.slice(-4)).toEqual(['sign_off:', '  reviewer: "J. Martin"', '  date: "2021-10-04"', expect.stringMatching(/^ {2}content_hash: "sha256:[0-9a-f]{64}"$/)]);
  });

  it('replaces an earlier sign-off instead of adding a second one', () => {
    const twice = approved(approved(BASE));
    expect(twice.filter((l) => l === 'sign_off:')).toHaveLength(1);
  });

  it('flags by appending a reviewer note at the indentation of the list, and withdraws the approval', () => {
    const text = applyReviewAction(`${approved(BASE).join('\n')}\n`, { kind: 'flag', reviewer: 'K. Lee', date: '2021-10-05', comment: 'Say "which" minutes: #3' })!;
    const lines = text.trimEnd().split('\n');
    expect(lines).toContain('status: in_review');
    expect(lines).not.toContain('sign_off:');
    const at = lines.indexOf('  - The 2020 minutes are not attached.');
    expect(lines.slice(at + 1, at + 4)).toEqual(['  - note: "Say \\"which\\" minutes: #3"', '    author: "K. Lee"', '    date: "2021-10-05"']);
    expect(parseItem('x.yaml', text).value?.item.review_notes).toHaveLength(2);
  });

  it('refuses a file that is not a block mapping', () => {
    expect(applyReviewAction('{ id: a, status: draft }\n', { kind: 'approve', reviewer: 'R', date: '2021-01-01', contentHash: 'sha256:0' })).toBeUndefined();
  });

  it('keeps the content hash unchanged by its own edit', () => {
    const p = fullPolicy();
    const text = applyReviewAction(`${p.source.text}`, { kind: 'approve', reviewer: 'R', date: '2021-01-01', contentHash: itemContentHash(p.item) })!;
    expect(itemContentHash(parseItem('x.yaml', text).value!.item)).toBe(itemContentHash(p.item));
  });
});
