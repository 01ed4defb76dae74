import type { MetricGap } from '../../src/analyse/metric-gap';
import { estimateScore, notEstimableSentence } from '../../src/analyse/score';
import { catalogue } from './items';

/** A metric judged with the given share of its points (only the fields the estimate reads matter). */
function m(metric: string, kind: MetricGap['kind'], weight: number | null, share: number): MetricGap {
  return { sdg: Number(metric.split('.')[0]), metric, title: metric, kind, questionType: null, weight, weightConfirmed: true, status: share >= 1 ? 'complete' : share > 0 ? 'partial' : 'missing', reason: null, items: [], bestItem: null, countedBy: null, share, shortfalls: [], weaknesses: [], heuristics: [], atStake: null };
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
    expect(sdg4).toMatchObject({ estimate: 10, estimableWeight: 20, notEstimableWeight: 30, share: 0.5 });
    expect(sdg4.notEstimable).toEqual([{ metric: '4.2.1', title: '4.2.1', kind: 'numeric', weight: 30, reason: 'normalised_numeric', missing: [] }]);
    expect(s.sdgs.find((e) => e.sdg === 17)!.notEstimable[0].reason).toBe('bibliometric');
    expect(s.sdgs.find((e) => e.sdg === 12)!.notEstimable[0].reason).toBe('weight_unknown');
    expect(s.label).toMatch(/^Estimate/);
  });

  it('takes SDG 17 plus the best three submitted SDGs by share, and finds a better selection among those with evidence', () => {
    const s = estimateScore(catalogue(), SDGS, [17, 4, 7, 12]);
    expect(s.eligibility.eligible).toBe(true);
    // Shares: 7 100 %, 4 50 %, 12 25 %; 22 % of 10 + 26 % of (10 + 10 + 10) points of 22 % of 10 + 26 % of (10 + 20 + 40)
    expect(s.submittedSelection).toMatchObject({ sdgs: [7, 4, 12], overall: 10, overallMax: 20.4 });
    expect(s.submittedSelection?.share).toBe(0.68);
    // Equal shares rank the SDG with more estimable weight first.
    expect(s.bestSelection).toMatchObject({ sdgs: [13, 7, 4], overall: 15.2, share: 0.87 });
    expect(s.betterSelectionAvailable).toBe(true);
  });

  it('compares selections as shares of their estimable maximum, not as totals out of different maxima', () => {
    // The case: a selection with more points in total (19.73 of 37.48) but a lower share than the
    // submitted one (16.12 of 28.12) is not "higher".
    const sdgs = [
      sdg(17, true, [m('17.2.1', 'evidence', 10, 1)]),
      sdg(4, true, [m('4.3.1', 'evidence', 10, 0.8)]),
      sdg(7, true, [m('7.2.1', 'policy', 10, 0.8)]),
      sdg(12, true, [m('12.2.1', 'policy', 10, 0.8)]),
      sdg(1, false, [m('1.3.1', 'evidence', 60, 0.5)]),
    ];
    const s = estimateScore(catalogue(), sdgs, [17, 4, 7, 12], [1, 4, 7]);
    expect(s.bestSelection?.sdgs).toEqual([4, 7, 12]);
    expect(s.betterSelectionAvailable).toBe(false);
    const withOne = s.whatIf!.selection!;
    expect(withOne.overall).toBeGreaterThan(s.submittedSelection!.overall);
    expect(withOne.share).toBeLessThan(s.submittedSelection!.share);
    expect(s.whatIf!.versusBest).toBeLessThan(0);
  });

  it('shows whole numbers and says so where the edition publishes bands', () => {
    const banded = { ...catalogue(), results: { presentation: 'band' as const, bands: ['601-800', '801-1000'], reporterStatus: true, confidence: '3P' as const, sources: [] } };
    const s = estimateScore(banded, SDGS, [17, 4, 7, 12]);
    expect(s.presentation).toMatchObject({ banded: true, bands: ['601-800', '801-1000'] });
    expect(s.submittedSelection?.overallMax).toBe(20);
    expect(s.caveats.some((c) => /bands \(e\.g\. 601-800, 801-1000\).*whole numbers/.test(c))).toBe(true);
    expect(estimateScore(catalogue(), SDGS, [17, 4, 7, 12]).presentation.banded).toBe(false);
  });

  it('names derived weights, unconfirmed rules, heuristics and what is not estimable in its caveats', () => {
    const derived = [sdg(17, true, [{ ...m('17.2.1', 'evidence', 10, 1), weightConfirmed: false, heuristics: ['in_progress_halves_statement'] }, m('17.1.1', 'bibliometric', 20, 0)]), ...SDGS.slice(1)];
    const s = estimateScore(catalogue(), derived, [17, 4, 7, 12]);
    expect(s.caveats.join('\n')).toMatch(/1 of the \d+ estimated metrics \(of the \d+ SDGs with evidence or submitted \([\d, ]+\)\) have weights derived by impact-pack.*17\.2\.1/);
    expect(s.caveats.join('\n')).toMatch(/Not estimable from the pack, of the \d+ SDGs with evidence or submitted \([\d, ]+\): 1 research metric \(.*1 numeric metric \(/);
    expect(s.caveats.join('\n')).toMatch(/in_progress.*impact-pack's heuristic, not THE's rule: in_progress_halves_statement/);
    expect(s.heuristics.map((h) => h.id)).toEqual(['in_progress_halves_statement', 'share_of_estimable']);
  });

  it('counts what is not estimable once, over the submitted SDGs and over the SDGs with evidence, each scope named', () => {
    const s = estimateScore(catalogue(), SDGS, [17, 4, 7, 12]);
    const [submitted, withEvidence] = s.notEstimableCounts;
    expect(submitted).toMatchObject({ scope: 'submitted', sdgs: [4, 7, 12, 17], label: 'of the 4 submitted SDGs (4, 7, 12, 17)' });
    expect(withEvidence.scope).toBe('with_evidence');
    expect(withEvidence.label).toMatch(/^of the \d+ SDGs with evidence or submitted \(/);
    expect(withEvidence.sdgs.length).toBeGreaterThan(submitted.sdgs.length);
    for (const t of s.notEstimableCounts) {
      const over = s.sdgs.filter((e) => t.sdgs.includes(e.sdg)).flatMap((e) => e.notEstimable);
      expect(Object.values(t.counts).reduce((a, b) => a + b, 0)).toBe(over.length);
      expect(t.counts.normalised_numeric).toBe(over.filter((n) => n.reason === 'normalised_numeric').length);
    }
    expect(notEstimableSentence(submitted)).toMatch(/^Not estimable from the pack, of the 4 submitted SDGs \(4, 7, 12, 17\): 1 research metric \(computed by THE from Scopus\), 1 numeric metric .*, 1 metric \(weight not known\); no points/);
    expect(notEstimableSentence({ ...submitted, counts: { bibliometric: 0, normalised_numeric: 0, weight_unknown: 0, not_scored: 0 } })).toBe('Not estimable from the pack, of the 4 submitted SDGs (4, 7, 12, 17): none.');
  });

  it('answers a what-if for a named selection, and refuses one that is too small', () => {
    const s = estimateScore(catalogue(), SDGS, [17, 4, 7, 12], [13, 7, 12]);
    expect(s.whatIf).toMatchObject({ requested: [7, 12, 13], eligible: true, selection: { sdgs: [13, 7, 12] } });
    expect(s.whatIf?.versusBest).toBeLessThan(0);
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
