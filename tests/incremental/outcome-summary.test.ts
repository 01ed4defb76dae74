import { describeOutcomes } from '../../src/incremental/outcome-summary';

describe('describeOutcomes', () => {
  it('says nothing about a first build into a folder', () => {
    expect(describeOutcomes([{ sdg: 7, reused: false, reasons: [] }, { sdg: 17, reused: false, reasons: [] }])).toBeUndefined();
  });

  it('names the re-rendered documents with their reasons and counts the reused ones', () => {
    expect(
      describeOutcomes([
        { sdg: 7, reused: false, reasons: ['items/a.yaml changed', 'items/b.yaml changed', 'files/x.pdf changed'] },
        { sdg: 17, reused: true },
        { sdg: 4, reused: true },
      ]),
    ).toBe('Re-rendered SDG 7 (items/a.yaml changed, items/b.yaml changed and 1 more); 2 unchanged SDG document(s) reused from the previous build.');
  });

  it('says when nothing was rendered, and when everything was for one reason', () => {
    expect(describeOutcomes([{ sdg: 7, reused: true }])).toBe(
      'Nothing changed in the SDG documents: 1 unchanged SDG document(s) reused from the previous build; the aggregate reports were rewritten.',
    );
    const shared = ['settings, templates or options changed'];
    expect(describeOutcomes([{ sdg: 7, reused: false, reasons: shared }, { sdg: 17, reused: false, reasons: shared }])).toBe(
      'Re-rendered all 2 SDG document(s) (settings, templates or options changed).',
    );
  });
});
