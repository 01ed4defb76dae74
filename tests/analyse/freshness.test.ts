import { assessFreshness, windowsAsOf } from '../../src/analyse/freshness';
import { catalogue, fullPolicy, item } from './items';

const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe('freshness on the as-of date', () => {
  const withNext = (next: string) => fullPolicy([`policy: { created: "2018", last_reviewed: "2020-06", next_review: "${next}" }`], ['policy']);

  it('reports a review overdue once its date has passed, and due soon within the given days', () => {
    const items = [withNext('2021-09-30')];
    expect(assessFreshness(items, catalogue(), day('2021-11-01')).value.map((f) => f.kind)).toEqual(['review_overdue']);
    expect(assessFreshness([withNext('2021-12-15')], catalogue(), day('2021-11-01')).value.map((f) => f.kind)).toEqual(['review_due_soon']);
    expect(assessFreshness([withNext('2021-12-15')], catalogue(), day('2021-11-01'), 30).value).toEqual([]);
    expect(assessFreshness([withNext('2022-06')], catalogue(), day('2021-11-01')).value).toEqual([]);
  });

  it('treats a year as due at its end, not its start', () => {
    expect(assessFreshness([withNext('2021')], catalogue(), day('2021-06-01'), 10).value).toEqual([]);
    expect(assessFreshness([withNext('2021')], catalogue(), day('2022-01-01')).value.map((f) => f.kind)).toEqual(['review_overdue']);
  });

  it('moves the windows on once the edition\'s timetable has passed, and reports what left them', () => {
    expect(windowsAsOf(catalogue(), day('2021-11-01'))).toEqual({ shift: 0, dataYear: 2020, policyWindow: { from: 2017, to: 2021 } });
    expect(windowsAsOf(catalogue(), day('2023-03-01'))).toEqual({ shift: 2, dataYear: 2022, policyWindow: { from: 2019, to: 2023 } });
    const old = fullPolicy(['policy: { created: "2017", last_reviewed: "2018" }'], ['policy']);
    const activity = item('items/a.yaml', ['id: a', 'sdg: 17', 'metric: "17.2.2"', 'kind: practice', 'title: T', 'narrative: N', 'period: { start: "2020-01-01", end: "2020-12-31" }', 'status: draft']);
    expect(assessFreshness([old, activity], catalogue(), day('2021-11-01')).value).toEqual([]);
    const later = assessFreshness([old, activity], catalogue(), day('2023-03-01'));
    expect(later.value.map((f) => [f.itemId, f.kind, f.line])).toEqual([
      ['energy-policy', 'left_window', 11],
      ['a', 'left_window', 7],
    ]);
    expect(later.diagnostics.map((d) => d.code)).toEqual(['EVIDENCE_LEFT_WINDOW', 'EVIDENCE_LEFT_WINDOW']);
  });
});
