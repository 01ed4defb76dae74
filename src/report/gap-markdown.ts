import type { GapReport, SdgGap } from '../analyse/gaps';
import { groupedQuestionsText } from '../analyse/coverage';
import { percent } from '../analyse/figure-format';
import { REVIEW_STATES } from '../analyse/review-state';
import { COVERAGE_NOTE, coverageText, FRESHNESS_LABEL, pointsText, REVIEW_STATE_LABEL, STATUS_LABEL, weightText } from './labels';
import { rescoreLines } from './rescore-text';
import { figure, notEstimableLines, whatIfText } from './score-text';
import { mdCode, mdText } from './markdown-text';
import { supportingFilesMarkdown } from './trace-markdown';

/** One part of the Markdown report: lines to print, or nothing when the section has nothing to say. */
export type MarkdownSection = (report: GapReport) => string[] | null;

/** How many ranked actions the Markdown lists; the HTML and JSON views list them all. */
const TOP_ACTIONS = 25;

/**
 * Markdown view of the gap report, sized for a pull-request comment or a CI job summary: the summary,
 * score and top actions in the open, long lists folded in <details>. A new section is a function added
 * to MARKDOWN_SECTIONS.
 */
export function gapReportMarkdown(report: GapReport): string {
  const blocks = MARKDOWN_SECTIONS.map((section) => section(report)).filter((lines): lines is string[] => lines !== null && lines.length > 0);
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

const header: MarkdownSection = (r) => {
  const w = r.policyWindow;
  const best = r.score.submittedSelection;
  return [
    `# Gap report: ${mdText(r.institution)}`,
    '',
    `${mdText(r.product)} ${r.edition} · data year ${r.dataYear} · policy window ${w.from}–${w.to}${w.confirmed ? '' : ' (derived)'} · as of ${r.asOf}`,
    '',
    `${r.eligibility.eligible ? '✅' : '⚠️'} ${r.eligibility.message}`,
    '',
    best
      ? `**Provisional estimate** (evidence questions only): ${percent(best.share)} of the estimable maximum (${figure(best.overall, r.score)} of ${figure(best.overallMax, r.score)} points) with SDG ${r.score.rules.mandatorySdg} + SDG ${best.sdgs.join(', ')}.`
      : '**Provisional estimate**: not available until the submission is eligible.',
    '',
    `Diagnostics: ${r.diagnostics.errors} error(s), ${r.diagnostics.warnings} warning(s), ${r.diagnostics.infos} note(s) — run \`impact-pack validate\` for details. Gap findings: ${r.findings.length}.`,
  ];
};

const baselineSection: MarkdownSection = (r) => {
  if (!r.baseline) return null;
  const b = r.baseline;
  const lines = ['## Compared with the baseline', '', `Baseline ${mdCode(b.file)}, recorded as of ${b.recordedAsOf}.`, ''];
  if (b.regressions.length === 0 && b.improvements.length === 0) lines.push('No change.');
  if (b.regressions.length > 0) lines.push(`❌ **${b.regressions.length} regression(s):**`, '', ...b.regressions.map((c) => `- ${mdText(c.message)}`), '');
  if (b.improvements.length > 0) lines.push(`✅ ${b.improvements.length} improvement(s):`, '', ...b.improvements.map((c) => `- ${mdText(c.message)}`));
  return lines;
};

const scoreSection: MarkdownSection = (r) => {
  const s = r.score;
  const lines = [
    '## Provisional score (estimate)',
    '',
    `_${mdText(s.label)}_`,
    '',
    '| SDG | Submitted | Estimate | Of (evidence questions) | Share | Not estimable |',
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const e of s.sdgs) {
    if (!e.submitted && e.items === 0) continue;
    lines.push(`| ${e.sdg} ${mdText(e.title)} | ${e.submitted ? 'yes' : 'no'} | ${figure(e.estimate, s)} | ${figure(e.estimableWeight, s)} | ${percent(e.share)} | ${figure(e.notEstimableWeight, s)} |`);
  }
  lines.push('');
  const sel = (x: NonNullable<typeof s.bestSelection>) => `**${percent(x.share)}** of the estimable maximum (${figure(x.overall, s)} of ${figure(x.overallMax, s)})`;
  if (s.submittedSelection) lines.push(`Submitted: SDG ${s.rules.mandatorySdg} + best three of the submitted SDGs (${s.submittedSelection.sdgs.join(', ')}): ${sel(s.submittedSelection)}.`);
  if (s.bestSelection) {
    lines.push(
      s.betterSelectionAvailable
        ? `Best selection from the SDGs with evidence: SDG ${s.bestSelection.sdgs.join(', ')}: ${sel(s.bestSelection)} — a higher share than the submitted selection.`
        : `Best selection from the SDGs with evidence: SDG ${s.bestSelection.sdgs.join(', ')} (${percent(s.bestSelection.share)}).`,
    );
  }
  if (s.whatIf) lines.push(mdText(whatIfText(s.whatIf)));
  const notEstimable = notEstimableLines(s);
  if (notEstimable.length > 0) lines.push('', ...notEstimable.map(mdText));
  if (s.caveats.length > 0) lines.push('', '<details><summary>Caveats: what the estimate rests on</summary>', '', ...s.caveats.map((c) => `- ${mdText(c)}`), '', '</details>');
  return lines;
};

/** `gaps --edition E`: the pack judged under another edition, and per indicator what changes and why. */
const rescoringSection: MarkdownSection = (r) => {
  if (!r.rescoring) return null;
  // Capped, so that the report still fits a pull-request comment; the HTML and JSON views list every indicator.
  return [`## Re-scored from ${r.rescoring.from.edition} to ${r.rescoring.to.edition}`, '', '```', ...rescoreLines(r.rescoring, { maxIndicators: 12, maxLineLength: 160 }), '```'];
};

const coverageSection: MarkdownSection = (r) => {
  const lines = ['## Coverage by SDG', '', `_${COVERAGE_NOTE}_`, '', '| SDG | Submitted | Items | Complete | Partial | Missing | N/A | Evidence metrics |', '|---|---|---:|---:|---:|---:|---:|---:|'];
  for (const s of shown(r)) {
    const c = s.coverage;
    lines.push(
      `| ${s.sdg} ${mdText(s.title)} | ${s.submitted ? 'yes' : 'no'} | ${s.items} | ${c.complete} | ${c.partial} | ${c.missing} | ${c.outOfPlay} | ${c.total}${c.notScored > 0 ? ` (${c.notScored} not scored)` : ''} |`,
    );
  }
  const grouped = shown(r).flatMap((s) => s.coverage.grouped);
  if (grouped.length > 0) lines.push('', ...grouped.map((g) => `Counted as one: ${mdText(groupedQuestionsText(g))}.`));
  const silent = r.sdgs.filter((s) => !s.submitted && s.items === 0).map((s) => s.sdg);
  if (silent.length > 0) lines.push('', `Not submitted and without evidence: SDG ${silent.join(', ')}.`);
  return lines;
};

const actionsSection: MarkdownSection = (r) => {
  if (r.actions.length === 0) return ['## Actions', '', 'None: every metric of the submitted SDGs earns its full points.'];
  const lines = [
    '## Actions, highest value first',
    '',
    '_Points: what the step would recover, in points of the SDG score (the metric\'s weight × the share of the question\'s points). — means not estimable._',
    '',
    '| # | Points | SDG | Metric | Step | Why | Owner | Item |',
    '|---:|---:|---:|---|---|---|---|---|',
  ];
  for (const a of r.actions.slice(0, TOP_ACTIONS)) {
    lines.push(`| ${a.rank} | ${pointsText(a.points)} | ${a.sdg} | ${mdText(a.metric)} | ${mdText(a.step)} | ${mdText(a.why)} | ${mdText(a.owner)} | ${a.itemId ? mdCode(a.itemId) : '—'} |`);
  }
  if (r.actions.length > TOP_ACTIONS) lines.push('', `… and ${r.actions.length - TOP_ACTIONS} more in gap-report.html and gap-report.json.`);
  lines.push('', '<details><summary>To-do by owner</summary>', '', '| Owner | Actions | Points |', '|---|---:|---:|');
  for (const o of r.owners) lines.push(`| ${mdText(o.owner)} | ${o.actions.length} | ${pointsText(o.points)} |`);
  lines.push('', '</details>');
  return lines;
};

const reviewSection: MarkdownSection = (r) => {
  const c = r.review.counts;
  const lines = ['## Review', '', REVIEW_STATES.map((s) => `${REVIEW_STATE_LABEL[s]}: ${c[s]}`).join(' · ')];
  const pending = r.review.items.filter((e) => e.state !== 'approved' && e.state !== 'approved_unverified');
  if (pending.length === 0) return lines;
  // What awaits review, by SDG, as counts; the items that need a reviewer's attention first are listed.
  lines.push('', '| SDG | Awaiting review | Changed since approved | Flagged |', '|---:|---:|---:|---:|');
  for (const sdg of [...new Set(pending.map((e) => e.sdg))].sort((a, b) => a - b)) {
    const list = pending.filter((e) => e.sdg === sdg);
    const n = (state: string) => list.filter((e) => e.state === state).length;
    lines.push(`| ${sdg} | ${n('awaiting_review')} | ${n('changed_since_approved')} | ${n('flagged')} |`);
  }
  const urgent = pending.filter((e) => e.state === 'flagged' || e.state === 'changed_since_approved').sort((a, b) => a.sdg - b.sdg || (a.itemId < b.itemId ? -1 : 1));
  if (urgent.length > 0) {
    lines.push('', '| Item | SDG | State | Owner | Reviewer\'s comment |', '|---|---:|---|---|---|');
    for (const e of urgent) {
      const comment = e.comments.map((x) => `${x.author}${x.date ? ` (${x.date})` : ''}: ${x.note}`).join(' / ');
      lines.push(`| ${mdCode(e.itemId)} | ${e.sdg} | ${REVIEW_STATE_LABEL[e.state]} | ${mdText(e.owner ?? '—')} | ${mdText(comment) || '—'} |`);
    }
  }
  lines.push('', 'The full list, filterable by SDG and state, is in gap-report.html.');
  return lines;
};

const freshnessSection: MarkdownSection = (r) => {
  const lines = ['## Freshness', '', `As of ${r.asOf}${r.windowsAsOf.shift > 0 ? `: THE now looks at data year ${r.windowsAsOf.dataYear} and the policy window ${r.windowsAsOf.policyWindow.from}–${r.windowsAsOf.policyWindow.to}` : ''}.`, ''];
  if (r.freshness.length === 0) return [...lines, 'Nothing overdue, due soon or out of the window.'];
  lines.push('| Item | SDG | Metric | Finding | Date | Owner |', '|---|---:|---|---|---|---|');
  for (const f of r.freshness) lines.push(`| ${mdCode(f.itemId)} | ${f.sdg} | ${mdText(f.metric)} | ${FRESHNESS_LABEL[f.kind]} | ${mdText(f.date)} | ${mdText(f.owner ?? '—')} |`);
  return lines;
};

const consistencySection: MarkdownSection = (r) => {
  const { facts, outliers, comparedWith, outlierShare } = r.consistency;
  const lines = ['## Consistency of figures', ''];
  if (facts.length === 0) lines.push('Every item that states an institution fact agrees with impact-pack.yaml.');
  else {
    lines.push('| Fact | Declared | Stated | Item | File |', '|---|---:|---:|---|---|');
    for (const f of facts) lines.push(`| ${mdText(f.fact)} | ${f.declared} | ${f.stated} | ${mdCode(f.itemId)} | ${mdCode(`${f.file}:${f.line}`)} |`);
  }
  lines.push('');
  if (!comparedWith) lines.push('No previous pack or baseline given, so no figures were compared over time (`--previous` or `--baseline`).');
  else if (outliers.length === 0) lines.push(`No figure moved by more than ${outlierShare * 100} % since ${mdText(comparedWith)}.`);
  else {
    lines.push(`Figures that moved by more than ${outlierShare * 100} % since ${mdText(comparedWith)}:`, '', '| Figure | Before | Now | Change | Where |', '|---|---:|---:|---:|---|');
    for (const o of outliers) {
      const change = o.change === null ? 'from 0' : `${o.change > 0 ? '+' : ''}${Math.round(o.change * 1000) / 10} %`;
      lines.push(`| ${mdText(o.metric ? `${o.metric} ${o.name}` : o.name)} | ${o.previous} | ${o.current} | ${change} | ${mdCode(`${o.file}:${o.line}`)} |`);
    }
  }
  return lines;
};

const metricsSection: MarkdownSection = (r) => {
  const lines = ['## Metrics of the submitted SDGs'];
  for (const s of r.sdgs.filter((x) => x.submitted)) {
    lines.push('', `<details><summary>SDG ${s.sdg}: ${mdText(s.title)} — ${coverageText(s.coverage)}</summary>`, '');
    lines.push('| Metric | Weight | Status | Items | What is weak or missing | At stake (est.) |', '|---|---:|---|---:|---|---:|');
    for (const m of s.metrics) {
      if (m.kind === 'bibliometric') continue;
      const status = m.status === 'missing' ? '**missing**' : STATUS_LABEL[m.status];
      const weak = m.reason ? `reason: ${m.reason}` : m.weaknesses.join('; ');
      lines.push(`| ${mdText(m.metric)} ${mdText(m.title)} | ${weightText(m.weight, m.weightConfirmed)} | ${status} | ${m.items.length} | ${mdText(weak) || '—'} | ${pointsText(m.atStake)} |`);
    }
    lines.push('', '</details>');
  }
  const others = shown(r).filter((x) => !x.submitted);
  if (others.length > 0) lines.push('', `SDGs with evidence that are not submitted (${others.map((x) => x.sdg).join(', ')}) are detailed in gap-report.html and gap-report.json.`);
  return lines;
};

const policyDatesSection: MarkdownSection = (r) => {
  const lines = ['## Policies without a known date', ''];
  if (r.policyDates.length === 0) return [...lines, 'None.'];
  const listed = capped(r, r.policyDates);
  lines.push('| Item | SDG | Metric | Created | Last reviewed | File |', '|---|---:|---|---|---|---|');
  for (const p of listed.rows) lines.push(`| ${mdCode(p.itemId)} | ${p.sdg} | ${mdText(p.metric)} | ${mdText(p.created)} | ${mdText(p.lastReviewed)} | ${mdCode(p.file)} |`);
  return [...lines, ...listed.more];
};

const missingDocumentsSection: MarkdownSection = (r) => {
  const lines = ['## Documents named but not provided', ''];
  if (r.missingDocuments.length === 0) return [...lines, 'None.'];
  const listed = capped(r, r.missingDocuments);
  lines.push('| Document | Item | SDG | Metric | Note |', '|---|---|---:|---|---|');
  for (const d of listed.rows) lines.push(`| ${mdText(d.title)} | ${mdCode(d.itemId)} | ${d.sdg} | ${mdText(d.metric)} | ${mdText(d.note ?? '')} |`);
  return [...lines, ...listed.more];
};

/** How many rows a long list shows in Markdown, which must fit a pull-request comment; HTML and JSON list all. */
const LIST_CAP = 30;

/** The rows of the submitted SDGs first, at most LIST_CAP of them, and a line saying where the rest are. */
function capped<T extends { sdg: number }>(r: GapReport, list: T[]): { rows: T[]; more: string[] } {
  const submitted = new Set(r.sdgs.filter((s) => s.submitted).map((s) => s.sdg));
  const ordered = [...list.filter((x) => submitted.has(x.sdg)), ...list.filter((x) => !submitted.has(x.sdg))];
  const rows = ordered.slice(0, LIST_CAP);
  return { rows, more: ordered.length > rows.length ? ['', `… and ${ordered.length - rows.length} more in gap-report.html and gap-report.json.`] : [] };
}

/** Orphans, duplicates and traceability (issue 4); the lines come from report/trace-markdown.ts. */
const supportingFilesSection: MarkdownSection = (r) => supportingFilesMarkdown(r.supportingFiles);

const footnote: MarkdownSection = () => [
  '_"At stake" and "Points" are estimates: the metric\'s weight (percent of the SDG score) times the share of THE\'s evidence points missed. Derived weights are marked with *._',
];

/** The sections in reading order; add a section by adding its function here (and to the HTML view). */
export const MARKDOWN_SECTIONS: MarkdownSection[] = [
  header,
  baselineSection,
  rescoringSection,
  scoreSection,
  coverageSection,
  actionsSection,
  reviewSection,
  freshnessSection,
  consistencySection,
  metricsSection,
  policyDatesSection,
  missingDocumentsSection,
  supportingFilesSection,
  footnote,
];

function shown(r: GapReport): SdgGap[] {
  return r.sdgs.filter((s) => s.submitted || s.items > 0);
}
