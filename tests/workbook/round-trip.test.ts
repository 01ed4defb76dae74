import { findMetric } from '../../src/criteria/lookup';
import { ROW_TYPE } from '../../src/workbook/layout';
import { readZipDirectory } from '../../src/workbook/zip-directory';
import { EXAMPLE_PACK } from '../helpers/temp-pack';
import { EVERY_TYPE_PACK, cellsOf, packItems, roundTrip, withMultiSelect } from './helpers';

/**
 * Export → import into an empty pack → export gives the same cells (and the same bytes), through the real file
 * formats and the YAML the import writes.
 */
describe.each(['xlsx', 'csv'] as const)('the workbook round trip as %s', (format) => {
  test('on the example pack: same cells, same bytes, every placed item back', async () => {
    const input = await packItems(EXAMPLE_PACK);
    const trip = await roundTrip(input, format);
    expect(trip.mapped.diagnostics).toEqual([]);
    expect(trip.first.skipped).toEqual([]);
    expect(trip.reparsed).toHaveLength(input.items.length);
    expect(cellsOf(trip.second.workbook)).toEqual(cellsOf(trip.first.workbook));
    expect(trip.secondBytes.equals(trip.firstBytes)).toBe(true);
    // The ids, metrics and answers come back as they were.
    const before = new Map(input.items.map((i) => [i.id, i]));
    for (const item of trip.reparsed) {
      const original = before.get(item.id)!;
      expect([item.id, item.metric, item.answer]).toEqual([original.id, original.metric, original.answer]);
    }
  }, 60_000);

  test('on a pack with every question type (yes/no, options, multi-select, numeric with named values, policy dates)', async () => {
    const loaded = await packItems(EVERY_TYPE_PACK);
    // How people were counted and what a figure covers (value keys of the 2027 contract, not in the 2026 schema).
    const perPerson = loaded.items.find((i) => i.id === 'sdg06-water-per-person')!;
    perPerson.values!.students_fte = { ...perPerson.values!.students_fte, basis: 'fte', scope: 'whole university' };
    perPerson.values!.employees_fte = { ...perPerson.values!.employees_fte, basis: 'headcount' };
    const input = { ...loaded, catalogue: withMultiSelect(loaded.catalogue, '16.2.1') };
    const trip = await roundTrip(input, format);
    expect(trip.mapped.diagnostics).toEqual([]);
    expect(cellsOf(trip.second.workbook)).toEqual(cellsOf(trip.first.workbook));
    expect(trip.secondBytes.equals(trip.firstBytes)).toBe(true);

    const byId = new Map(trip.reparsed.map((i) => [i.id, i]));
    expect(byId.get('sdg16-elected-representation')!.answer).toEqual(['students', 'staff']);
    expect(byId.get('sdg13-carbon-neutral-date')!.answer).toBe('target_2030_2039');
    expect(byId.get('sdg06-water-tracking')).toMatchObject({ answer: 'whole_university', relevance: 'specific', kind: 'measurement', public_urls: ['https://www.example.edu/estates/water-meters'] });
    expect(byId.get('sdg06-water-per-person')!.values).toEqual({
      water_used_m3: { value: 12390.5, unit: 'm3' },
      students_fte: { value: 1453, unit: 'students (FTE)', basis: 'fte', scope: 'whole university' },
      employees_fte: { value: 384.25, unit: 'employees (FTE)', basis: 'headcount' },
      recycled_share: { value: 44.5, unit: '%' },
    });
    expect(byId.get('sdg06-water-policy')).toMatchObject({ kind: 'policy', policy: { created: '2019', last_reviewed: '2024-03-15' }, supporting_files: ['files/water-policy.pdf'] });
    expect(byId.get('sdg06-water-reuse')).toMatchObject({ status: 'not_pursuing', status_reason: 'No grey-water system exists on the campus; none is planned before 2027.' });
    expect(byId.get('sdg06-wastewater')).toMatchObject({
      title: '=SUM(A1:A9) is text, not a formula',
      narrative: "- Wastewater from the Évry café and labs goes to the town's plant (« station d'épuration »).\n+ Lab effluent is neutralised first.\n@estates runs it; see 30 % less in 2024.",
    });
    expect(byId.get('sdg06-wastewater-plant')).toMatchObject({ primary: true, relevance: 'general' });
  });
});

describe('the exported layout', () => {
  test("follows THE's sheets: SDG1..SDG17 titled, metric rows, the primary item first, named values as their own rows", async () => {
    const loaded = await packItems(EVERY_TYPE_PACK);
    const { workbook } = (await roundTrip(loaded, 'csv')).first;
    expect(workbook.sheets.map((s) => s.name)).toEqual(Array.from({ length: 17 }, (_, i) => `SDG${i + 1}`));
    const sdg6 = workbook.sheets[5];
    expect(sdg6.title).toBe('SDG6: Clean Water and Sanitation');
    const refs = sdg6.rows.map((r) => `${r.Type && 'text' in r.Type ? r.Type.text : ''} ${r['Metric and indicator reference'] && 'text' in r['Metric and indicator reference'] ? r['Metric and indicator reference'].text : ''}`);
    // Research indicators (6.1.x) are computed by THE and have no row; 6.2 starts the sheet.
    expect(refs.slice(0, 6)).toEqual(['Metric 6.2', 'Indicator 6.2.1', 'Indicator 6.2.2', 'Value 6.2.2', 'Value 6.2.2', 'Value 6.2.2']);
    const wastewater = sdg6.rows.filter((r) => r['Item id']);
    const ids = wastewater.map((r) => (r['Item id'] as { text: string }).text);
    expect(ids.indexOf('sdg06-wastewater-plant')).toBeLessThan(ids.indexOf('sdg06-wastewater'));
    // Numbers, dates and percentages keep their types.
    const perPerson = sdg6.rows.filter((r) => r.Type && 'text' in r.Type && r.Type.text === ROW_TYPE.value && r['Value (for continuous data)']);
    expect(perPerson.map((r) => r['Value (for continuous data)'])).toEqual([
      { kind: 'number', value: 12390.5 },
      { kind: 'number', value: 1453 },
      { kind: 'number', value: 384.25 },
      { kind: 'percent', value: 44.5 },
    ]);
    const policy = sdg6.rows.find((r) => r['Item id'] && 'text' in r['Item id'] && r['Item id'].text === 'sdg06-water-policy')!;
    expect([policy['Policy created'], policy['Policy last reviewed']]).toEqual([{ kind: 'text', text: '2019' }, { kind: 'date', iso: '2024-03-15' }]);
    // The summary sheet: one section per SDG, one row per indicator that takes an answer.
    const summary616 = workbook.summary.find((s) => s.reference === '6.4.1')!;
    expect(summary616).toMatchObject({ questionFormat: 'Yes/No', evidenceRequired: 'Yes', policyDatesRequired: 'Yes' });
    expect(workbook.summary.find((s) => s.reference === '6.2.1')!.questionFormat).toBe(
      `One of: ${findMetric(loaded.catalogue, '6.2.1')!.options!.map((o) => o.title).join('; ')}`,
    );
  });

  test('xlsx bytes do not depend on the clock: every zip entry carries the build date', async () => {
    const loaded = await packItems(EVERY_TYPE_PACK);
    const { firstBytes } = await roundTrip(loaded, 'xlsx');
    const entries = readZipDirectory(firstBytes)!;
    expect(entries.length).toBeGreaterThan(10);
    // 2025-11-01 00:00:00 UTC in DOS form.
    const dosDate = ((2025 - 1980) << 9) | (11 << 5) | 1;
    for (const e of entries) {
      expect(firstBytes.readUInt16LE(e.centralOffset + 14)).toBe(dosDate);
      expect(firstBytes.readUInt16LE(e.localOffset + 12)).toBe(dosDate);
      expect(firstBytes.readUInt16LE(e.localOffset + 10)).toBe(0);
    }
    jest.useFakeTimers({ now: new Date('2031-06-15T13:37:11Z'), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] });
    try {
      const again = await roundTrip(loaded, 'xlsx');
      expect(again.firstBytes.equals(firstBytes)).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
