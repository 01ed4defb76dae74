import path from 'node:path';
import { analysePack, type GapReport } from '../../src/analyse/gaps';
import type { MetricGap } from '../../src/analyse/metric-gap';
import { loadPack } from '../../src/pipeline/load-pack';
import { runCli } from '../helpers/run-cli';
import { REPO_ROOT } from '../helpers/temp-pack';

/**
 * Gap-report expectations on the fixture packs whose `# expect:` markers pin the checks (tests/fixtures/packs/
 * ratings-2024 and ratings-2027: the same items, dated in each edition's data year). Here the whole chain runs:
 * load, the real checks, then the judgement that reads their findings.
 */

async function reportOf(edition: string): Promise<GapReport> {
  const loaded = await loadPack(path.join(REPO_ROOT, 'tests/fixtures/packs', `ratings-${edition}`), { env: {}, now: new Date('2026-12-01T00:00:00Z'), cache: false });
  const pack = loaded.pack!;
  return analysePack(pack.catalogue, pack.settings, pack.items, pack.files, loaded.diagnostics).value;
}

const reports: Record<string, GapReport> = {};
beforeAll(async () => {
  reports['2024'] = await reportOf('2024');
  reports['2027'] = await reportOf('2027');
});

const gap = (edition: string, metric: string): MetricGap => reports[edition].sdgs.flatMap((s) => s.metrics).find((m) => m.metric === metric)!;
const kinds = (m: MetricGap) => m.shortfalls.map((s) => s.kind);

type Expect = (m: MetricGap, edition: string, dataYear: number) => void;

const RULES: [string, string, Expect][] = [
  ['a clean control item stays complete', '17.2.1', (m) => expect(m).toMatchObject({ status: 'complete', share: 1, shortfalls: [] })],
  ['an undated activity is partial, with the step "give the date"', '17.2.2', (m, _e, year) => {
    expect(m.status).toBe('partial');
    expect(m.shortfalls.find((s) => s.kind === 'undated')).toMatchObject({ step: `give the date (a period inside ${year})`, points: 1, heuristic: 'undated_activity_partial' });
  }],
  ['a policy adopted after the data year earns nothing', '4.3.5', (m) => {
    expect(m.share).toBe(0);
    expect(m.shortfalls[0].kind).toBe('policy_after_data_year');
  }],
  ['a home page beside a deep URL costs nothing (the deep URL shows the evidence)', '7.4.1', (m) => expect(kinds(m)).not.toContain('public_url_not_evidence')],
  ['a landing URL shared by three metrics earns no public point', '7.4.2', (m) => {
    expect(m.shortfalls.find((s) => s.kind === 'public_url_not_evidence')).toMatchObject({ heuristic: 'shared_url_landing_page' });
  }],
  ['attachment-only evidence is public only where the edition says so', '17.2.4', (m, e) => {
    expect(kinds(m)).toContain(e === '2027' ? 'attachment_not_public' : 'not_public');
  }],
  ['competing items without a primary: the strongest is assumed where one piece is read, and said', '4.3.3', (m, e) => {
    expect(m.countedBy).toBe(e === '2027' ? 'strongest_unmarked' : 'strongest');
    expect(kinds(m).includes('primary_unmarked')).toBe(e === '2027');
  }],
  ['several items marked primary: the weakest is counted where one piece is read', '4.3.4', (m, e) => {
    expect(m.countedBy).toBe(e === '2027' ? 'weakest_of_primaries' : 'strongest');
  }],
  ['a multi-select answer earns per option', '16.2.1', (m) => {
    expect(m.shortfalls.find((s) => s.kind === 'partial_answer')).toMatchObject({ step: 'show that these hold as well, if they do: faculty' });
    expect(m.shortfalls.find((s) => s.kind === 'partial_answer')!.points).toBeCloseTo(1 / 3, 2);
  }],
  ['several answers to a one-answer question are no answer', '13.2.1', (m) => {
    expect(m.shortfalls[0]).toMatchObject({ kind: 'no_answer', message: '2 answers given where the question takes one' });
  }],
  ['an FTE/headcount mismatch is a numeric shortfall, never points', '1.2.1', (m) => {
    expect(kinds(m)).toContain('values_basis');
    expect(m.atStake).toBeNull();
  }],
  ['figures of another year or undated are a numeric shortfall', '2.2.2', (m) => expect(kinds(m)).toContain('values_year')],
];

describe.each([
  ['2024', 2022],
  ['2027', 2025],
])('gap report of the ratings-%s fixture pack', (edition, dataYear) => {
  it.each(RULES)('%s (%s)', (_label, metric, check) => check(gap(edition, metric), edition, dataYear));

  it('promises no points for numeric metrics, in actions or in the estimate', () => {
    const r = reports[edition];
    const numeric = new Set(r.sdgs.flatMap((s) => s.metrics).filter((m) => m.kind === 'numeric').map((m) => m.metric));
    const actions = r.actions.filter((a) => numeric.has(a.metric));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.points === null)).toBe(true);
    for (const s of r.score.sdgs) for (const n of s.notEstimable) if (numeric.has(n.metric)) expect(n.reason).toBe('normalised_numeric');
  });
});

describe("impact-pack's heuristics are labelled in every output that uses them", () => {
  const PACK = path.join(REPO_ROOT, 'tests/fixtures/packs/ratings-2027');
  it.each([
    ['gaps (Markdown)', ['gaps', PACK, '--as-of', '2026-12-01'], ["(impact-pack's heuristic)", "impact-pack's heuristic, not THE's rule: relevance\\_default\\_general", 'Caveats: what the estimate rests on']],
    ['gaps (HTML)', ['gaps', PACK, '--format', 'html', '--as-of', '2026-12-01'], ['(impact-pack&#39;s heuristic)', 'impact-pack&#39;s heuristic, not THE&#39;s rule: best_item_when_no_primary', '<details id="caveats">']],
    ['score (text)', ['score', PACK, '--as-of', '2026-12-01'], ["impact-pack's heuristic, not THE's rule: undated_activity_partial", 'Caveats:']],
  ])('%s', async (_label, argv, expected) => {
    const r = await runCli(argv);
    for (const text of expected) expect(r.stdout).toContain(text);
  });

  it('gaps (JSON): each judgement names its heuristic, and the estimate lists them', async () => {
    const r = await runCli(['gaps', PACK, '--format', 'json', '--as-of', '2026-12-01']);
    const report = JSON.parse(r.stdout);
    const shortfalls = report.sdgs.flatMap((s: { metrics: { shortfalls: { heuristic?: string; message: string }[] }[] }) => s.metrics.flatMap((m) => m.shortfalls));
    const marked = shortfalls.filter((s: { heuristic?: string }) => s.heuristic);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((s: { message: string }) => s.message.endsWith("(impact-pack's heuristic)"))).toBe(true);
    expect(shortfalls.filter((s: { heuristic?: string; message: string }) => !s.heuristic && s.message.includes('heuristic'))).toEqual([]);
    expect(report.score.heuristics.map((h: { id: string }) => h.id)).toEqual(expect.arrayContaining(['relevance_default_general', 'undated_activity_partial', 'best_item_when_no_primary', 'share_of_estimable']));
  });
});
