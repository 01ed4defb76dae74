import { sdgCoverage } from '../../src/analyse/coverage';
import type { MetricGap, MetricStatus } from '../../src/analyse/metric-gap';
import type { MetricGroup } from '../../src/criteria/types';

/** A judged metric with a status (only the fields the coverage reads matter). */
function m(metric: string, status: MetricStatus, kind: MetricGap['kind'] = 'evidence'): MetricGap {
  return { sdg: 17, metric, title: metric, kind, questionType: null, weight: null, weightConfirmed: false, status, reason: null, items: [], bestItem: null, countedBy: null, share: 0, shortfalls: [], weaknesses: [], heuristics: [], atStake: null };
}

function group(id: string, ids: string[], perSdg: boolean): MetricGroup {
  return { id, sdg: 17, title: `Group ${id}`, weight: 27.2, weightConfirmed: true, sources: [], ...(perSdg ? { perSdg: true } : {}), metrics: ids.map((x) => ({ id: x, sdg: 17, groupId: id, title: x, kind: 'evidence', weight: null, weightConfirmed: false, confirmed: false, sources: [] })) };
}

const reports = Array.from({ length: 17 }, (_, i) => `17.3.${i + 1}`);
const others = [m('17.1.1', 'computed_by_the', 'bibliometric'), m('17.2.1', 'complete'), m('17.2.2', 'missing'), m('17.4.4', 'not_scored'), m('17.4.1', 'not_applicable')];
const groups = (perSdg: boolean) => [group('17.3', reports, perSdg), group('17.2', ['17.2.1', '17.2.2'], false)];

describe('coverage of an SDG', () => {
  it.each<[string, MetricStatus[], { status: string; answered: number; complete: number; partial: number; missing: number; outOfPlay: number }]>([
    ['none answered: one missing group, not 17 missing metrics', [], { status: 'missing', answered: 0, complete: 1, partial: 0, missing: 2, outOfPlay: 1 }],
    ['some answered: one partial group', ['complete', 'partial'], { status: 'partial', answered: 2, complete: 1, partial: 1, missing: 1, outOfPlay: 1 }],
    ['all complete: one complete group', Array<MetricStatus>(17).fill('complete'), { status: 'complete', answered: 17, complete: 2, partial: 0, missing: 1, outOfPlay: 1 }],
    ['all not applicable: out of play', Array<MetricStatus>(17).fill('not_applicable'), { status: 'not_applicable', answered: 0, complete: 1, partial: 0, missing: 1, outOfPlay: 2 }],
  ])('%s', (_, answered, expected) => {
    const metrics = [...others, ...reports.map((id, i) => m(id, answered[i] ?? 'missing'))];
    const c = sdgCoverage(metrics, groups(true));
    expect(c.grouped).toEqual([{ group: '17.3', title: 'Group 17.3', questions: 17, answered: expected.answered, status: expected.status }]);
    expect({ complete: c.complete, partial: c.partial, missing: c.missing, outOfPlay: c.outOfPlay }).toEqual({ complete: expected.complete, partial: expected.partial, missing: expected.missing, outOfPlay: expected.outOfPlay });
    // Research metrics left out; a not-scored question counted apart; the total adds up.
    expect(c.notScored).toBe(1);
    expect(c.total).toBe(c.complete + c.partial + c.missing + c.outOfPlay + c.notScored);
    expect(c.total).toBe(4 + 1);
  });

  it('counts every question of a group the catalogue does not mark per_sdg', () => {
    const c = sdgCoverage([...others, ...reports.map((id) => m(id, 'missing'))], groups(false));
    expect(c.grouped).toEqual([]);
    expect(c.missing).toBe(18);
    expect(c.total).toBe(4 + 17);
  });
});
