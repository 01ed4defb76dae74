import { createHash } from 'node:crypto';
import type { GapReport, SdgGap } from '../analyse/gaps';
import { REVIEW_STATES } from '../analyse/review-state';
import { groupedQuestionsText } from '../analyse/coverage';
import { percent } from '../analyse/figure-format';
import { escapeHtml } from '../render/html/escape';
import { coverageChartSvg } from './coverage-chart';
import { GAP_HTML_SCRIPT, GAP_HTML_STYLE } from './gap-html-assets';
import { COVERAGE_NOTE, FRESHNESS_LABEL, NOT_ESTIMABLE_LABEL, pointsText, REVIEW_STATE_LABEL, STATUS_LABEL, weightText } from './labels';
import { rescoreLines } from './rescore-text';
import { figure, notEstimableLines, whatIfText } from './score-text';

/** One part of the HTML report: markup whose every piece of pack text went through escapeHtml. */
export type HtmlSection = (report: GapReport) => string | null;

/**
 * HTML view of the gap report: one self-contained file (inline style, script and SVG, no external
 * request) with filterable, sortable tables and a coverage chart per SDG. A Content-Security-Policy
 * allows only the page's own style and script (by hash) and forbids every fetch. A new section is a
 * function added to HTML_SECTIONS.
 */
export function gapReportHtml(report: GapReport): string {
  const csp = [
    "default-src 'none'",
    `style-src '${sha256(GAP_HTML_STYLE)}'`,
    `script-src '${sha256(GAP_HTML_SCRIPT)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const body = HTML_SECTIONS.map((section) => section(report)).filter((html): html is string => !!html);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${t(`Gap report: ${report.institution}`)}</title>`,
    `<style>${GAP_HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</main>',
    `<script>${GAP_HTML_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** Escapes pack text for element content and attribute values. */
function t(text: string | number | null | undefined): string {
  return escapeHtml(text === null || text === undefined ? '' : String(text));
}

function shown(r: GapReport): SdgGap[] {
  return r.sdgs.filter((s) => s.submitted || s.items > 0);
}

/** A filter bar for a table: selects over row data attributes, optional checkboxes, and a text search. */
function filters(tableId: string, selects: { key: string; label: string; options: [string, string][] }[], checks: { key: string; value: string; label: string }[] = []): string {
  const parts = [`<div class="filters" data-table="${tableId}">`];
  for (const s of selects) {
    parts.push(
      `<label>${t(s.label)} <select data-filter="${s.key}" name="${tableId}-${s.key}"><option value="">all</option>${s.options.map(([v, l]) => `<option value="${t(v)}">${t(l)}</option>`).join('')}</select></label>`,
    );
  }
  for (const c of checks) parts.push(`<label><input type="checkbox" data-filter="${c.key}" value="${t(c.value)}" name="${tableId}-${c.key}"> ${t(c.label)}</label>`);
  parts.push(`<label>Search <input type="search" data-search name="${tableId}-search"></label>`, `<span class="note" data-count-for="${tableId}"></span>`, '</div>');
  return parts.join('');
}

/** A header cell that sorts its table by a row data attribute. */
function sortable(label: string, key: string, type: 'number' | 'text', numeric = false): string {
  return `<th${numeric ? ' class="num"' : ''} data-sort="${key}" data-type="${type}"><button type="button">${t(label)}</button></th>`;
}

const header: HtmlSection = (r) => {
  const w = r.policyWindow;
  const best = r.score.submittedSelection;
  return [
    '<header>',
    `<h1>${t(`Gap report: ${r.institution}`)}</h1>`,
    `<p class="meta">${t(r.product)} ${t(r.edition)} · data year ${r.dataYear} · policy window ${w.from}–${w.to}${w.confirmed ? '' : ' (derived)'} · as of ${t(r.asOf)}</p>`,
    `<p id="eligibility">${r.eligibility.eligible ? '✅' : '⚠️'} ${t(r.eligibility.message)}</p>`,
    `<p class="estimate" id="estimate-summary"><strong>Provisional estimate</strong> (evidence questions only): ${
      best
        ? `${percent(best.share)} of the estimable maximum (${figure(best.overall, r.score)} of ${figure(best.overallMax, r.score)} points) with SDG ${r.score.rules.mandatorySdg} + SDG ${t(best.sdgs.join(', '))}`
        : 'not available until the submission is eligible'
    }. <span class="note">${t(r.score.label)}</span></p>`,
    `<p class="note">Diagnostics: ${r.diagnostics.errors} error(s), ${r.diagnostics.warnings} warning(s), ${r.diagnostics.infos} note(s). Gap findings: ${r.findings.length}.</p>`,
    '</header>',
    '<main>',
  ].join('\n');
};

const baselineSection: HtmlSection = (r) => {
  if (!r.baseline) return null;
  const b = r.baseline;
  const items = [
    ...b.regressions.map((c) => `<li class="regression">${t(c.message)}</li>`),
    ...b.improvements.map((c) => `<li class="improvement">${t(c.message)}</li>`),
  ];
  return `<section id="baseline"><h2>Compared with the baseline</h2><p>Baseline <code>${t(b.file)}</code>, recorded as of ${t(b.recordedAsOf)}: ${b.regressions.length} regression(s), ${b.improvements.length} improvement(s).</p>${items.length > 0 ? `<ul>${items.join('')}</ul>` : ''}</section>`;
};

const coverageSection: HtmlSection = (r) => {
  const rows = shown(r).map((s) => {
    const c = s.coverage;
    return `<tr data-sdg="${s.sdg}"><td>${s.sdg} ${t(s.title)}</td><td>${s.submitted ? 'yes' : 'no'}</td><td class="num">${s.items}</td><td class="num">${c.complete}</td><td class="num">${c.partial}</td><td class="num">${c.missing}</td><td class="num">${c.outOfPlay}</td><td class="num">${c.total}${c.notScored > 0 ? ` (${c.notScored} not scored)` : ''}</td></tr>`;
  });
  const grouped = shown(r).flatMap((s) => s.coverage.grouped).map((g) => `<p class="note">Counted as one: ${t(groupedQuestionsText(g))}.</p>`);
  return [
    `<section id="coverage"><h2>Coverage by SDG</h2><p class="note">${t(COVERAGE_NOTE)} * marks a submitted SDG.</p>${coverageChartSvg(shown(r))}`,
    `<table id="coverage-table"><thead><tr><th>SDG</th><th>Submitted</th><th class="num">Items</th><th class="num">Complete</th><th class="num">Partial</th><th class="num">Missing</th><th class="num">N/A</th><th class="num">Evidence metrics</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    `${grouped.join('')}</section>`,
  ].join('');
};

const rescoringSection: HtmlSection = (r) =>
  r.rescoring ? `<section id="rescoring"><h2>Re-scored from ${t(r.rescoring.from.edition)} to ${t(r.rescoring.to.edition)}</h2><pre>${t(rescoreLines(r.rescoring).join('\n'))}</pre></section>` : null;

const scoreSection: HtmlSection = (r) => {
  const s = r.score;
  const rows = s.sdgs
    .filter((e) => e.submitted || e.items > 0)
    .map(
      (e) =>
        `<tr data-sdg="${e.sdg}" data-estimate="${e.estimate}" data-of="${e.estimableWeight}" data-share="${e.share ?? ''}"><td>${e.sdg} ${t(e.title)}</td><td>${e.submitted ? 'yes' : 'no'}</td><td class="num">${figure(e.estimate, s)}</td><td class="num">${figure(e.estimableWeight, s)}</td><td class="num">${percent(e.share)}</td><td class="num">${figure(e.notEstimableWeight, s)}</td><td>${t(notEstimableText(e.notEstimable))}</td></tr>`,
    );
  const sel = (x: NonNullable<typeof s.bestSelection>) => `<strong>${percent(x.share)}</strong> of the estimable maximum (${figure(x.overall, s)} of ${figure(x.overallMax, s)})`;
  const lines = [`<p class="note">${t(s.label)}</p>`];
  if (s.submittedSelection) lines.push(`<p>Submitted selection: SDG ${s.rules.mandatorySdg} + SDG ${t(s.submittedSelection.sdgs.join(', '))}: ${sel(s.submittedSelection)}.</p>`);
  if (s.bestSelection) lines.push(`<p id="best-selection">Best selection from the SDGs with evidence: SDG ${t(s.bestSelection.sdgs.join(', '))}: ${sel(s.bestSelection)}${s.betterSelectionAvailable ? ' — a higher share than the submitted selection' : ''}.</p>`);
  if (s.whatIf) lines.push(`<p id="what-if">${t(whatIfText(s.whatIf))}</p>`);
  const notEstimable = notEstimableLines(s).map((l) => `<p class="note not-estimable">${t(l)}</p>`).join('');
  const caveats = s.caveats.length > 0 ? `<details id="caveats"><summary>Caveats: what the estimate rests on</summary><ul>${s.caveats.map((c) => `<li>${t(c)}</li>`).join('')}</ul></details>` : '';
  return `<section id="score"><h2>Provisional score (estimate)</h2>${lines.join('')}<table id="score-table"><thead><tr>${sortable('SDG', 'sdg', 'number')}<th>Submitted</th>${sortable('Estimate', 'estimate', 'number', true)}${sortable('Of', 'of', 'number', true)}${sortable('Share', 'share', 'number', true)}<th class="num">Not estimable</th><th>Not estimable metrics</th></tr></thead><tbody>${rows.join('')}</tbody></table>${notEstimable}${caveats}</section>`;
};

/** "research metric, computed by THE from Scopus: 1.1.1, 1.1.2; weight not known: 1.3.3", grouped by reason. */
function notEstimableText(list: { metric: string; reason: keyof typeof NOT_ESTIMABLE_LABEL; missing: string[] }[]): string {
  const groups = new Map<string, string[]>();
  for (const n of list) groups.set(n.reason, [...(groups.get(n.reason) ?? []), n.missing.length > 0 ? `${n.metric} (lacks: ${n.missing.join('; ')})` : n.metric]);
  return [...groups].map(([reason, ids]) => `${NOT_ESTIMABLE_LABEL[reason as keyof typeof NOT_ESTIMABLE_LABEL]}: ${ids.join(', ')}`).join('; ');
}

const metricsSection: HtmlSection = (r) => {
  const rows: string[] = [];
  for (const s of shown(r)) {
    for (const m of s.metrics) {
      if (m.kind === 'bibliometric') continue;
      const weak = m.reason ? `reason: ${m.reason}` : m.weaknesses.join('; ');
      const owners = [...new Set(m.items.map((i) => i.owner).filter((o): o is string => !!o))].join(', ');
      rows.push(
        `<tr data-sdg="${s.sdg}" data-metric="${t(m.metric)}" data-status="${m.status}" data-submitted="${s.submitted ? 'yes' : 'no'}" data-weight="${m.weight ?? ''}" data-stake="${m.atStake ?? ''}" data-items="${m.items.length}">` +
          `<td>${s.sdg}</td><td><code>${t(m.metric)}</code> ${t(m.title)}</td><td class="num">${t(weightText(m.weight, m.weightConfirmed))}</td><td class="status-${m.status}">${t(STATUS_LABEL[m.status])}</td><td class="num">${m.items.length}</td><td>${t(weak) || '—'}</td><td>${t(owners) || '—'}</td><td class="num">${t(pointsText(m.atStake))}</td></tr>`,
      );
    }
  }
  const sdgOptions = shown(r).map((s): [string, string] => [String(s.sdg), `SDG ${s.sdg}`]);
  const statusOptions = (['complete', 'partial', 'missing', 'not_applicable', 'not_pursuing'] as const).map((s): [string, string] => [s, STATUS_LABEL[s]]);
  return [
    '<section id="metrics"><h2>Metrics</h2>',
    filters('metrics-table', [{ key: 'sdg', label: 'SDG', options: sdgOptions }, { key: 'status', label: 'Status', options: statusOptions }], [{ key: 'submitted', value: 'yes', label: 'submitted SDGs only' }]),
    `<table id="metrics-table"><thead><tr>${sortable('SDG', 'sdg', 'number')}${sortable('Metric', 'metric', 'text')}${sortable('Weight', 'weight', 'number', true)}${sortable('Status', 'status', 'text')}${sortable('Items', 'items', 'number', true)}<th>What is weak or missing</th><th>Owner</th>${sortable('At stake', 'stake', 'number', true)}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ].join('');
};

const actionsSection: HtmlSection = (r) => {
  const rows = r.actions.map(
    (a) =>
      `<tr data-rank="${a.rank}" data-points="${a.points ?? ''}" data-owner="${t(a.owner)}" data-kind="${a.kind}" data-sdg="${a.sdg}"><td class="num">${a.rank}</td><td class="num">${t(pointsText(a.points))}</td><td>${a.sdg}</td><td><code>${t(a.metric)}</code></td><td>${t(a.step)}</td><td>${t(a.why)}</td><td>${t(a.owner)}</td><td>${a.itemId ? `<code>${t(a.itemId)}</code>` : '—'}</td></tr>`,
  );
  const owners = r.owners.map((o): [string, string] => [o.owner, `${o.owner} (${o.actions.length})`]);
  const todo = r.owners.map((o) => `<tr><td>${t(o.owner)}</td><td class="num">${o.actions.length}</td><td class="num">${t(pointsText(o.points))}</td></tr>`);
  return [
    '<section id="actions"><h2>Actions, highest value first</h2>',
    '<p class="note">Points: what the step would recover, in points of the SDG score (the metric\'s weight × the share of the question\'s points); — means not estimable.</p>',
    filters('actions-table', [
      { key: 'owner', label: 'Owner', options: owners },
      { key: 'kind', label: 'Kind', options: [['evidence', 'evidence'], ['freshness', 'freshness'], ['consistency', 'consistency']] },
    ]),
    `<table id="actions-table"><thead><tr>${sortable('#', 'rank', 'number', true)}${sortable('Points', 'points', 'number', true)}${sortable('SDG', 'sdg', 'number')}<th>Metric</th><th>Step</th><th>Why</th>${sortable('Owner', 'owner', 'text')}<th>Item</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    `<h3>To-do by owner</h3><table id="owners-table"><thead><tr><th>Owner</th><th class="num">Actions</th><th class="num">Points</th></tr></thead><tbody>${todo.join('')}</tbody></table>`,
    '</section>',
  ].join('');
};

const reviewSection: HtmlSection = (r) => {
  const c = r.review.counts;
  const rows = [...r.review.items]
    .sort((a, b) => a.sdg - b.sdg || REVIEW_STATES.indexOf(a.state) - REVIEW_STATES.indexOf(b.state) || (a.itemId < b.itemId ? -1 : 1))
    .map((e) => {
      const comments = e.comments.map((x) => `${x.author}${x.date ? ` (${x.date})` : ''}: ${x.note}`).join(' / ');
      const signed = e.signOff ? `${e.signOff.reviewer}, ${e.signOff.date}` : '—';
      return `<tr data-sdg="${e.sdg}" data-state="${e.state}" data-item="${t(e.itemId)}"><td>${e.sdg}</td><td><code>${t(e.itemId)}</code><br>${t(e.title)}</td><td><code>${t(e.metric)}</code></td><td>${t(REVIEW_STATE_LABEL[e.state])}</td><td>${t(signed)}</td><td>${t(e.owner ?? '—')}</td><td>${t(comments) || '—'}</td></tr>`;
    });
  const sdgOptions = [...new Set(r.review.items.map((e) => e.sdg))].sort((a, b) => a - b).map((n): [string, string] => [String(n), `SDG ${n}`]);
  return [
    '<section id="review"><h2>Review</h2>',
    `<p>${REVIEW_STATES.map((s) => `${t(REVIEW_STATE_LABEL[s])}: ${c[s]}`).join(' · ')}</p>`,
    filters('review-table', [
      { key: 'state', label: 'State', options: REVIEW_STATES.map((s): [string, string] => [s, REVIEW_STATE_LABEL[s]]) },
      { key: 'sdg', label: 'SDG', options: sdgOptions },
    ]),
    `<table id="review-table"><thead><tr>${sortable('SDG', 'sdg', 'number')}${sortable('Item', 'item', 'text')}<th>Metric</th>${sortable('State', 'state', 'text')}<th>Signed off</th><th>Owner</th><th>Reviewer's comment</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ].join('');
};

const freshnessSection: HtmlSection = (r) => {
  const moved = r.windowsAsOf.shift > 0 ? ` THE now looks at data year ${r.windowsAsOf.dataYear} and the policy window ${r.windowsAsOf.policyWindow.from}–${r.windowsAsOf.policyWindow.to}.` : '';
  if (r.freshness.length === 0) return `<section id="freshness"><h2>Freshness</h2><p>As of ${t(r.asOf)}: nothing overdue, due soon or out of the window.${moved}</p></section>`;
  const rows = r.freshness.map(
    (f) => `<tr data-kind="${f.kind}"><td><code>${t(f.itemId)}</code></td><td>${f.sdg}</td><td><code>${t(f.metric)}</code></td><td>${t(FRESHNESS_LABEL[f.kind])}</td><td>${t(f.message)}</td><td>${t(f.owner ?? '—')}</td></tr>`,
  );
  return `<section id="freshness"><h2>Freshness</h2><p>As of ${t(r.asOf)}.${moved}</p><table id="freshness-table"><thead><tr><th>Item</th><th>SDG</th><th>Metric</th><th>Finding</th><th>Detail</th><th>Owner</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
};

const consistencySection: HtmlSection = (r) => {
  const { facts, outliers, comparedWith, outlierShare } = r.consistency;
  const parts = ['<section id="consistency"><h2>Consistency of figures</h2>'];
  if (facts.length === 0) parts.push('<p>Every item that states an institution fact agrees with impact-pack.yaml.</p>');
  else {
    parts.push(
      `<table id="facts-table"><thead><tr><th>Fact</th><th class="num">Declared</th><th class="num">Stated</th><th>Item</th><th>Where</th></tr></thead><tbody>${facts
        .map((f) => `<tr><td>${t(f.fact)}</td><td class="num">${f.declared}</td><td class="num">${f.stated}</td><td><code>${t(f.itemId)}</code></td><td><code>${t(`${f.file}:${f.line}`)}</code></td></tr>`)
        .join('')}</tbody></table>`,
    );
  }
  if (!comparedWith) parts.push('<p class="note">No previous pack or baseline given, so no figures were compared over time.</p>');
  else if (outliers.length === 0) parts.push(`<p>No figure moved by more than ${outlierShare * 100} % since ${t(comparedWith)}.</p>`);
  else {
    parts.push(
      `<p>Figures that moved by more than ${outlierShare * 100} % since ${t(comparedWith)}:</p><table id="outliers-table"><thead><tr><th>Figure</th><th class="num">Before</th><th class="num">Now</th><th>Where</th></tr></thead><tbody>${outliers
        .map((o) => `<tr><td>${t(o.metric ? `${o.metric} ${o.name}` : o.name)}</td><td class="num">${o.previous}</td><td class="num">${o.current}</td><td><code>${t(`${o.file}:${o.line}`)}</code></td></tr>`)
        .join('')}</tbody></table>`,
    );
  }
  parts.push('</section>');
  return parts.join('');
};

const policyDatesSection: HtmlSection = (r) => {
  if (r.policyDates.length === 0) return '<section id="policy-dates"><h2>Policies without a known date</h2><p>None.</p></section>';
  const rows = r.policyDates.map((p) => `<tr><td><code>${t(p.itemId)}</code></td><td>${p.sdg}</td><td><code>${t(p.metric)}</code></td><td>${t(p.created)}</td><td>${t(p.lastReviewed)}</td><td><code>${t(p.file)}</code></td></tr>`);
  return `<section id="policy-dates"><h2>Policies without a known date</h2><table><thead><tr><th>Item</th><th>SDG</th><th>Metric</th><th>Created</th><th>Last reviewed</th><th>File</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
};

const missingDocumentsSection: HtmlSection = (r) => {
  if (r.missingDocuments.length === 0) return '<section id="missing-documents"><h2>Documents named but not provided</h2><p>None.</p></section>';
  const rows = r.missingDocuments.map((d) => `<tr><td>${t(d.title)}</td><td><code>${t(d.itemId)}</code></td><td>${d.sdg}</td><td><code>${t(d.metric)}</code></td><td>${t(d.note ?? '')}</td></tr>`);
  return `<section id="missing-documents"><h2>Documents named but not provided</h2><table><thead><tr><th>Document</th><th>Item</th><th>SDG</th><th>Metric</th><th>Note</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
};

/** The sections in reading order; the header opens <main>, which the page closes after the last section. */
export const HTML_SECTIONS: HtmlSection[] = [
  header,
  baselineSection,
  coverageSection,
  rescoringSection,
  scoreSection,
  actionsSection,
  metricsSection,
  reviewSection,
  freshnessSection,
  consistencySection,
  policyDatesSection,
  missingDocumentsSection,
];
