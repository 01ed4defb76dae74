import type { ParsedItem } from '../../src/parse/item';
import { activity, edition, finding, gapOf, judge, parsed } from './rule-items';

/**
 * THE's rules as the gap report applies them, edition by edition: one item per rule, judged under 2024 and
 * 2027. The checks' findings (EVIDENCE_UNDATED, PUBLIC_URL_HOME_PAGE …) are given as the analysis receives them,
 * placed on the item's line, so that this test pins the scoring and not the checks.
 */

describe.each([
  ['2024', 2022],
  ['2027', 2025],
])('the gap report under the %s edition (data year %i)', (e, year) => {
  const control = activity('control', '17.2.1', year);
  const undated = activity('undated', '17.2.2', year, { period: null });
  const policy = parsed('items/late-policy.yaml', [
    'id: late-policy', 'sdg: 7', 'metric: "7.2.1"', 'kind: policy', 'title: Energy policy', 'narrative: Adopted after the data year.',
    `policy: { created: "${year + 1}-03", last_reviewed: "${year + 1}-03" }`, 'supporting_files: [files/p.pdf]',
    'public_urls: ["https://www.example.edu/policies/energy"]', 'relevance: specific', 'primary: true', 'status: draft',
  ]);
  const homePage = activity('home', '13.3.1', year, { public_urls: '["https://www.example.edu/"]' });
  const shared = activity('shared', '17.2.4', year, { public_urls: '["https://www.example.edu/sustainability"]' });
  const linkList = activity('link-list', '17.2.3', year, { public_urls: '["https://www.example.edu/climate/documents"]' });
  const attached = activity('attached', '13.3.4', year, { public_urls: null });
  const rivalA = activity('rival-a', '13.3.2', year, { primary: null });
  const rivalB = activity('rival-b', '13.3.2', year, { primary: null, public_urls: null });
  const multi = activity('multi', '16.2.1', year, { kind: 'practice', answer: '[students, faculty]', period: null });
  const headcount = parsed('items/aid.yaml', [
    'id: aid', 'sdg: 1', 'metric: "1.2.1"', 'kind: numeric', 'title: Students aided', 'narrative: Figures of the year.',
    'values:', `  low_income_students_aided_fte: { value: 120, unit: students, basis: headcount, year: ${year} }`,
    `  students_fte: { value: 4000, unit: students (FTE), basis: fte, year: ${year} }`, 'supporting_files: [files/aid.pdf]', 'status: draft',
  ]);
  const items = [control, undated, policy, homePage, shared, linkList, attached, rivalA, rivalB, multi, headcount];
  const findings = [
    finding('EVIDENCE_UNDATED', undated, []),
    finding('POLICY_ADOPTED_AFTER_DATA_YEAR', policy, ['policy', 'created']),
    finding('PUBLIC_URL_HOME_PAGE', homePage, ['public_urls', 0]),
    finding('PUBLIC_URL_SHARED', shared, ['public_urls', 0]),
    finding('PUBLIC_URL_LINK_LIST', linkList, ['public_urls', 0]),
    finding('VALUE_BASIS_MISMATCH', headcount, ['values', 'low_income_students_aided_fte', 'basis']),
  ];
  const report = judge(e, items, findings);
  const cat = edition(e);
  const onePerIndicator = cat.evidence?.perIndicator === 1;
  const attachmentPublic = cat.evidence?.attachmentCountsAsPublic === true && (cat.evidence.factConfidence?.attachmentCountsAsPublic ?? cat.evidence.confidence) !== '?';

  it('keeps a clean control item complete, with no action', () => {
    expect(gapOf(report, '17.2.1')).toMatchObject({ status: 'complete', share: 1, shortfalls: [], bestItem: 'control' });
    expect(report.actions.filter((a) => a.metric === '17.2.1')).toEqual([]);
  });

  it('counts an undated activity as partial, with the step "give the date", as impact-pack\'s heuristic', () => {
    const m = gapOf(report, '17.2.2');
    expect(m.status).toBe('partial');
    expect(m.shortfalls).toEqual([
      expect.objectContaining({ kind: 'undated', step: `give the date (a period inside ${year})`, points: 1, heuristic: 'undated_activity_partial' }),
    ]);
    expect(m.shortfalls[0].message).toMatch(/\(impact-pack's heuristic\)$/);
    expect(m.share).toBeCloseTo(2 / 3, 3);
  });

  it('gives a policy adopted after the data year no credit, and says what restores it', () => {
    const m = gapOf(report, '7.2.1');
    expect(m).toMatchObject({ status: 'partial', share: 0 });
    expect(m.shortfalls[0]).toMatchObject({ kind: 'policy_after_data_year', points: 4 });
    expect(m.shortfalls[0].heuristic).toBeUndefined();
  });

  it('gives a home-page URL no public point', () => {
    const m = gapOf(report, '13.3.1');
    expect(m.shortfalls.map((s) => [s.kind, s.heuristic, s.points])).toEqual([['public_url_not_evidence', 'home_page_not_public_evidence', 1]]);
    expect(m.share).toBeCloseTo(2 / 3, 3);
  });

  it('gives a page that is only a list of links no public point (recorded by links --snapshot)', () => {
    const m = gapOf(report, '17.2.3');
    expect(m.shortfalls.map((s) => [s.kind, s.heuristic, s.points])).toEqual([['public_url_not_evidence', 'link_list_not_public_evidence', 1]]);
    expect(m.shortfalls[0].message).toMatch(/only a list of links.*\(impact-pack's heuristic\)$/);
    expect(m.share).toBeCloseTo(2 / 3, 3);
  });

  it('gives a landing URL shared by many items no public point', () => {
    const m = gapOf(report, '17.2.4');
    expect(m.shortfalls.map((s) => [s.kind, s.heuristic])).toEqual([['public_url_not_evidence', 'shared_url_landing_page']]);
    expect(m.status).toBe('partial');
  });

  it(`counts an attached file as public only where the edition says so (${e})`, () => {
    const m = gapOf(report, '13.3.4');
    if (attachmentPublic) expect(m.status).toBe('complete');
    else if (cat.evidence) expect(m.shortfalls.map((s) => [s.kind, s.step])).toEqual([['attachment_not_public', 'publish the evidence on a public web page and add its URL']]);
    else expect(m.shortfalls.map((s) => [s.kind, s.step])).toEqual([['not_public', 'add a public URL']]);
  });

  it('reads competing items without a primary as the edition does', () => {
    const m = gapOf(report, '13.3.2');
    expect(m.bestItem).toBe('rival-a');
    if (onePerIndicator) {
      expect(m.countedBy).toBe('strongest_unmarked');
      const s = m.shortfalls.find((x) => x.kind === 'primary_unmarked');
      expect(s).toMatchObject({ points: 0, heuristic: 'best_item_when_no_primary', step: 'mark the item you will submit as primary: true (rival-a, rival-b)' });
      expect(m.heuristics).toContain('best_item_when_no_primary');
    } else {
      expect(m.countedBy).toBe('strongest');
      expect(m.shortfalls).toEqual([]);
    }
  });

  it('scores a multi-select answer per option', () => {
    const m = gapOf(report, '16.2.1');
    const s = m.shortfalls.find((x) => x.kind === 'partial_answer');
    expect(s?.step).toBe('show that these hold as well, if they do: staff');
    expect(s?.points).toBeCloseTo(1 / 3, 2);
  });

  it('flags an FTE/headcount mismatch on a numeric metric, and promises it no points', () => {
    const m = gapOf(report, '1.2.1');
    expect(m.status).toBe('partial');
    expect(m.shortfalls.map((s) => s.kind)).toEqual(['values_basis']);
    expect(m.shortfalls[0].step).toBe('give low_income_students_aided_fte as FTE, students_fte as FTE');
    expect(m.atStake).toBeNull();
    const sdg1 = report.score.sdgs.find((s) => s.sdg === 1)!;
    expect(sdg1.notEstimable.find((n) => n.metric === '1.2.1')).toMatchObject({ reason: 'normalised_numeric', missing: [m.shortfalls[0].step] });
  });

  it('never promises points for a numeric, normalised metric, present or missing', () => {
    const numeric = report.actions.filter((a) => gapOf(report, a.metric).kind === 'numeric');
    expect(numeric.length).toBeGreaterThan(0);
    expect(numeric.map((a) => a.points)).toEqual(numeric.map(() => null));
    // 4.4.1 (SDG 4 submitted) has no item: "give the figures", with no points (the "30.8 points" is gone).
    expect(report.actions.find((a) => a.metric === '4.4.1')).toMatchObject({ step: expect.stringMatching(/^give the figures for 4\.4\.1/), points: null });
    const aid = report.actions.filter((a) => a.metric === '1.2.1');
    expect(aid.length).toBeGreaterThan(0);
  });

  it('agrees with its estimate: no action offers points the estimate already counts', () => {
    const gaps = new Map(report.sdgs.flatMap((s) => s.metrics).map((m) => [m.metric, m]));
    for (const a of report.actions) {
      const m = gaps.get(a.metric)!;
      if (a.points === null) continue;
      expect(m.status === 'complete' ? a.points : 0).toBe(0);
      expect(a.points).toBeLessThanOrEqual(m.atStake ?? 0);
    }
  });
});

describe('actions and the estimate agree (property, over every pack built from random rule items)', () => {
  // A small deterministic generator: each item takes or drops each field THE credits.
  function* packs(): Generator<ParsedItem[]> {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let n = 0; n < 40; n++) {
      const year = 2025;
      const list: ParsedItem[] = [];
      for (const [i, metric] of ['17.2.1', '17.2.2', '13.3.2', '13.3.2', '7.2.1', '16.2.1'].entries()) {
        const extra: Record<string, string | null> = {};
        if (next() < 0.3) extra.period = null;
        if (next() < 0.3) extra.public_urls = null;
        if (next() < 0.3) extra.supporting_files = null;
        if (next() < 0.4) extra.relevance = null;
        if (next() < 0.5) extra.primary = null;
        if (next() < 0.2) extra.progress = 'in_progress';
        if (metric === '16.2.1') extra.answer = next() < 0.5 ? '[students]' : '[students, faculty, staff]';
        if (metric === '7.2.1') Object.assign(extra, { kind: 'policy', period: null, policy: next() < 0.5 ? '{ created: "2018", last_reviewed: "2019" }' : '{ created: "2023", last_reviewed: "2024" }' });
        list.push(activity(`i${n}-${i}`, metric, year, extra));
      }
      yield list;
    }
  }
  it('never offers points for a complete metric, nor more than the metric leaves at stake', () => {
    let checked = 0;
    for (const items of packs()) {
      const report = judge('2027', items);
      const gaps = new Map(report.sdgs.flatMap((s) => s.metrics).map((m) => [m.metric, m]));
      for (const a of report.actions) {
        const m = gaps.get(a.metric)!;
        if (a.points === null) continue;
        checked++;
        if (m.status === 'complete') expect(a.points).toBe(0);
        expect(a.points).toBeLessThanOrEqual((m.atStake ?? 0) + 1e-9);
      }
      // The estimate counts what the items earn: the SDG estimate plus what is at stake is the estimable weight.
      for (const s of report.score.sdgs) {
        const stake = report.sdgs.find((x) => x.sdg === s.sdg)!.metrics.reduce((t, m) => t + (s.notEstimable.some((n) => n.metric === m.metric) ? 0 : (m.atStake ?? 0)), 0);
        const inPlay = report.sdgs.find((x) => x.sdg === s.sdg)!.metrics.filter((m) => m.status === 'not_applicable' || m.status === 'not_pursuing').reduce((t, m) => t + (m.weight ?? 0), 0);
        expect(s.estimate + stake + inPlay).toBeCloseTo(s.estimableWeight, 1);
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
