import { loadCatalogue } from '../../src/criteria/load';
import { allMetrics, findGroup, findMetric, metricsOfSdg, pointRuleFor, sdgOf } from '../../src/criteria/lookup';
import type { Catalogue } from '../../src/criteria/types';

const cat: Catalogue = loadCatalogue('2022').value!;

test('findMetric finds by string id and tells 6.1 from 6.10-like ids', () => {
  expect(findMetric(cat, '17.2.1')).toMatchObject({ id: '17.2.1', sdg: 17, groupId: '17.2', kind: 'evidence', weight: 3.7 });
  expect(findMetric(cat, '10.6.10')).toMatchObject({ id: '10.6.10', title: 'Disability accommodation policy', kind: 'policy' });
  expect(findMetric(cat, '10.6.1')?.title).toBe('Non-discriminatory admissions policy');
  expect(findMetric(cat, '17.2')).toBeUndefined();
  expect(findMetric(cat, '2.3.5')).toBeUndefined(); // added in later editions only
});

test('findGroup and sdgOf', () => {
  expect(findGroup(cat, '13.4')).toMatchObject({ id: '13.4', sdg: 13, weight: 23, weightConfirmed: false });
  expect(findGroup(cat, '7.5')).toBeUndefined();
  expect(sdgOf(cat, 6)).toMatchObject({ number: 6, title: 'Clean Water and Sanitation', colour: '#26BDE2' });
  expect(sdgOf(cat, 0)).toBeUndefined();
});

test('metricsOfSdg lists one SDG in file order', () => {
  expect(metricsOfSdg(cat, 9).map((m) => m.id)).toEqual(['9.1.1', '9.2.1', '9.3.1', '9.4.1']);
  expect(metricsOfSdg(cat, 18)).toEqual([]);
});

test('allMetrics follows SDG, group and metric order as written, and is a copy', () => {
  const ids = allMetrics(cat).map((m) => m.id);
  expect(ids.slice(0, 5)).toEqual(['1.1.1', '1.1.2', '1.1.3', '1.2.1', '1.3.1']);
  expect(ids[ids.length - 1]).toBe('17.4.3');
  // 12.2 has no question 12.2.2: order is the file's, not a renumbering.
  expect(ids.slice(ids.indexOf('12.2.1'), ids.indexOf('12.2.1') + 2)).toEqual(['12.2.1', '12.2.3']);
  const copy = allMetrics(cat);
  copy.pop();
  expect(allMetrics(cat)).toHaveLength(ids.length);
});

test('pointRuleFor returns the rule of each question type', () => {
  expect(pointRuleFor(cat, 'policy')).toMatchObject({ questionType: 'policy', maxPoints: 4, confirmed: false });
  expect(pointRuleFor(cat, 'measurement')?.maxPoints).toBe(3);
  expect(pointRuleFor(loadCatalogue('2026').value!, 'activity')).toMatchObject({ maxPoints: 3, confirmed: true });
});
