import { loadCatalogue } from '../../src/criteria/load';
import { formatCatalogue, weightText } from '../../src/criteria/print';
import type { Catalogue } from '../../src/criteria/types';

/** Output of `impact-pack criteria`: what a coordinator reads to learn the metric ids, values and answers. */

const cat2022: Catalogue = loadCatalogue('2022').value!;
const cat2026: Catalogue = loadCatalogue('2026').value!;

describe('text listing', () => {
  const all = formatCatalogue(cat2022, { format: 'text' });

  test('starts with the edition, data year, windows and overall rules', () => {
    const head = all.split('\n').slice(0, 5);
    expect(head[0]).toBe('THE Impact Rankings 2022: criteria catalogue');
    expect(head[1]).toBe('Data year: 2020');
    expect(head[2]).toMatch(/^Policy window: 2017-2021 \(unconfirmed\): Not found for this edition/);
    expect(head[3]).toBe('Overall score: SDG 17 at 22% + the best 3 other SDGs at 26% each (confirmed) [S1, S2]');
    expect(all).toContain('  policy       max 4: The policy exists 1 + Evidence provided (graded up to) 1 + Evidence publicly available 1 + Policy created or reviewed within 2017-2021 1 (unconfirmed) [M, G1]');
  });

  test('lists every SDG with its colour, and known metric ids with their titles', () => {
    for (let n = 1; n <= 17; n++) expect(all).toMatch(new RegExp(`^SDG ${n}  .+  #[0-9A-F]{6}$`, 'm'));
    expect(all).toContain('SDG 17  Partnerships for the Goals  #19486A');
    expect(all).toContain('    17.2.1  Relationships with regional NGOs and government for SDG policy  (evidence, activity question, max 3 points; 3.7%) [S23, G1]');
    expect(all).toContain('    7.2.1  Energy-efficient renovation and building  (policy, policy question, max 4 points; 3.85%) [S13, M]');
    expect(all).toContain('    1.1.1  Papers co-authored with low or lower-middle income countries  (bibliometric, from Scopus; 7%) [S6, M]');
  });

  test('marks derived, unconfirmed and unknown weights', () => {
    expect(all).toContain('    1.3.3  Low-income student support  (evidence, activity question, max 3 points; 4.6% derived: Group weight 23 split evenly over its 5 questions; metric unconfirmed) [G1, G3]');
    expect(all).toContain('  13.4  Commitment to carbon neutral university  23% derived: 100 minus the other groups [G5]');
    expect(all).toMatch(/^ {4}6\.2\.1 {2}Water consumption tracking {2}\(evidence, measurement question, max 3 points; weight unknown\)/m);
  });

  test('shows named values and answer options with their points', () => {
    expect(all).toContain('        value low_income_students_aided_fte [students (FTE), required, counted as FTE]: Low-income students receiving significant financial aid because of poverty');
    expect(all).toContain('        value waste_landfill_tonnes [tonnes, optional]: Waste sent to landfill');
    expect(all).toContain('        answer whole_university: Measured across the whole university (1 point)');
    expect(all).toContain('        answer part_of_university: Measured in part of the university (0.5 points)');
    expect(all).toContain('        answer free_after_application: Access for all after an application (0.75 points)');
    expect(all).toContain('        answer overall_report: Within an overall report');
  });

  test('shows group notes of the edition', () => {
    expect(all).toContain('  6.4  Water reuse  12% [S12]\n        note: THE\'s 2020 page scored water reuse');
    expect(formatCatalogue(cat2026, { format: 'text' })).not.toContain('scored water reuse');
  });

  test('ends with the cited sources', () => {
    const sources = all.slice(all.indexOf('\nSources:\n'));
    expect(sources).toContain('  S6: https://www.timeshighereducation.com/impact-rankings-2023-no-poverty-sdg-1-methodology');
    expect(all.endsWith('\n')).toBe(true);
  });
});

describe('one SDG', () => {
  const sdg13 = formatCatalogue(cat2022, { sdg: 13, format: 'text' });

  test('lists only that SDG, with the rules still at the top', () => {
    expect(sdg13).toContain('SDG 13  Climate Action  #3F7E44');
    expect(sdg13).toContain('    13.4.2  Achieve carbon neutral by date  (evidence, date question, max 4 points; weight unknown; metric unconfirmed) [G1, G4]');
    expect(sdg13).toContain('        answer target_2030_2039: Target date from 2030 to 2039 (2 points)');
    expect(sdg13).toContain('Overall score: SDG 17 at 22%');
    expect(sdg13).not.toMatch(/^SDG (?!13 )/m);
    expect(sdg13).not.toContain('1.2.1');
  });

  test('cites only the sources that SDG and the rules use', () => {
    const sources = sdg13.slice(sdg13.indexOf('\nSources:\n'));
    expect(sources).toContain('  S19: ');
    expect(sources).not.toContain('  S6: ');
  });

  test('an SDG the catalogue lacks is said so', () => {
    expect(formatCatalogue(cat2022, { sdg: 18, format: 'text' })).toContain('SDG 18 is not in the 2022 catalogue.');
  });
});

describe('JSON', () => {
  test('is the Catalogue object', () => {
    expect(JSON.parse(formatCatalogue(cat2022, { format: 'json' }))).toEqual(cat2022);
  });

  test('with an SDG, keeps the edition-wide fields and only that SDG', () => {
    const parsed = JSON.parse(formatCatalogue(cat2026, { sdg: 7, format: 'json' })) as Catalogue;
    expect(parsed.sdgs.map((s) => s.number)).toEqual([7]);
    expect(parsed.sdgs[0].groups.map((g) => g.id)).toEqual(['7.1', '7.2', '7.3', '7.4', '7.5']);
    expect({ ...parsed, sdgs: [] }).toEqual({ ...cat2026, sdgs: [] });
  });
});

test('weightText says how sure a weight is', () => {
  expect(weightText({ weight: 27, weightConfirmed: true })).toBe('27%');
  expect(weightText({ weight: 4.6, weightConfirmed: false, weightBasis: 'even split' })).toBe('4.6% derived: even split');
  expect(weightText({ weight: 4.6, weightConfirmed: false })).toBe('4.6% unconfirmed');
  expect(weightText({ weight: null, weightConfirmed: false })).toBe('weight unknown');
});
