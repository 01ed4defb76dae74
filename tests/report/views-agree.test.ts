import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GapReport } from '../../src/analyse/gaps';
import type { NotEstimableReason } from '../../src/analyse/score';
import { pdfText } from '../helpers/pdf-text';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-pack';
import { unzipText } from '../helpers/zip';
import { launchChromium } from './chromium';

/**
 * Every view of the gap report tells the same story (issue 19): one 2024 and one 2027 pack are built, and each
 * figure several views share is read back from each view's own text, by a reader written for that view, and
 * compared with the JSON report (the analysis's figures). The HTML is read by Chromium (innerText), the PDF by
 * pdftotext, the DOCX from its document.xml:
 * - per SDG: complete / partial / missing / not applicable / evidence metrics (a per-SDG group counted once):
 *   Markdown, HTML (table and chart), DOCX table, PDF text, build's summary;
 * - the not-estimable counts, each with its scope named: Markdown, HTML, score text, PDF text, build's summary;
 * - the shares and points of the selections, and each SDG's estimate, maximum and share: every view that shows them.
 */

const PACKS = ['views-2024', 'views-2027'];

type Coverage = [complete: number, partial: number, missing: number, outOfPlay: number, total: number];
type Triple = string; // "21 % | 7.89 | 34.10"

interface Views {
  json: GapReport;
  md: string;
  html: string;
  /** What Chromium shows of the page (innerText), and the cells of its coverage table as Chromium reads them. */
  htmlText: string;
  htmlCoverage: string[][];
  pdf: string;
  pdfLayout: string;
  docx: string;
  score: string;
  build: string;
}

const built = new Map<string, Views>();
const work = tempDir();

beforeAll(async () => {
  const browser = await launchChromium();
  try {
    for (const name of PACKS) await buildViews(name, browser);
  } finally {
    await browser.close();
  }
}, 180_000);

async function buildViews(name: string, browser: Awaited<ReturnType<typeof launchChromium>>): Promise<void> {
  {
    const pack = path.join(__dirname, '../fixtures/packs', name);
    const out = path.join(work.root, name);
    const build = await runCli(['build', pack, '--out', out, '--no-cache']);
    expect(build.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(out, 'gap-report.json'), 'utf8')) as GapReport;
    const score = await runCli(['score', pack, '--as-of', json.asOf]);
    expect(score.code).toBe(0);
    const html = readFileSync(path.join(out, 'gap-report.html'), 'utf8');
    const page = await browser.context.newPage();
    await page.goto(`file://${path.join(out, 'gap-report.html')}`);
    // Caveats and other <details> are opened, so that their text is shown as a reader who opens them sees it.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
    const htmlText = oneLine(await page.evaluate(() => document.body.innerText));
    const htmlCoverage = await page.evaluate(() => [...document.querySelectorAll('#coverage-table tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText)));
    await page.close();
    built.set(name, {
      json,
      md: readFileSync(path.join(out, 'gap-report.md'), 'utf8'),
      html,
      htmlText,
      htmlCoverage,
      pdf: oneLine(pdfText(path.join(out, 'gap-report.pdf'))),
      pdfLayout: pdfText(path.join(out, 'gap-report.pdf'), true),
      docx: unzipText(readFileSync(path.join(out, 'gap-report.docx'))).get('word/document.xml') ?? '',
      score: score.stdout,
      build: build.stdout,
    });
  }
}

afterAll(() => work.cleanup());

function views(name: string): Views {
  const v = built.get(name);
  if (!v) throw new Error(`${name} was not built`);
  return v;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The rows of a DOCX table whose header row starts with `first` and contains `second`, as cell texts. */
function docxTable(xml: string, first: string, second: string): string[][] {
  for (const table of xml.split('<w:tbl>').slice(1)) {
    const rows = table
      .split('</w:tbl>')[0]
      .split(/<w:tr>|<w:tr /)
      .slice(1)
      .map((row) => row.split('<w:tc>').slice(1).map((cell) => [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replace(/&amp;/g, '&')));
    if (rows[0]?.[0] === first && rows[0].includes(second)) return rows.slice(1);
  }
  throw new Error(`no DOCX table headed ${first} … ${second}`);
}

const listed = (r: GapReport) => r.sdgs.filter((s) => s.submitted || s.items > 0);
const expectedCoverage = (r: GapReport): Map<number, Coverage> =>
  new Map(listed(r).map((s) => [s.sdg, [s.coverage.complete, s.coverage.partial, s.coverage.missing, s.coverage.outOfPlay, s.coverage.total]]));

describe.each(PACKS)('every view of %s prints the same figures', (name) => {
  it('counts each per-SDG group once, and says so', () => {
    const { json } = views(name);
    const sdg17 = json.sdgs.find((s) => s.sdg === 17)!;
    expect(sdg17.coverage.grouped).toEqual([{ group: '17.3', title: 'Publication of SDG reports', questions: 17, answered: 2, status: 'partial' }]);
    // 17 questions, one counted: the total is the evidence metrics less 16 (and never "18 missing of 25").
    expect(sdg17.coverage.total).toBe(sdg17.evidenceMetrics - 16);
    expect(sdg17.coverage.missing).toBeLessThan(sdg17.counts.missing);
    const note = 'Counted as one: 17.3 Publication of SDG reports: 17 questions, one per SDG, counted as one (2 answered)';
    for (const [view, text] of Object.entries({ md: views(name).md, html: views(name).htmlText, pdf: views(name).pdf, build: views(name).build })) {
      expect([view, oneLine(text).includes(note)]).toEqual([view, true]);
    }
  });

  it('per SDG: complete, partial, missing, not applicable and evidence metrics', () => {
    const v = views(name);
    const expected = expectedCoverage(v.json);
    const read = (pattern: RegExp, text: string, cells: (m: RegExpMatchArray) => number[]): Map<number, number[]> =>
      new Map([...text.matchAll(pattern)].map((m) => [Number(m[1]), cells(m)]));

    const section = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));
    const md = read(/^\| (\d+) [^|]+\| (?:yes|no) \| \d+ \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+)/gm, section(v.md, '## Coverage by SDG', '## Actions'), (m) => m.slice(2, 7).map(Number));
    const htmlTable = new Map(v.htmlCoverage.map((cells) => [Number(cells[0].split(' ')[0]), cells.slice(3, 8).map((c) => Number(c.split(' ')[0]))]));
    // The chart: each segment's tooltip and the "complete/total" label.
    const chart = new Map<number, number[]>();
    for (const bar of v.html.matchAll(/<g class="sdg-bar" data-sdg="(\d+)">([\s\S]*?)<\/g>/g)) {
      const n = (label: string) => Number(new RegExp(`<title>SDG \\d+: (\\d+) ${label}</title>`).exec(bar[2])?.[1] ?? 0);
      const ratio = />(\d+)\/(\d+)<\/text>/.exec(bar[2])!;
      expect(Number(ratio[1])).toBe(n('complete'));
      chart.set(Number(bar[1]), [n('complete'), n('partial'), n('missing'), n('not applicable or not pursued'), Number(ratio[2])]);
    }
    const docx = new Map(docxTable(v.docx, 'SDG', 'Complete').map((row) => [Number(row[0].split(' ')[0]), [row[2], row[3], row[4], row[5], row[6]].map((c) => Number(c.split(' ')[0]))]));
    const pdf = read(/^\s*(\d+) \D+?\s{2,}\d+\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/gm, section(v.pdfLayout, 'Coverage by SDG', 'Actions, highest value first'), (m) => m.slice(2, 7).map(Number));
    const build = read(/SDG +(\d+) .*?\d+ items · (\d+) complete, (\d+) partial, (\d+) missing of (\d+) evidence metrics/g, v.build, (m) => [Number(m[2]), Number(m[3]), Number(m[4]), NaN, Number(m[5])]);

    for (const [sdg, c] of expected) {
      const [complete, partial, missing, outOfPlay, total] = c;
      expect({ sdg, view: 'md', counts: md.get(sdg) }).toEqual({ sdg, view: 'md', counts: c });
      expect({ sdg, view: 'html table', counts: htmlTable.get(sdg) }).toEqual({ sdg, view: 'html table', counts: c });
      expect({ sdg, view: 'html chart', counts: chart.get(sdg) }).toEqual({ sdg, view: 'html chart', counts: c });
      expect({ sdg, view: 'docx', counts: docx.get(sdg) }).toEqual({ sdg, view: 'docx', counts: c });
      expect({ sdg, view: 'pdf', counts: pdf.get(sdg) }).toEqual({ sdg, view: 'pdf', counts: c });
      expect({ sdg, view: 'build', counts: build.get(sdg) }).toEqual({ sdg, view: 'build', counts: [complete, partial, missing, NaN, total] });
      expect(outOfPlay).toBeGreaterThanOrEqual(0);
    }
    // No view lists an SDG the analysis does not.
    for (const m of [md, htmlTable, chart, docx, pdf, build]) expect([...m.keys()].sort((a, b) => a - b)).toEqual([...expected.keys()]);
  });

  it('the not-estimable counts, with their scope named, of the submitted SDGs and of the SDGs with evidence', () => {
    const v = views(name);
    const tallies = v.json.score.notEstimableCounts;
    expect(tallies.map((t) => t.scope)).toEqual(['submitted', 'with_evidence']);
    // Recounted from the per-SDG lists of the JSON: the tally is what the SDGs hold, over the scope it names.
    const reasons: NotEstimableReason[] = ['bibliometric', 'normalised_numeric', 'weight_unknown', 'not_scored'];
    for (const t of tallies) {
      const over = v.json.score.sdgs.filter((s) => (t.scope === 'submitted' ? s.submitted : s.submitted || s.items > 0));
      expect(t.sdgs).toEqual(over.map((s) => s.sdg));
      for (const r of reasons) expect([t.scope, r, t.counts[r]]).toEqual([t.scope, r, over.flatMap((s) => s.notEstimable).filter((n) => n.reason === r).length]);
    }
    expect(tallies[0].counts.bibliometric).toBeLessThan(tallies[1].counts.bibliometric);

    const words: Record<string, NotEstimableReason> = { 'research metric': 'bibliometric', 'numeric metric': 'normalised_numeric', metric: 'weight_unknown', question: 'not_scored' };
    const sentences = (text: string) =>
      [...oneLine(text).matchAll(/Not estimable from the pack, (of the [^:]+): (.+?); no points are promised for them\./g)].map((m) => {
        const counts = Object.fromEntries(reasons.map((r) => [r, 0])) as Record<NotEstimableReason, number>;
        for (const part of m[2].matchAll(/(\d+) (research metric|numeric metric|metric|question)s? \(/g)) counts[words[part[2]]] += Number(part[1]);
        return { label: m[1], counts };
      });
    const expected = tallies.map((t) => ({ label: t.label, counts: t.counts }));
    for (const [view, text] of Object.entries({ md: v.md, html: v.htmlText, score: v.score, pdf: v.pdf, build: v.build })) {
      const found = sentences(text);
      // Each view prints both scopes; the caveat repeats one of them, never with another figure.
      expect([view, found.slice(0, 2)]).toEqual([view, expected]);
      for (const f of found) expect(expected).toContainEqual(f);
    }
    expect(v.json.score.caveats.map((c) => sentences(c)).flat()).toEqual([expected[1]]);
  });

  it('the shares and points of the selections, and each SDG estimate', () => {
    const v = views(name);
    const s = v.json.score;
    const banded = s.presentation.banded;
    const pts = (n: number) => (banded ? String(Math.round(n)) : n.toFixed(2));
    const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);
    const selections = [s.submittedSelection, s.bestSelection].filter((x): x is NonNullable<typeof x> => !!x);
    expect(s.submittedSelection).not.toBeNull();
    const allowed = new Set<Triple>(selections.map((x) => `${pct(x.share)} | ${pts(x.overall)} | ${pts(x.overallMax)}`));
    const submitted = `${pct(s.submittedSelection!.share)} | ${pts(s.submittedSelection!.overall)} | ${pts(s.submittedSelection!.overallMax)}`;
    const triples = (text: string) => [...oneLine(text).matchAll(/(\d+ %)\*?\*? of the estimable maximum[;(]? ?\(?([\d.]+) of ([\d.]+)/g)].map((m) => `${m[1]} | ${m[2]} | ${m[3]}`);
    for (const [view, text] of Object.entries({ md: v.md, html: v.htmlText, score: v.score, pdf: v.pdf, build: v.build })) {
      const found = triples(text);
      expect([view, found]).toEqual([view, expect.arrayContaining([submitted])]);
      for (const t of found) expect([view, allowed.has(t), t]).toEqual([view, true, t]);
    }

    // Per SDG: estimate, estimable maximum, share and not-estimable weight, in the Markdown, HTML, DOCX and score tables.
    const rows = new Map(s.sdgs.filter((e) => e.submitted || e.items > 0).map((e) => [e.sdg, [pts(e.estimate), pts(e.estimableWeight), pct(e.share), pts(e.notEstimableWeight)]]));
    const md = new Map([...v.md.matchAll(/^\| (\d+) [^|]+\| (?:yes|no) \| ([\d.]+) \| ([\d.]+) \| (\d+ %|—) \| ([\d.]+) \|$/gm)].map((m) => [Number(m[1]), m.slice(2, 6)]));
    const html = new Map(
      [...v.html.matchAll(/<tr data-sdg="(\d+)" data-estimate[^>]*><td>[^<]*<\/td><td>(?:yes|no)<\/td><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td>/g)].map((m) => [Number(m[1]), m.slice(2, 6)]),
    );
    const docx = new Map(docxTable(v.docx, 'SDG', 'Estimate').map((row) => [Number(row[0].split(' ')[0]), [row[2], row[3], row[4], row[5]]]));
    const score = new Map([...v.score.matchAll(/^ *(\d+) +(?:yes|no) +([\d.]+) +([\d.]+) +(\d+ %|—) +([\d.]+) /gm)].map((m) => [Number(m[1]), m.slice(2, 6)]));
    for (const [view, table] of Object.entries({ md, html, docx, score })) expect([view, table]).toEqual([view, rows]);
  });

  it('the what-if: the same line, with the same share, points and difference, in every view that answers it', async () => {
    const pack = path.join(__dirname, '../fixtures/packs', name);
    const asOf = views(name).json.asOf;
    const run = async (args: string[]) => {
      const r = await runCli([...args, pack, '--as-of', asOf, '--what-if', '7,12,16']);
      expect(r.code).toBe(0);
      return r.stdout;
    };
    const json = JSON.parse(await run(['gaps', '--format', 'json'])) as GapReport;
    const w = json.score.whatIf!;
    expect(w.selection).not.toBeNull();
    const pts = (n: number) => (json.score.presentation.banded ? String(Math.round(n)) : n.toFixed(2));
    const line = `What if: ${w.message} (${w.versusBest! >= 0 ? '+' : ''}${w.versusBest} percentage points against the best selection)`;
    expect(line).toContain(`${Math.round(w.selection!.share * 100)} % of the estimable maximum (${pts(w.selection!.overall)} of ${pts(w.selection!.overallMax)} evidence points)`);
    expect(w.versusBest).toBeCloseTo((w.selection!.share - json.score.bestSelection!.share) * 100, 6);
    const html = await run(['gaps', '--format', 'html']);
    const htmlLine = /<p id="what-if">([^<]*)<\/p>/.exec(html)?.[1].replace(/&amp;/g, '&');
    expect({ md: (await run(['gaps', '--format', 'md'])).split('\n').find((l) => l.startsWith('What if:')), score: (await run(['score'])).split('\n').find((l) => l.startsWith('What if:')), html: htmlLine }).toEqual({
      md: line,
      score: line,
      html: line,
    });
  });
});

