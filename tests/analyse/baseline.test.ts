import { compareWithBaseline, parseBaseline, type Baseline } from '../../src/analyse/baseline';

function baseline(metrics: Baseline['metrics'], sdgs: Record<string, number>, overall: number | null): Baseline {
  return { kind: 'impact-pack-gap-baseline', schemaVersion: 1, institution: 'U', edition: '2022', asOf: '2021-11-01', metrics, estimates: { overall, sdgs }, values: { facts: {}, values: [] } };
}

describe('baseline ratchet', () => {
  it('counts a status that falls or an estimate that drops as a regression, and the reverse as an improvement', () => {
    const before = baseline({ '7.2.1': 'complete', '7.2.2': 'partial', '7.2.3': 'missing', '7.2.4': 'missing' }, { '7': 10, '17': 5 }, 4);
    const after = baseline({ '7.2.1': 'partial', '7.2.2': 'missing', '7.2.3': 'complete', '7.2.4': 'not_applicable' }, { '7': 9.5, '17': 5.001 }, 4.2);
    const c = compareWithBaseline(before, after, 'b.json');
    expect(c.regressions.map((x) => x.message)).toEqual(['Metric 7.2.1: complete → partial', 'Metric 7.2.2: partial → missing', 'SDG 7 estimate: 10 → 9.5']);
    expect(c.improvements.map((x) => x.message)).toEqual(['Metric 7.2.3: missing → complete', 'Overall estimate: 4 → 4.2']);
  });

  it('orders metric ids as numbers (6.9 before 6.10) and treats losing eligibility as a regression', () => {
    const c = compareWithBaseline(baseline({ '6.10': 'complete', '6.9': 'complete' }, {}, 3), baseline({ '6.10': 'partial', '6.9': 'partial' }, {}, null), 'b');
    expect(c.regressions.map((x) => x.subject)).toEqual(['6.9', '6.10', 'overall']);
  });

  it('reads only its own versioned shape', () => {
    expect(parseBaseline('not json').problem).toMatch(/not JSON/);
    expect(parseBaseline('{"kind":"impact-pack-gap-baseline","schemaVersion":2}').problem).toMatch(/schemaVersion 2/);
    expect(parseBaseline(JSON.stringify({ ...baseline({ '1.2.1': 'done' as never }, {}, null) })).problem).toMatch(/unknown status/);
    expect(parseBaseline(JSON.stringify(baseline({ '1.2.1': 'missing' }, { '1': 2 }, null))).value?.metrics).toEqual({ '1.2.1': 'missing' });
  });
});
