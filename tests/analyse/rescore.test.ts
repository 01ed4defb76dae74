import Ajv2020 from 'ajv/dist/2020';
import { diagnosticsUnder, rescorePack } from '../../src/analyse/rescore';
import type { Catalogue } from '../../src/criteria/types';
import { gapReportSchema } from '../../src/report/gap-report-schema';
import { runCli } from '../helpers/run-cli';
import { activity, edition, filesOf, settingsFor } from './rule-items';
import { smallPack } from './small-pack';

/** The 2027 catalogue without one question, to see a removed question reported rather than crashed on. */
function without(c: Catalogue, metric: string): Catalogue {
  const copy = structuredClone(c);
  for (const s of copy.sdgs) for (const g of s.groups) g.metrics = g.metrics.filter((m) => m.id !== metric);
  return copy;
}

describe('re-scoring a pack under another edition', () => {
  const year = 2022;
  const items = [
    activity('dated', '17.2.2', year),
    activity('undated', '17.2.1', year, { period: null }),
    activity('attached', '13.3.4', year, { public_urls: null, period: null }),
    activity('rival-a', '13.3.2', year, { primary: null, period: null }),
    activity('rival-b', '13.3.2', year, { period: null, public_urls: null }),
    activity('twin-a', '13.3.1', year, { primary: null, period: null }),
    activity('twin-b', '13.3.1', year, { primary: null, period: null, public_urls: null }),
    activity('gone', '13.3.5', year),
  ];
  const settings = settingsFor('2024');
  const to = without(edition('2027'), '13.3.5');
  // An edition in which an attached file was confidently public, to see it stop being so.
  const from = { ...edition('2024'), evidence: { perIndicator: null, attachmentCountsAsPublic: true, selfContained: false, confidence: 'R' as const, sources: [] } };
  // The pack's diagnostics as validate gives them under its own edition (the checks run once).
  const own = (c: Catalogue) => diagnosticsUnder(c, settings, items, []);
  const { value } = rescorePack({ from, to, settings, items, files: filesOf(items), diagnostics: own(from) });
  const { rescore, report } = value;
  const change = (metric: string) => rescore.indicators.find((i) => i.metric === metric);

  it('says what changes for every indicator: window, one evidence only, attachments, relevance', () => {
    expect(rescore.from).toMatchObject({ edition: '2024', dataYear: 2022, product: 'THE Impact Rankings' });
    expect(rescore.to).toMatchObject({ edition: '2027', dataYear: 2025, product: 'THE Sustainability Impact Ratings', perIndicator: 1, attachmentCountsAsPublic: false });
    expect(rescore.editionChanges).toEqual(
      expect.arrayContaining([
        'Window moved: activities must fall in 2025 (was 2022).',
        'One evidence only: each indicator is judged on one piece of evidence, the item marked primary.',
        'An attached file no longer counts as public: only a public web page that shows the evidence earns the public point.',
        'Evidence is graded by relevance (specific 1, general 0.5).',
      ]),
    );
    expect(report.rescoring).toBe(rescore);
    expect(report.edition).toBe('2027');
  });

  it('runs the window checks again under the other edition', () => {
    const under = (c: Catalogue) => diagnosticsUnder(c, settings, items, []).filter((d) => d.code === 'PERIOD_OUTSIDE_DATA_YEAR').map((d) => d.itemId);
    expect(under(edition('2024'))).toEqual([]);
    expect(under(edition('2027'))).toEqual(['dated', 'gone']);
  });

  it.each([
    ['17.2.2', 'loses', /^loses: window moved: the activity is not in the data year 2025$/],
    ['13.3.4', 'loses', /^loses: attachment no longer public$/],
    ['13.3.2', 'loses', /^loses: one evidence only: the item marked primary is not the strongest$/],
  ])('lists %s as %s points, with the reason', (metric, kind, reason) => {
    const c = change(metric);
    expect(c?.change).toBe(kind);
    expect(c!.delta).toBeLessThan(0);
    expect(c!.reasons.some((r) => reason.test(r))).toBe(true);
  });

  it('names the assumption when competing items mark no primary, without moving points', () => {
    expect(change('13.3.1')).toMatchObject({ change: 'unchanged_points', delta: 0 });
    expect(change('13.3.1')!.reasons).toContain('loses: one evidence only: no item is marked primary');
  });

  it('says when a point is lost for a reason the new edition words differently', () => {
    const base = rescorePack({ from: edition('2024'), to, settings, items, files: filesOf(items), diagnostics: own(edition('2024')) }).value.rescore;
    expect(base.indicators.find((i) => i.metric === '13.3.4')).toMatchObject({ change: 'unchanged_points', reasons: ['now: an attached file does not count as public'] });
  });

  it('reports a question the other edition removed, and its items, without judging them', () => {
    expect(change('13.3.5')).toMatchObject({ change: 'removed_question', after: null, items: ['gone'] });
    expect(change('13.3.5')!.delta).toBeLessThan(0);
    expect(rescore.itemsWithoutMetric).toEqual([{ itemId: 'gone', file: 'items/gone.yaml', metric: '13.3.5' }]);
  });

  it('reports questions new in the other edition, and those it does not score', () => {
    expect(change('17.4.4')).toMatchObject({ change: 'not_scored', before: null });
    expect(change('17.4.4')!.reasons).toContain('not scored in 2027');
  });

  it('compares the submitted selection as shares', () => {
    expect(rescore.selection.before).toBeGreaterThan(rescore.selection.after ?? 1);
  });
});

describe('impact-pack score --edition and gaps --edition', () => {
  it('prints the estimate under the other edition and what changes per indicator', async () => {
    const pack = smallPack();
    try {
      const r = await runCli(['score', pack.root, '--edition', '2027', '--as-of', '2021-11-01']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Provisional score for Test University, THE Sustainability Impact Ratings 2027');
      expect(r.stdout).toContain('Re-scored under THE Sustainability Impact Ratings 2027 (data year 2025); the pack is for THE Impact Rankings 2022 (data year 2020).');
      expect(r.stdout).toMatch(/^ {2}17\.2\.2 +-\d+\.\d\d {2}partial \d+\.\d\d → partial 0\.00: .*loses: window moved: the activity is not in the data year 2025/m);
      expect(r.stdout).toContain('Window moved: policies earn the date point when created or reviewed in 2022-2026 (was 2017-2021)');
    } finally {
      pack.cleanup();
    }
  });

  it('writes the re-scoring into every gap-report format, JSON within its schema', async () => {
    const pack = smallPack();
    try {
      const json = await runCli(['gaps', pack.root, '--edition', '2027', '--format', 'json', '--as-of', '2021-11-01']);
      const report = JSON.parse(json.stdout);
      const validate = new Ajv2020({ allErrors: true, strict: false }).compile(gapReportSchema());
      expect(validate(report) ? [] : validate.errors).toEqual([]);
      expect(report.rescoring.to.edition).toBe('2027');
      const md = await runCli(['gaps', pack.root, '--edition', '2027', '--as-of', '2021-11-01']);
      expect(md.stdout).toContain('## Re-scored from 2022 to 2027');
      const html = await runCli(['gaps', pack.root, '--edition', '2027', '--format', 'html', '--as-of', '2021-11-01']);
      expect(html.stdout).toContain('<section id="rescoring">');
    } finally {
      pack.cleanup();
    }
  });

  it('refuses an edition it does not know (usage error)', async () => {
    const pack = smallPack();
    try {
      const r = await runCli(['score', pack.root, '--edition', '1999']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--edition 1999 is not an edition impact-pack knows; known: 2022, 2024, 2026, 2027/);
    } finally {
      pack.cleanup();
    }
  });
});
