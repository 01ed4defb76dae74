import { checkFactConsistency } from '../../src/analyse/fact-consistency';
import { findValueOutliers } from '../../src/analyse/value-outliers';
import { valueSnapshot } from '../../src/analyse/value-snapshot';
import { parseYamlSource } from '../../src/parse/yaml-source';
import { item } from './items';

const FACTS = { students_fte: { value: 1430, unit: 'students (FTE)' }, floor_area_m2: { value: 52000, unit: 'm2' } };

function waterItem(id: string, students: number, water: number) {
  return item(`items/${id}.yaml`, [
    `id: ${id}`, 'sdg: 6', 'metric: "6.2.2"', 'kind: numeric', 'title: T', 'narrative: N', 'values:',
    '  water_used_m3:', `    value: ${water}`, '    unit: m3',
    '  students_fte:', `    value: ${students}`, '    unit: students (FTE)',
    'status: draft',
  ]);
}

describe('institution facts', () => {
  it('flags an item that states a declared fact differently, at the value', () => {
    const { value, diagnostics } = checkFactConsistency(FACTS, [waterItem('agrees', 1430, 100), waterItem('differs', 1453, 100)]);
    expect(value).toEqual([expect.objectContaining({ fact: 'students_fte', declared: 1430, stated: 1453, itemId: 'differs', line: 12, column: 12 })]);
    expect(diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual(['FACT_MISMATCH items/differs.yaml:12:12']);
  });

  it('tells every item that differs from a fact, each naming the others', () => {
    const { diagnostics } = checkFactConsistency(FACTS, [waterItem('one', 1453, 100), waterItem('agrees', 1430, 100), waterItem('two', 1500, 100)]);
    expect(diagnostics.map((d) => `${d.file} ${d.sdg} ${d.metric} ${d.message}`)).toEqual([
      'items/one.yaml 6 6.2.2 students_fte is 1453 students (FTE) here, but impact-pack.yaml declares 1430 students (FTE) for the institution. Other items that differ from it: two.',
      'items/two.yaml 6 6.2.2 students_fte is 1500 students (FTE) here, but impact-pack.yaml declares 1430 students (FTE) for the institution. Other items that differ from it: one.',
    ]);
  });

  it('has nothing to say without facts', () => {
    expect(checkFactConsistency(undefined, [waterItem('a', 1, 1)]).value).toEqual([]);
  });
});

describe('outliers against an earlier snapshot', () => {
  const config = parseYamlSource('impact-pack.yaml', 'facts:\n  students_fte:\n    value: 1430\n    unit: students\n').value!;

  it('flags figures that moved by more than the share, matching items by id or by metric and name', () => {
    const before = valueSnapshot({ facts: { students_fte: { value: 1000, unit: 'students' } } }, [waterItem('water-2019', 1000, 100)]);
    const now = valueSnapshot({ facts: FACTS }, [waterItem('water-2020', 1430, 110)]);
    const { value, diagnostics } = findValueOutliers(now, before, [waterItem('water-2020', 1430, 110)], { share: 0.25, against: 'the previous pack', configSource: config });
    expect(value.map((o) => [o.scope, o.name, o.previous, o.current, o.change, o.file, o.line])).toEqual([
      ['fact', 'students_fte', 1000, 1430, 0.43, 'impact-pack.yaml', 3],
      ['value', 'students_fte', 1000, 1430, 0.43, 'items/water-2020.yaml', 12],
    ]);
    expect(diagnostics[0].message).toBe('Fact students_fte moved from 1000 to 1430 (+43 %) since the previous pack, more than 25 %.');
  });

  it('leaves figures within the share alone, and a larger share raises the bar', () => {
    const before = valueSnapshot({}, [waterItem('w', 1000, 100)]);
    const now = valueSnapshot({}, [waterItem('w', 1200, 100)]);
    expect(findValueOutliers(now, before, [], { share: 0.25, against: 'x' }).value).toEqual([]);
    expect(findValueOutliers(now, before, [], { share: 0.1, against: 'x' }).value.map((o) => o.name)).toEqual(['students_fte']);
  });
});
