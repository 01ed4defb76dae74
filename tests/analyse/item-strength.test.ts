import { assessItem } from '../../src/analyse/item-strength';
import { scoringRuleFor } from '../../src/analyse/point-rule';
import { loadCatalogue } from '../../src/criteria/load';
import { findMetric } from '../../src/criteria/lookup';
import type { Catalogue } from '../../src/criteria/types';
import { catalogue, fullPolicy, item, metric } from './items';

const FILES = ['files/energy.pdf'];

function assess(p: ReturnType<typeof fullPolicy>, metricId: string, resolvedFiles = FILES) {
  return assessItem({ item: p.item, file: p.file, metric: metric(metricId), catalogue: catalogue(), resolvedFiles, diagnostics: [] });
}

describe('assessItem: THE point rules per question', () => {
  it('gives a policy with evidence, a public URL and a date in the window all four points', () => {
    const s = assess(fullPolicy(), '7.2.1');
    expect(s).toMatchObject({ share: 1, earned: 4, maxPoints: 4, shortfalls: [], owner: 'Estates office' });
  });

  it.each([
    ['no public URL', fullPolicy([], ['public_urls']), FILES, 'not_public', 'add a public URL', 0.75],
    ['no file and no URL', fullPolicy([], ['public_urls', 'supporting_files']), [], 'no_evidence', 'attach the policy', 0.5],
    ['dates outside the window', fullPolicy(['policy: { created: "2010", last_reviewed: "2012" }'], ['policy']), FILES, 'policy_outside_window', 'review the policy and record the review date (inside 2017-2021)', 0.75],
    ['dates unknown', fullPolicy(['policy: { created: unknown, last_reviewed: unknown }'], ['policy']), FILES, 'policy_dates_unknown', 'record the creation and review dates', 0.75],
  ])('a policy with %s loses the matching point, with a concrete step', (_label, p, files, kind, step, share) => {
    const s = assess(p, '7.2.1', files);
    expect(s.share).toBe(share);
    expect(s.shortfalls.find((x) => x.kind === kind)).toMatchObject({ step, points: 1 });
  });

  it('values a public URL at two points when nothing else is attached, since it counts as evidence too', () => {
    const s = assess(fullPolicy([], ['public_urls', 'supporting_files']), '7.2.1', []);
    expect(s.shortfalls.map((x) => [x.step, x.points])).toEqual([
      ['attach the policy', 1],
      ['add a public URL', 2],
    ]);
  });

  it('gives nothing for a plan, and says that making it happen recovers every point', () => {
    const s = assess(fullPolicy(['progress: planned']), '7.2.1');
    expect(s.share).toBe(0);
    const plan = s.shortfalls.find((x) => x.kind === 'not_achieved');
    expect(plan?.points).toBe(4);
  });

  it('halves existence for an activity carried out by a student association', () => {
    const p = item('items/a.yaml', [
      'id: a', 'sdg: 17', 'metric: "17.2.2"', 'kind: practice', 'title: T', 'narrative: N',
      'period: { start: "2020-01-01", end: "2020-12-31" }', 'carried_out_by: student_association',
      'public_urls: ["https://www.example.edu/a"]', 'status: draft',
    ]);
    const s = assess(p, '17.2.2', []);
    expect(s.earned).toBe(2.5);
    expect(s.maxPoints).toBe(3);
    expect(s.shortfalls.map((x) => x.kind)).toEqual(['not_by_university']);
  });

  it('credits an activity outside the data year with nothing', () => {
    const p = item('items/a.yaml', [
      'id: a', 'sdg: 17', 'metric: "17.2.2"', 'kind: practice', 'title: T', 'narrative: N',
      'period: { start: "2018-01-01", end: "2018-12-31" }', 'public_urls: ["https://www.example.edu/a"]', 'status: draft',
    ]);
    const s = assess(p, '17.2.2', []);
    expect(s.share).toBe(0);
    expect(s.shortfalls[0]).toMatchObject({ kind: 'outside_data_year', points: 3, step: 'give evidence of the activity in 2020' });
  });

  it('grades a measurement question by its answer (part of the university earns half the existence point)', () => {
    const p = item('items/m.yaml', [
      'id: m', 'sdg: 2', 'metric: "2.2.1"', 'kind: measurement', 'title: T', 'narrative: N', 'answer: part_of_university',
      'public_urls: ["https://www.example.edu/m"]', 'status: draft',
    ]);
    const s = assess(p, '2.2.1', []);
    expect(s.earned).toBe(2.5);
    expect(s.shortfalls[0]).toMatchObject({ kind: 'partial_answer', points: 0.5 });
  });

  it('grades the carbon-neutral date question by its date band', () => {
    const p = item('items/d.yaml', ['id: d', 'sdg: 13', 'metric: "13.4.2"', 'kind: practice', 'title: T', 'narrative: N', 'answer: target_2040_2049', 'status: draft']);
    const s = assess(p, '13.4.2', []);
    expect(s).toMatchObject({ earned: 1, maxPoints: 4 });
    expect(s.shortfalls[0]).toMatchObject({ kind: 'partial_answer', points: 3 });
  });

  it('judges a numeric item on completeness: values, a source, agreement with the facts', () => {
    const p = item('items/n.yaml', [
      'id: n', 'sdg: 6', 'metric: "6.2.2"', 'kind: numeric', 'title: T', 'narrative: N',
      'values: { water_consumed_m3: { value: 100, unit: m3 } }', 'status: draft',
    ]);
    const s = assessItem({ item: p.item, file: p.file, metric: metric('6.2.2'), catalogue: catalogue(), resolvedFiles: [], diagnostics: [], inconsistentValues: ['students_fte'] });
    expect(s.shortfalls.map((x) => x.kind)).toEqual(['values_missing', 'no_evidence', 'values_inconsistent']);
    // Five completeness checks (values, basis, year, source, facts): basis and year are not flagged here.
    expect(s).toMatchObject({ earned: 2, maxPoints: 5, heuristics: ['numeric_completeness'] });
    expect(s.shortfalls.every((x) => x.heuristic === 'numeric_completeness' && x.message.endsWith("(impact-pack's heuristic)"))).toBe(true);
  });

  it('counts an item with errors as earning nothing until they are fixed', () => {
    const p = fullPolicy();
    const s = assessItem({
      item: p.item, file: p.file, metric: metric('7.2.1'), catalogue: catalogue(), resolvedFiles: FILES,
      diagnostics: [{ code: 'X', severity: 'error', message: 'm', file: p.file, line: 1, column: 1, source: 'rule' }],
    });
    expect(s.share).toBe(0);
    expect(s.shortfalls[0]).toMatchObject({ kind: 'errors', points: 4 });
  });
});

describe('assessItem: the point rule read from the edition (components, grades, bonus, cap)', () => {
  const rule2027 = () => loadCatalogue('2027').value!;

  /** A catalogue whose policy rule gives the date point as a bonus on top of three points, capped at three. */
  function capped(): Catalogue {
    const c = structuredClone(catalogue());
    c.pointRules = c.pointRules.map((r) =>
      r.questionType !== 'policy'
        ? r
        : {
            ...r,
            maxPoints: 3,
            cap: 3,
            components: [
              { id: 'statement', label: 'Statement', points: 1 },
              { id: 'evidence', label: 'Evidence', points: 1, grades: { specific: 1, general: 0.5 } },
              { id: 'public', label: 'Public', points: 1 },
              { id: 'policy_date', label: 'Bonus', points: 1, bonus: true },
            ],
          },
    );
    return c;
  }

  it.each([
    ['specific evidence earns the whole evidence point', ['relevance: specific'], 4, []],
    ['general evidence earns half of it', ['relevance: general'], 3.5, ['relevance_general']],
    ['evidence of unstated relevance is graded general, as impact-pack\'s heuristic', [], 3.5, ['relevance_unstated']],
  ])('2027: %s', (_label, extra, earned, kinds) => {
    const p = fullPolicy([...extra, 'policy: { created: "2018", last_reviewed: "2024-06" }'], ['policy']);
    const s = assessItem({ item: p.item, file: p.file, metric: findMetric(rule2027(), '7.2.1')!, catalogue: rule2027(), resolvedFiles: FILES, diagnostics: [] });
    expect(s.earned).toBe(earned);
    expect(s.maxPoints).toBe(4);
    expect(s.shortfalls.map((x) => x.kind)).toEqual(kinds);
    if (kinds[0] === 'relevance_unstated') {
      expect(s.shortfalls[0]).toMatchObject({ heuristic: 'relevance_default_general', points: 0.5 });
      expect(s.heuristics).toEqual(['relevance_default_general']);
    }
  });

  it('caps the total, so a bonus makes up a missing point and a step never promises what the cap takes back', () => {
    const c = capped();
    const p = fullPolicy(['relevance: specific'], ['public_urls']);
    const s = assessItem({ item: p.item, file: p.file, metric: findMetric(c, '7.2.1')!, catalogue: c, resolvedFiles: FILES, diagnostics: [] });
    // statement 1 + evidence 1 + bonus 1 = 3, the cap: complete without a public URL.
    expect(s).toMatchObject({ earned: 3, maxPoints: 3, share: 1 });
    expect(s.shortfalls.find((x) => x.kind === 'not_public')?.points).toBe(0);
    const outside = fullPolicy(['relevance: specific', 'policy: { created: "2010", last_reviewed: "2012" }'], ['public_urls', 'policy']);
    const t = assessItem({ item: outside.item, file: outside.file, metric: findMetric(c, '7.2.1')!, catalogue: c, resolvedFiles: FILES, diagnostics: [] });
    expect(t.earned).toBe(2);
    expect(t.shortfalls.map((x) => [x.kind, x.points])).toEqual([
      ['not_public', 1],
      ['policy_outside_window', 1],
    ]);
  });

  it('reads component ids from their position in older catalogue files', () => {
    expect(scoringRuleFor(catalogue(), metric('7.2.1')).components.map((x) => x.id)).toEqual(['statement', 'evidence', 'public', 'policy_date']);
    expect(scoringRuleFor(catalogue(), metric('13.4.2')).components.map((x) => x.id)).toEqual(['date_band']);
  });
});
