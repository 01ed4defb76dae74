import type { GapReport } from '../analyse/gaps';
import { REVIEW_STATES } from '../analyse/review-state';
import { groupedQuestionsText } from '../analyse/coverage';
import { percent } from '../analyse/figure-format';
import type { Block, DocumentIR, Inline, TableCell } from '../render/ir/types';
import { COVERAGE_NOTE, FRESHNESS_LABEL, pointsText, REVIEW_STATE_LABEL, STATUS_LABEL, weightText } from './labels';
import { figure, notEstimableLines, whatIfText } from './score-text';

/** How many ranked actions the printed report lists; the HTML and JSON views list them all. */
const PRINTED_ACTIONS = 60;

/**
 * The gap report as a document (the IR the PDF and DOCX writers take), for reviewers who read on paper or
 * pass it on: summary, estimate, coverage, the ranked actions, the metrics of the submitted SDGs, review
 * state, freshness and consistency. Text goes into the IR as plain runs, so nothing in it is markup.
 */
export function gapReportDocument(report: GapReport, buildDate: Date): DocumentIR {
  const blocks: Block[] = [];
  const p = (text: string, style?: 'note' | 'small' | 'title' | 'subtitle'): void => {
    blocks.push({ type: 'paragraph', ...(style ? { style } : {}), children: [run(text)] });
  };
  const h = (level: 1 | 2 | 3, text: string, id: string): void => {
    blocks.push({ type: 'heading', level, id, children: [run(text)] });
  };
  const table = (widths: number[], header: string[], rows: string[][]): void => {
    blocks.push({ type: 'table', widths, header: header.map(cell), rows: rows.map((r) => r.map(cell)) });
  };

  p(`Gap report: ${report.institution}`, 'title');
  p(`${report.product} ${report.edition} · data year ${report.dataYear} · as of ${report.asOf}`, 'subtitle');
  p(report.eligibility.message);
  const sel = report.score.submittedSelection;
  p(
    sel
      ? `Provisional estimate (evidence questions only): ${percent(sel.share)} of the estimable maximum (${figure(sel.overall, report.score)} of ${figure(sel.overallMax, report.score)} points) with SDG ${report.score.rules.mandatorySdg} + SDG ${sel.sdgs.join(', ')}.`
      : 'Provisional estimate: not available until the submission is eligible.',
    'note',
  );
  p(report.score.label, 'small');

  if (report.baseline) {
    h(1, 'Compared with the baseline', 'baseline');
    const changes = [...report.baseline.regressions.map((c) => `Regression: ${c.message}`), ...report.baseline.improvements.map((c) => `Improvement: ${c.message}`)];
    if (changes.length === 0) p('No change.');
    else blocks.push({ type: 'list', ordered: false, items: changes.map((c) => [run(c)]) });
  }

  h(1, 'Provisional score (estimate)', 'score');
  table(
    [4, 1.2, 1.2, 1.2, 1.2, 1.2],
    ['SDG', 'Submitted', 'Estimate', 'Of', 'Share', 'Not estimable'],
    report.score.sdgs
      .filter((e) => e.submitted || e.items > 0)
      .map((e) => [`${e.sdg} ${e.title}`, e.submitted ? 'yes' : 'no', figure(e.estimate, report.score), figure(e.estimableWeight, report.score), percent(e.share), figure(e.notEstimableWeight, report.score)]),
  );
  if (report.score.bestSelection) {
    const b = report.score.bestSelection;
    p(`Best selection from the SDGs with evidence: SDG ${b.sdgs.join(', ')} (${percent(b.share)} of the estimable maximum; ${figure(b.overall, report.score)} of ${figure(b.overallMax, report.score)}).`);
  }
  if (report.score.whatIf) p(whatIfText(report.score.whatIf));
  for (const line of notEstimableLines(report.score)) p(line, 'small');
  if (report.score.caveats.length > 0) blocks.push({ type: 'list', ordered: false, items: report.score.caveats.map((c) => [run(c)]) });

  h(1, 'Coverage by SDG', 'coverage');
  p(COVERAGE_NOTE, 'small');
  const listed = report.sdgs.filter((s) => s.submitted || s.items > 0);
  table(
    [3.6, 0.9, 1.4, 1.1, 1.1, 0.8, 1.5],
    ['SDG', 'Items', 'Complete', 'Partial', 'Missing', 'N/A', 'Metrics'],
    listed.map((s) => {
      const c = s.coverage;
      return [`${s.sdg} ${s.title}${s.submitted ? '' : ' (not submitted)'}`, String(s.items), String(c.complete), String(c.partial), String(c.missing), String(c.outOfPlay), `${c.total}${c.notScored > 0 ? ` (${c.notScored} not scored)` : ''}`];
    }),
  );
  for (const g of listed.flatMap((s) => s.coverage.grouped)) p(`Counted as one: ${groupedQuestionsText(g)}.`, 'small');

  h(1, 'Actions, highest value first', 'actions');
  p('Points: what the step would recover, in points of the SDG score; a dash means not estimable.', 'small');
  table(
    [0.6, 0.9, 0.8, 3.2, 2.6, 1.8],
    ['#', 'Points', 'Metric', 'Step', 'Why', 'Owner'],
    report.actions.slice(0, PRINTED_ACTIONS).map((a) => [String(a.rank), pointsText(a.points), a.metric, a.step, a.why, a.owner]),
  );
  if (report.actions.length > PRINTED_ACTIONS) p(`… and ${report.actions.length - PRINTED_ACTIONS} more in gap-report.html and gap-report.json.`, 'small');
  h(2, 'To-do by owner', 'owners');
  table([5, 1, 1], ['Owner', 'Actions', 'Points'], report.owners.map((o) => [o.owner, String(o.actions.length), pointsText(o.points)]));

  h(1, 'Metrics of the submitted SDGs', 'metrics');
  for (const s of report.sdgs.filter((x) => x.submitted)) {
    h(2, `SDG ${s.sdg}: ${s.title}`, `metrics-sdg-${s.sdg}`);
    table(
      [3, 0.9, 1.2, 3.4, 0.9],
      ['Metric', 'Weight', 'Status', 'What is weak or missing', 'At stake'],
      s.metrics
        .filter((m) => m.kind !== 'bibliometric')
        .map((m) => [`${m.metric} ${m.title}`, weightText(m.weight, m.weightConfirmed), STATUS_LABEL[m.status], m.reason ? `reason: ${m.reason}` : m.weaknesses.join('; ') || '—', pointsText(m.atStake)]),
    );
  }

  h(1, 'Review', 'review');
  p(REVIEW_STATES.map((st) => `${REVIEW_STATE_LABEL[st]}: ${report.review.counts[st]}`).join(' · '));
  const urgent = report.review.items.filter((e) => e.state === 'flagged' || e.state === 'changed_since_approved');
  if (urgent.length > 0) {
    table(
      [2.5, 0.6, 1.8, 3],
      ['Item', 'SDG', 'State', "Reviewer's comment"],
      urgent.map((e) => [e.itemId, String(e.sdg), REVIEW_STATE_LABEL[e.state], e.comments.map((c) => `${c.author}: ${c.note}`).join(' / ') || '—']),
    );
  }

  h(1, 'Freshness', 'freshness');
  if (report.freshness.length === 0) p('Nothing overdue, due soon or out of the window.');
  else table([2.5, 1.5, 4], ['Item', 'Finding', 'Detail'], report.freshness.map((f) => [f.itemId, FRESHNESS_LABEL[f.kind], f.message]));

  h(1, 'Consistency of figures', 'consistency');
  const { facts, outliers } = report.consistency;
  if (facts.length === 0 && outliers.length === 0) p('No fact contradicted and no figure flagged.');
  if (facts.length > 0) table([2, 1, 1, 3], ['Fact', 'Declared', 'Stated', 'Item'], facts.map((f) => [f.fact, String(f.declared), String(f.stated), f.itemId]));
  if (outliers.length > 0) table([3, 1, 1, 2], ['Figure', 'Before', 'Now', 'Where'], outliers.map((o) => [o.metric ? `${o.metric} ${o.name}` : o.name, String(o.previous), String(o.current), `${o.file}:${o.line}`]));

  return {
    meta: {
      title: `Gap report: ${report.institution}`,
      author: report.institution,
      subject: `${report.product} ${report.edition} gap report`,
      keywords: [report.product, 'gap report', report.edition],
      language: 'en',
      date: buildDate,
      header: `${report.institution} · gap report`,
      accent: '#19486A',
    },
    blocks,
  };
}

function run(text: string): Inline {
  return { type: 'text', text };
}

function cell(text: string): TableCell {
  return { children: [run(text)] };
}
