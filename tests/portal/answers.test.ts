/**
 * The portal answers computed from a loaded pack (pure; issue 13, point 3), and the submission choice they share
 * with the documents: one piece of evidence per indicator where the edition reads one, the primary item first.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { submissionChoice } from '../../src/analyse/submitted-evidence';
import type { Catalogue, EvidenceRules } from '../../src/criteria/types';
import type { EvidenceItem } from '../../src/model/item';
import { loadPack, type LoadedPack } from '../../src/pipeline/load-pack';
import { portalAnswers, uploadName, DEFAULT_DESCRIPTION_MAX_CHARS, type PortalIndicator } from '../../src/portal/answers';
import { portalAnswersCsv } from '../../src/portal/answers-csv';
import { portalAnswersHtml } from '../../src/portal/answers-html';
import { sdgDocumentView } from '../../src/render/view-model';
import { FIXED } from '../helpers/temp-pack';

const AUDIENCES_PACK = path.join(__dirname, '../fixtures/packs/audiences');
const ONE_PER_INDICATOR: EvidenceRules = { perIndicator: 1, attachmentCountsAsPublic: false, selfContained: true, confidence: '3P', sources: [] };

let pack: LoadedPack;
beforeAll(async () => {
  const loaded = await loadPack(AUDIENCES_PACK, FIXED);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  pack = loaded.pack!;
});

/** The pack with an item changed in memory (for fields the 2022 schema does not take yet, such as primary and basis). */
function withItem(id: string, change: (item: EvidenceItem) => EvidenceItem, evidence?: EvidenceRules): LoadedPack {
  const catalogue: Catalogue = evidence ? { ...pack.catalogue, evidence } : pack.catalogue;
  return { ...pack, catalogue, items: pack.items.map((p) => (p.item.id === id ? { ...p, item: change(p.item) } : p)) };
}
const indicator = (p: LoadedPack, id: string): PortalIndicator =>
  portalAnswers(p).value.sdgs.flatMap((s) => s.indicators).find((i) => i.indicator === id)!;

describe('portal answers of the fixture pack', () => {
  it('lists the SDGs with evidence, each indicator in THE order, without the bibliometric ones', () => {
    const answers = portalAnswers(pack).value;
    expect(answers.sdgs.map((s) => s.sdg)).toEqual([6, 17]);
    const sdg6 = answers.sdgs[0].indicators.map((i) => i.indicator);
    expect(sdg6.slice(0, 4)).toEqual(['6.2.1', '6.2.2', '6.3.1', '6.3.2']);
    expect(sdg6).not.toContain('6.1.1');
    expect(answers.descriptionMaxChars).toBe(DEFAULT_DESCRIPTION_MAX_CHARS);
  });

  it.each([
    ['6.2.1', 'options', 'Measured across the whole university'],
    ['6.2.2', 'value', 'Water taken in by the university (treated supply or extracted): 41,200 m3; Students, full-time equivalent: 5,200 students; Employees, full-time equivalent: 900 employees'],
    ['6.4.1', 'yes_no', 'Yes'],
    ['6.3.2', 'yes_no', 'No'],
    ['6.5.1', 'yes_no', 'No'],
  ])('answers %s with a %s statement: %s', (id, kind, statement) => {
    const answer = indicator(pack, id);
    expect(answer.statementKind).toBe(kind);
    expect(answer.statement).toBe(statement);
  });

  it('gives a public URL as public evidence, and a file without one as a file to upload that is not public', () => {
    expect(indicator(pack, '6.2.1').evidence).toEqual([
      expect.objectContaining({ itemId: 'water-measurement', url: 'https://www.example.edu/water-metering', public: true }),
    ]);
    const policy = indicator(pack, '6.4.1').evidence[0];
    expect(policy).toMatchObject({
      itemId: 'water-reuse-policy',
      itemFile: 'items/sdg-06/water-reuse-policy.yaml',
      upload: { from: 'files/water-reuse-policy.pdf', name: 'portal/sdg-06/6.4.1-water-reuse-policy.pdf' },
      public: false,
      policyCreated: '2019',
      policyReviewed: '2021',
      description: "The university's water reuse policy commits every new building to collect rainwater for its toilets.",
    });
    expect(policy.url).toBeUndefined();
  });

  it('counts an uploaded file as public only where the edition says so', () => {
    const rules = { ...ONE_PER_INDICATOR, attachmentCountsAsPublic: true };
    expect(indicator(withItem('water-use', (it) => it, rules), '6.4.1').evidence[0].public).toBe(true);
  });

  it('keeps confidential items and not-applicable records out, saying why', () => {
    expect(indicator(pack, '6.3.2')).toMatchObject({ evidence: [], leftOut: [{ itemId: 'pollution-confidential', reason: 'it is confidential' }] });
    expect(indicator(pack, '6.5.4')).toMatchObject({ evidence: [], leftOut: [{ itemId: 'extraction-not-applicable', reason: 'it records that the metric is not applicable' }] });
  });

  it('gives every item where the edition reads several, and only the primary one where it reads one', () => {
    expect(indicator(pack, '6.3.3').evidence.map((e) => e.itemId)).toEqual(['fountains-primary', 'fountains-secondary']);
    const marked = withItem('fountains-primary', (it) => ({ ...it, primary: true }), ONE_PER_INDICATOR);
    expect(indicator(marked, '6.3.3').evidence.map((e) => e.itemId)).toEqual(['fountains-primary']);
    expect(indicator(marked, '6.3.3').leftOut.map((l) => l.itemId)).toEqual(['fountains-secondary']);
    // None marked: every item, and the validator's business to point out the missing mark.
    const unmarked = withItem('water-use', (it) => it, ONE_PER_INDICATOR);
    expect(indicator(unmarked, '6.3.3').evidence.map((e) => e.itemId)).toEqual(['fountains-primary', 'fountains-secondary']);
  });

  it('states the count basis with the value, and every chosen option of a multi-select answer', () => {
    const fte = withItem('water-use', (it) => ({ ...it, values: { ...it.values!, students_fte: { ...it.values!.students_fte, basis: 'fte' } } }));
    expect(indicator(fte, '6.2.2').statement).toContain('Students, full-time equivalent: 5,200 students (FTE)');
    const both = withItem('water-measurement', (it) => ({ ...it, answer: ['whole_university', 'part_of_university'] }));
    expect(indicator(both, '6.2.1').statement).toBe('Measured across the whole university; Measured in part of the university');
  });

  it('warns on the narrative line of each description over the limit, and only there', () => {
    const limited = { ...pack, settings: { ...pack.settings, config: { ...pack.settings.config, portal: { description_max_chars: 80 } } } };
    const { value, diagnostics } = portalAnswers(limited);
    // Left-out items (the confidential one) give no description, so no warning either.
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual([
      'warning PORTAL_DESCRIPTION_TOO_LONG items/sdg-06/water-measurement.yaml:6:12',
      'warning PORTAL_DESCRIPTION_TOO_LONG items/sdg-06/fountains-primary.yaml:6:12',
      'warning PORTAL_DESCRIPTION_TOO_LONG items/sdg-06/water-reuse-policy.yaml:6:12',
    ]);
    for (const d of diagnostics) {
      const evidence = value.sdgs.flatMap((s) => s.indicators.flatMap((i) => i.evidence)).find((e) => e.itemFile === d.file)!;
      expect(evidence.overLimit).toBe(true);
      expect(evidence.descriptionLength).toBeGreaterThan(80);
      expect(d.line).toBe(6);
    }
    const over = value.sdgs.flatMap((s) => s.indicators.flatMap((i) => i.evidence)).filter((e) => e.overLimit);
    expect(over.length).toBe(diagnostics.length);
    expect(over.length).toBeGreaterThan(0);
    expect(portalAnswers(pack).diagnostics).toEqual([]);
  });

  it('writes a CSV that Excel opens with accents, with formulas defused', () => {
    const risky = withItem('water-measurement', (it) => ({ ...it, narrative: '=HYPERLINK("http://evil") Mesuré à Alès' }));
    const csv = portalAnswersCsv(portalAnswers(risky).value);
    expect(csv.startsWith('\ufeff"sdg","indicator"')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"") Mesuré à Alès"`);
  });
});

describe('the stable names of the files to upload', () => {
  const metric = { id: '6.4.1', sdg: 6 } as Parameters<typeof uploadName>[1];
  it.each([
    ['water-reuse-policy', 'files/policy.PDF', 'portal/sdg-06/6.4.1-water-reuse-policy.pdf'],
    ['plain', 'files/no-extension', 'portal/sdg-06/6.4.1-plain'],
    ['../../escape', 'files/x.pdf', 'portal/sdg-06/6.4.1-escape.pdf'],
    ['odd id/with slash', 'files/dir.v2/readme', 'portal/sdg-06/6.4.1-odd-id-with-slash'],
  ])('item %s with file %s is uploaded as %s', (id, file, name) => {
    expect(uploadName({ id } as EvidenceItem, metric, file)).toBe(name);
  });
});

describe('the submission choice', () => {
  const item = (id: string, extra: Partial<EvidenceItem> = {}): EvidenceItem => ({ id, sdg: 6, metric: '6.3.3', status: 'in_review', ...extra }) as EvidenceItem;
  const catalogue = (evidence?: EvidenceRules): Catalogue => ({ edition: '2027', evidence }) as Catalogue;
  it.each<[string, EvidenceRules | undefined, EvidenceItem[], string[]]>([
    ['several read, primary ignored', undefined, [item('a', { primary: true }), item('b')], ['a', 'b']],
    ['one read, one primary', ONE_PER_INDICATOR, [item('a'), item('b', { primary: true })], ['b']],
    ['one read, none primary', ONE_PER_INDICATOR, [item('a'), item('b')], ['a', 'b']],
    ['one read, primary on another metric', ONE_PER_INDICATOR, [item('a'), item('b', { primary: true, metric: '6.3.4' })], ['a', 'b']],
    ['confidential and not pursued left out', undefined, [item('a', { confidential: true }), item('b', { status: 'not_pursuing' }), item('c')], ['c']],
    ['a confidential primary does not push the others out', ONE_PER_INDICATOR, [item('a', { primary: true, confidential: true }), item('b')], ['b']],
  ])('%s', (_name, evidence, items, shown) => {
    const choice = submissionChoice(catalogue(evidence), items);
    expect(items.filter((it) => choice.shown.has(it)).map((it) => it.id)).toEqual(shown);
    expect(choice.shown.size + choice.leftOut.size).toBe(items.length);
  });
});

describe('the submission view follows the same choice', () => {
  it('shows only the primary item where the edition reads one; the review edition shows both, saying why', () => {
    const marked = withItem('fountains-primary', (it) => ({ ...it, primary: true }), ONE_PER_INDICATOR);
    const metricOf = (audience: 'submission' | 'review') =>
      sdgDocumentView(marked, 6, '0.0.0', new Map(), { audience })
        .groups.flatMap((g) => g.metrics)
        .find((m) => m.id === '6.3.3')!;
    expect(metricOf('submission').items.map((i) => [i.id, i.internal])).toEqual([['fountains-primary', null]]);
    expect(metricOf('review').items.map((i) => [i.id, i.internal?.inSubmission])).toEqual([
      ['fountains-primary', true],
      ['fountains-secondary', false],
    ]);
  });
});

describe('the portal page (its text, before a browser opens it)', () => {
  const page = (p: LoadedPack, marking?: string) => portalAnswersHtml(portalAnswers(p).value, marking ? { marking } : {});
  const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

  it('allows by hash exactly its own inline style and script, and nothing else', () => {
    const html = page(pack);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    expect(csp).toBe(`default-src 'none'; style-src 'sha256-${sha(style)}'; script-src 'sha256-${sha(script)}'; img-src 'none'; base-uri 'none'; form-action 'none'`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/ on[a-z]+=/i);
  });

  it('escapes evidence text and says when the narratives are not in English', () => {
    const hostile = withItem('water-measurement', (it) => ({ ...it, title: '<img src=x onerror=alert(1)>', narrative: '</pre><script>alert(1)</script>' }));
    const html = page(hostile);
    expect(html).toContain('&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('THE\'s portal takes descriptions in English');
    const french = { ...pack, settings: { ...pack.settings, config: { ...pack.settings.config, languages: { evidence: 'fr', sources: [] } } } };
    expect(page(french)).toContain('The narratives are written in "fr" (languages.evidence)');
  });

  it('shows a marking banner only when asked (build --draft)', () => {
    expect(page(pack)).not.toContain('class="marking"');
    expect(page(pack, 'DRAFT: built with --draft, not for submission')).toContain('<div class="marking" role="note">DRAFT: built with --draft');
  });
});
