import type { MetricGap } from '../../src/analyse/metric-gap';
import { estimateScore } from '../../src/analyse/score';
import { catalogue } from './items';

/** A metric judged with the given share of its points (only the fields the estimate reads matter). */
function m(metric: string, kind: MetricGap['kind'], weight: number | null, share: number): MetricGap {
  return { sdg: Number(metric.split('.')[0]), metric, title: metric, kind, questionType: null, weight, weightConfirmed: true, status: share >= 1 ? 'complete' : share > 0 ? 'partial' : 'missing', reason: null, items: [], bestItem: null, share, shortfalls: [], weaknesses: [], atStake: null };
}

function sdg(n: number, submitted: boolean, metrics: MetricGap[]) {
  return { sdg: n, title: `SDG ${n}`, submitted, items: metrics.length, metrics };
}

const SDGS = [
  sdg(17, true, [m('17.2.1', 'evidence', 10, 1), m('17.1.1', 'bibliometric', 20, 0)]),
  sdg(4, true, [m('4.3.1', 'evidence', 20, 0.5), m('4.2.1', 'numeric', 30, 1)]),
  sdg(7, true, [m('7.2.1', 'policy', 10, 1)]),
  sdg(12, true, [m('12.2.1', 'policy', 40, 0.25), m('12.2.2', 'evidence', null, 1)]),
  sdg(13, false, [m('13.3.1', 'evidence', 30, 1)]),
];

describe('provisional score', () => {
  it('estimates each SDG from the evidence questions only, and names what it cannot estimate', () => {
    const s = estimateScore(catalogue(), SDGS, [17, 4, 7, 12]);
    const sdg4 = s.sdgs.find((e) => e.sdg === 4)!;
    expect(sdg4).toMatchObject({ estimate: 10, estimableWeight: 20, notEstimableWeight: 30 });
    expect(sdg4.notEstimable).toEqual([{ metric: '4.2.1', title: '4.2.1', kind: 'numeric', weight: 30, reason: 'normalised_numeric' }]);
    expect(s.sdgs.find((e) => e.sdg === 17)!.notEstimable[0].reason).toBe('bibliometric');
    expect(s.sdgs.find((e) => e.sdg === 12)!.notEstimable[0].reason).toBe('weight_unknown');
    expect(s.label).toMatch(/^Estimate/);
  });

  it('takes SDG 17 plus the best three submitted SDGs, and finds a better selection among those with evidence', () => {
    const s = estimateScore(catalogue(), SDGS, [17, 4, 7, 12]);
    expect(s.eligibility.eligible).toBe(true);
    // 22 % of 10 + 26 % of (10 + 10 + 10); equal estimates rank the SDG with more room first
    expect(s.submittedSelection).toEqual({ sdgs: [12, 4, 7], overall: 10, overallMax: 20.4 });
    expect(s.bestSelection?.sdgs).toEqual([13, 12, 4]);
    expect(s.bestSelection?.overall).toBe(15.2);
    expect(s.betterSelectionAvailable).toBe(true);
  });

  it('answers a what-if for a named selection, and refuses one that is too small', () => {
    const s = estimateScore(catalogue(), SDGS, [17, 4, 7, 12], [13, 7, 12]);
    expect(s.whatIf).toMatchObject({ requested: [7, 12, 13], eligible: true, selection: { sdgs: [13, 12, 7] }, versusBest: 0 });
    const small = estimateScore(catalogue(), SDGS, [17, 4, 7, 12], [4, 7]);
    expect(small.whatIf).toMatchObject({ eligible: false, selection: null });
    expect(small.whatIf?.message).toMatch(/at least 3 other SDGs/);
  });

  it('is not eligible without SDG 17 or with fewer than three others', () => {
    expect(estimateScore(catalogue(), SDGS, [4, 7, 12, 13]).eligibility.message).toMatch(/SDG 17 is not submitted/);
    const few = estimateScore(catalogue(), SDGS, [17, 4]);
    expect(few.eligibility.eligible).toBe(false);
    expect(few.submittedSelection).toBeNull();
  });
});
