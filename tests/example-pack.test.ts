import { loadPack } from '../src/pipeline/load-pack';
import { analyseGaps } from '../src/analyse/gaps';
import { EXAMPLE_PACK, FIXED } from './helpers/temp-pack';

/** Structural facts of the bundled example pack (IMT Mines Alès 2020), pinned so that edits are deliberate. */
describe('the example pack in evidence/', () => {
  let loaded: Awaited<ReturnType<typeof loadPack>>;
  beforeAll(async () => {
    loaded = await loadPack(EXAMPLE_PACK, FIXED);
  });

  it('validates without errors', () => {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
  });

  it('covers SDG 17 and at least three other SDGs with at least 40 items', () => {
    const items = loaded.pack!.items;
    expect(items.length).toBeGreaterThanOrEqual(40);
    const perSdg = new Map<number, number>();
    for (const p of items) perSdg.set(p.item.sdg, (perSdg.get(p.item.sdg) ?? 0) + 1);
    expect(perSdg.get(17) ?? 0).toBeGreaterThan(0);
    expect([...perSdg.keys()].filter((n) => n !== 17).length).toBeGreaterThanOrEqual(3);
  });

  it('keeps its shape: items per SDG', () => {
    const perSdg: Record<number, number> = {};
    for (const p of loaded.pack!.items) perSdg[p.item.sdg] = (perSdg[p.item.sdg] ?? 0) + 1;
    expect(perSdg).toEqual({ 1: 15, 2: 6, 3: 13, 4: 13, 5: 9, 6: 14, 7: 8, 8: 6, 9: 1, 10: 13, 11: 10, 12: 9, 13: 8, 14: 6, 15: 2, 16: 3, 17: 50 });
  });

  it('cites the report with a line range on every item', () => {
    for (const p of loaded.pack!.items) {
      expect(p.item.provenance?.length ?? 0).toBeGreaterThan(0);
      for (const prov of p.item.provenance ?? []) {
        expect(prov.source).toBe('imt-mines-ales-dd-report-2020');
        expect(prov.lines).toMatch(/^\d+(-\d+)?$/);
      }
    }
  });

  it('shows the policies without dates and the documents the report does not provide in the gap report', () => {
    const { pack } = loaded;
    const report = analyseGaps(pack!.catalogue, pack!.settings, pack!.items, pack!.files, loaded.diagnostics);
    expect(report.eligibility.eligible).toBe(true);
    expect(report.policyDates.length).toBeGreaterThan(0);
    expect(report.policyDates.every((p) => p.created === 'unknown' || p.lastReviewed === 'unknown')).toBe(true);
    expect(report.missingDocuments.length).toBeGreaterThan(0);
    // Policies the report names without any date: the gap report must list them for the coordinator to chase.
    const undated = report.policyDates.map((p) => p.itemId);
    expect(undated).toEqual(expect.arrayContaining(['sdg05-b-maternity-leave', 'sdg07-b-energy-efficient-building-policy', 'sdg12-c-waste-management-policy']));
  });

  it('refers from item to item only through related_items, never by an id in the text', () => {
    const ids = new Set(loaded.pack!.items.map((p) => p.item.id));
    const related = loaded.pack!.items.flatMap((p) => p.item.related_items ?? []);
    expect(related.length).toBeGreaterThanOrEqual(30);
    expect(related.filter((id) => !ids.has(id))).toEqual([]);
    const mentions = loaded.pack!.items.flatMap((p) => {
      const { id: _id, related_items: _related, ...rest } = p.item;
      return [...JSON.stringify(rest).matchAll(/sdg\d{2}-[a-z]-[a-z0-9-]+/g)].map((m) => `${p.item.id} mentions ${m[0]}`);
    });
    expect(mentions).toEqual([]);
  });

  it('grades as general the items that answer a question other than the one THE asks', () => {
    const general = loaded.pack!.items.filter((p) => p.item.relevance === 'general').map((p) => `${p.item.metric} ${p.item.id}`);
    expect(general.sort()).toEqual([
      '1.3.3 sdg01-b-student-housing-2020',
      '17.4.1 sdg17-a-personal-engagement-project-credit',
      '6.5.5 sdg06-b-rhone-basin-research-zone',
      '8.2.1 sdg08-b-pay-above-minimum-wage-2020',
      '8.2.7 sdg08-b-gender-distribution-monitoring',
    ]);
  });
});
