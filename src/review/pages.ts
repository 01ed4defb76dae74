import type { ReviewEntry, ReviewStateKind } from '../analyse/review-state';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ParsedItem } from '../parse/item';
import { itemContentHash } from '../analyse/content-hash';
import { allMetrics } from '../criteria/lookup';
import type { DeskSnapshot } from './desk-state';
import { html, type Html } from './html';
import { sdgDocumentView } from '../render/view-model';

/**
 * The desk's pages, rendered on the server from the snapshot: plain HTML with forms, so that they work with
 * the keyboard, a screen reader and a phone, and need no build step. Pure: same snapshot, same bytes.
 */

export const STATE_LABEL: Record<ReviewStateKind, string> = {
  flagged: 'Flagged',
  changed_since_approved: 'Changed since approval',
  awaiting_review: 'Awaiting review',
  approved_unverified: 'Approved (no content hash)',
  approved: 'Approved',
};

/** The owner filter's value for items without an owner. */
export const NO_OWNER = '(none)';

export interface Filters {
  /** '' for items without an owner. */
  owner?: string;
  state?: string;
  sdg?: number;
  /** "Needs my review": not approved, and owned by me or flagged by me. */
  mine?: boolean;
}

export interface PageContext {
  snapshot: DeskSnapshot;
  token: string;
  /** The reviewer's name, remembered from the last action in this browser. */
  reviewer: string;
  /** Where this page is, for the forms to come back to. */
  here: string;
  /** A message about the last action (done or refused). */
  notice?: { kind: 'ok' | 'problem'; text: string };
}

function layout(ctx: PageContext, title: string, body: Html): string {
  const s = ctx.snapshot;
  const product = s.report ? `${s.report.product} ${s.report.edition}` : 'impact-pack';
  return html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · review desk</title><link rel="stylesheet" href="/desk.css"><script src="/desk.js" defer></script></head>
<body data-version="${s.version}">
<a class="skip" href="#main">Skip to content</a>
<header><nav aria-label="Desk"><a href="/">Overview</a> · <a href="/items">Items</a></nav>
<p class="pack">${s.report?.institution ?? ''} · ${product} · review copy (internal, not for THE)</p></header>
<div id="live" role="status" aria-live="polite"></div>
<main id="main">
${ctx.notice ? html`<p class="notice ${ctx.notice.kind}" role="alert">${ctx.notice.text}</p>` : ''}
<h1>${title}</h1>
${body}
</main></body></html>
`.text;
}

function stateBadge(state: ReviewStateKind): Html {
  return html`<span class="state s-${state}">${STATE_LABEL[state]}</span>`;
}

function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? 'not estimable' : `${Math.round(share * 100)} %`;
}

export function overviewPage(ctx: PageContext): string {
  const s = ctx.snapshot;
  if (!s.pack || !s.report) return layout(ctx, 'The pack cannot be read', diagnosticsList(s.diagnostics));
  const report = s.report;
  const due = (sdg: number, kind: string) => report.freshness.filter((f) => f.sdg === sdg && f.kind === kind).length;
  const rows = report.sdgs
    .filter((g) => g.items > 0 || g.submitted)
    .map((g) => {
      const entries = report.review.items.filter((e) => e.sdg === g.sdg);
      const count = (state: ReviewStateKind) => entries.filter((e) => e.state === state).length;
      // A count that asks for work links to those items.
      const cell = (state: ReviewStateKind) => (count(state) > 0 ? html`<a href="/items?sdg=${g.sdg}&amp;state=${state}">${count(state)}</a>` : html`0`);
      const estimate = report.score.sdgs.find((e) => e.sdg === g.sdg);
      return html`<tr><th scope="row"><a href="/sdg/${g.sdg}">SDG ${g.sdg} ${g.title}</a></th>
<td>${g.submitted ? 'submitted' : 'not submitted'}</td><td>${g.items}</td>
<td>${count('approved') + count('approved_unverified')}</td><td>${cell('awaiting_review')}</td><td>${cell('flagged')}</td><td>${cell('changed_since_approved')}</td>
<td>${percent(estimate?.share)}</td><td>${due(g.sdg, 'review_overdue')} overdue, ${due(g.sdg, 'review_due_soon')} due soon</td></tr>`;
    });
  const body = html`<p>${report.eligibility.message}</p>
<p class="caveat">${report.score.label}</p>
<div class="scroll"><table><caption>Review state per SDG (estimate share: of the points the evidence questions can earn)</caption>
<thead><tr><th scope="col">SDG</th><th scope="col">Submission</th><th scope="col">Items</th><th scope="col">Approved</th><th scope="col">Awaiting</th><th scope="col">Flagged</th><th scope="col">Changed since approval</th><th scope="col">Estimate share</th><th scope="col">Policy reviews</th></tr></thead>
<tbody>${rows}</tbody></table></div>
<p><a href="/items?mine=1">Items that need my review</a> · <a href="/items?state=flagged">Flagged items</a> · <a href="/items?state=changed_since_approved">Changed since approval</a></p>
${reviewerForm(ctx)}`;
  return layout(ctx, 'Review desk', body);
}

function reviewerForm(ctx: PageContext): Html {
  return html`<form method="post" action="/reviewer" class="reviewer"><input type="hidden" name="token" value="${ctx.token}"><input type="hidden" name="back" value="${ctx.here}">
<label for="reviewer-name">Your name (recorded with approvals and flags)</label> <input id="reviewer-name" name="reviewer" value="${ctx.reviewer}" required autocomplete="name"> <button type="submit">Remember</button></form>`;
}

export function filterItems(entries: ReviewEntry[], filters: Filters, reviewer: string, flaggedBy: (e: ReviewEntry) => boolean): ReviewEntry[] {
  return entries.filter((e) => {
    if (filters.owner !== undefined && (e.owner ?? '') !== filters.owner) return false;
    if (filters.state && e.state !== filters.state) return false;
    if (filters.sdg !== undefined && e.sdg !== filters.sdg) return false;
    if (filters.mine) {
      if (e.state === 'approved' || !reviewer) return false;
      if (e.owner !== reviewer && !flaggedBy(e)) return false;
    }
    return true;
  });
}

export function itemsPage(ctx: PageContext, filters: Filters): string {
  const s = ctx.snapshot;
  if (!s.report) return layout(ctx, 'The pack cannot be read', diagnosticsList(s.diagnostics));
  const entries = s.report.review.items;
  const shown = filterItems(entries, filters, ctx.reviewer, (e) => e.comments.some((c) => c.author === ctx.reviewer));
  const owners = [...new Set(entries.map((e) => e.owner ?? ''))].sort();
  const sdgs = [...new Set(entries.map((e) => e.sdg))].sort((a, b) => a - b);
  const form = html`<form method="get" action="/items" class="filters" aria-label="Filter items">
<label>Owner <select name="owner"><option value="">(any)</option>${owners.map((o) => html`<option value="${o || NO_OWNER}"${filters.owner === o ? html` selected` : ''}>${o || NO_OWNER}</option>`)}</select></label>
<label>Status <select name="state"><option value="">(any)</option>${Object.entries(STATE_LABEL).map(([k, v]) => html`<option value="${k}"${filters.state === k ? html` selected` : ''}>${v}</option>`)}</select></label>
<label>SDG <select name="sdg"><option value="">(any)</option>${sdgs.map((n) => html`<option value="${n}"${filters.sdg === n ? html` selected` : ''}>SDG ${n}</option>`)}</select></label>
<label><input type="checkbox" name="mine" value="1"${filters.mine ? html` checked` : ''}> Needs my review</label>
<button type="submit">Filter</button></form>`;
  const rows = shown.map(
    (e) => html`<tr><td><a href="/item/${encodeURIComponent(e.itemId)}">${e.title || e.itemId}</a></td><td>SDG ${e.sdg}</td><td>${e.metric}</td><td>${e.owner ?? '—'}</td><td>${stateBadge(e.state)}</td></tr>`,
  );
  const body = html`${form}${filters.mine && !ctx.reviewer ? html`<p>Give your name on the <a href="/">overview</a> first.</p>` : ''}
<p>${shown.length} of ${entries.length} item(s).</p>
<div class="scroll"><table><caption>Items</caption><thead><tr><th scope="col">Item</th><th scope="col">SDG</th><th scope="col">Metric</th><th scope="col">Owner</th><th scope="col">Review state</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
  return layout(ctx, 'Items', body);
}

export function sdgPage(ctx: PageContext, sdg: number): string | undefined {
  const s = ctx.snapshot;
  const gap = s.report?.sdgs.find((g) => g.sdg === sdg);
  if (!s.report || !s.pack || !gap) return undefined;
  const metricDefs = new Map(allMetrics(s.pack.catalogue).map((m) => [m.id, m]));
  const entries = s.report.review.items.filter((e) => e.sdg === sdg);
  const sections = gap.metrics
    .filter((m) => m.kind !== 'bibliometric')
    .map((m) => {
      const items = entries.filter((e) => e.metric === m.metric);
      const question = metricDefs.get(m.metric)?.definition;
      return html`<section aria-labelledby="m-${m.metric}"><h2 id="m-${m.metric}">${m.metric} ${m.title}</h2>
${question ? html`<p class="question"><span class="label">THE asks:</span> ${question}</p>` : ''}
<p>Status: ${m.status}${m.weight !== null ? html` · weight ${m.weight} %` : ''}</p>
${items.length === 0 ? html`<p>No item answers this metric.</p>` : html`<ul>${items.map((e) => html`<li><a href="/item/${encodeURIComponent(e.itemId)}">${e.title || e.itemId}</a> ${stateBadge(e.state)} <span class="owner">${e.owner ?? 'no owner'}</span></li>`)}</ul>`}
</section>`;
    });
  return layout(ctx, `SDG ${sdg} ${gap.title}`, html`${sections}`);
}

function diagnosticsList(diagnostics: Diagnostic[]): Html {
  if (diagnostics.length === 0) return html`<p>No problems found.</p>`;
  return html`<ul class="diagnostics">${diagnostics.map(
    (d) => html`<li class="sev-${d.severity}"><span class="code">${d.severity} ${d.code}</span> ${d.file ? html`<span class="where">${d.file}${d.line ? `:${d.line}:${d.column}` : ''}</span>` : ''} ${d.message}${d.hint ? html` <span class="hint">${d.hint}</span>` : ''}</li>`,
  )}</ul>`;
}

const IMAGE = /\.(png|jpe?g|gif|webp)$/i;

export interface ItemPageOptions {
  /** Whether the edition grades evidence by relevance (a point component with grades). */
  relevanceGraded: boolean;
  /** Whether the edition reads a set number of pieces of evidence per indicator (so one is primary). */
  primaryRead: boolean;
}

export function itemPage(ctx: PageContext, itemId: string, options: ItemPageOptions): string | undefined {
  const s = ctx.snapshot;
  const p = s.pack?.items.find((x) => String(x.item.id) === itemId);
  const entry = s.report?.review.items.find((e) => e.itemId === itemId && e.file === p?.file);
  if (!s.pack || !p || !entry) return undefined;
  const item = p.item;
  const files = s.pack.files.byItem.get(itemId) ?? [];
  const problems = s.diagnostics.filter((d) => d.file === p.file || d.itemId === itemId);
  const urls = (Array.isArray(item.public_urls) ? item.public_urls : []).map((u) => (typeof u === 'string' ? { url: u, label: undefined } : { url: String(u?.url ?? ''), label: u?.label }));
  const body = html`<p>${stateBadge(entry.state)} · <a href="/sdg/${entry.sdg}">SDG ${entry.sdg}</a> · metric <a href="/sdg/${entry.sdg}#m-${entry.metric}">${entry.metric}</a> · owner ${entry.owner ?? 'none'} · file <code>${p.file}</code></p>
<section aria-labelledby="evidence"><h2 id="evidence">Evidence (as the submission shows it)</h2>
${submissionView(s, p)}
${item.answer !== undefined ? html`<p><span class="label">Answer:</span> ${Array.isArray(item.answer) ? item.answer.join(', ') : String(item.answer)}</p>` : ''}
${item.relevance ? html`<p><span class="label">Relevance:</span> ${String(item.relevance)}</p>` : ''}
${item.primary === true ? html`<p><span class="label">Primary evidence of its indicator</span></p>` : ''}
</section>
<section aria-labelledby="files"><h2 id="files">Supporting files</h2>
${files.length === 0 ? html`<p>None.</p>` : html`<ul class="files">${files.map((f) => fileEntry(f))}</ul>`}</section>
<section aria-labelledby="urls"><h2 id="urls">Public URLs</h2>
${urls.length === 0 ? html`<p>None.</p>` : html`<ul>${urls.map((u) => urlEntry(ctx, u.url, u.label))}</ul>`}</section>
<section aria-labelledby="problems"><h2 id="problems">Diagnostics and gap findings</h2>${diagnosticsList(problems)}</section>
<section aria-labelledby="history"><h2 id="history">Review history</h2>${reviewHistory(p)}</section>
<section aria-labelledby="act"><h2 id="act">Review</h2>${actionForms(ctx, p, entry.state, options)}</section>`;
  return layout(ctx, entry.title || entry.itemId, body);
}

/**
 * The item as the SDG document for THE shows it (the same view the PDF, DOCX and HTML are rendered from), or why
 * the submission leaves it out. Built from the pack as loaded; the version string does not reach the item.
 */
function submissionView(s: DeskSnapshot, p: ParsedItem): Html {
  const pack = s.pack!;
  const id = String(p.item.id);
  const find = (audience: 'submission' | 'review') => {
    try {
      const view = sdgDocumentView(pack, Number(p.item.sdg), '', new Map(), { audience });
      return view.groups.flatMap((g) => g.metrics.flatMap((m) => m.items)).find((i) => i.id === id);
    } catch {
      return undefined; // an item whose SDG or metric the catalogue lacks: the diagnostics below say so
    }
  };
  const shown = find('submission');
  if (!shown) {
    const why = find('review')?.internal?.leftOutBecause;
    return html`<p class="notice problem">The submission leaves this item out${why ? html`: ${why}` : ' (see the diagnostics below)'}.</p>
<div class="evidence">${String(p.item.narrative ?? '').split(/\n\s*\n/).map((t) => html`<p>${t}</p>`)}</div>`;
  }
  return html`<div class="evidence">${shown.paragraphs.map((t) => html`<p>${t}</p>`)}</div>
${shown.facts.length > 0 ? html`<dl class="facts">${shown.facts.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>` : ''}
${shown.values.length > 0 ? html`<ul class="values">${shown.values.map((v) => html`<li>${v.name}: ${v.value} ${v.unit}${v.source ? ` (${v.source})` : ''}</li>`)}</ul>` : ''}
${shown.provenance.length > 0 ? html`<p class="caveat">Source: ${shown.provenance.join('; ')}</p>` : ''}`;
}

function fileEntry(file: string): Html {
  const href = `/file/${file.split('/').map(encodeURIComponent).join('/')}`;
  if (IMAGE.test(file)) return html`<li><a href="${href}">${file}</a><br><img src="${href}" alt="${file}" loading="lazy"></li>`;
  return html`<li><a href="${href}">${file}</a>${/\.pdf$/i.test(file) ? ' (opens in the browser\'s PDF viewer)' : ''}</li>`;
}

function urlEntry(ctx: PageContext, url: string, label: string | undefined): Html {
  const record = ctx.snapshot.links.get(url);
  // Only http(s) addresses become links; anything else (javascript:, data:) is shown as text.
  const safe = /^https?:\/\//i.test(url);
  const last = record ? html` <span class="link-state">last <code>links</code> result: ${record.status}${record.httpStatus ? ` (${record.httpStatus})` : ''} on ${record.checkedAt.slice(0, 10)}</span>` : html` <span class="link-state">not checked yet (run impact-pack links)</span>`;
  return html`<li>${safe ? html`<a href="${url}" rel="noreferrer noopener" target="_blank">${label ?? url}</a>` : html`<code>${url}</code> (not a web address)`}${last}</li>`;
}

function reviewHistory(p: ParsedItem): Html {
  const item = p.item;
  const lines: Html[] = [];
  if (item.sign_off && typeof item.sign_off === 'object') {
    lines.push(html`<li>Signed off by ${String(item.sign_off.reviewer ?? '')} on ${String(item.sign_off.date ?? '')}${item.sign_off.content_hash ? html` (content <code>${String(item.sign_off.content_hash).slice(0, 19)}…</code>)` : ''}</li>`);
  }
  for (const n of Array.isArray(item.review_notes) ? item.review_notes : []) {
    if (typeof n === 'string') lines.push(html`<li>Note: ${n}</li>`);
    else if (n && typeof n === 'object') lines.push(html`<li>${n.author ? `${n.author}` : 'Note'}${n.date ? ` on ${n.date}` : ''}: ${String(n.note ?? '')}</li>`);
  }
  return lines.length === 0 ? html`<p>Not reviewed yet.</p>` : html`<ul>${lines}</ul>`;
}

function actionForms(ctx: PageContext, p: ParsedItem, state: ReviewStateKind, options: ItemPageOptions): Html {
  const id = String(p.item.id);
  const hidden = html`<input type="hidden" name="token" value="${ctx.token}"><input type="hidden" name="item" value="${id}"><input type="hidden" name="back" value="${ctx.here}"><input type="hidden" name="hash" value="${itemContentHash(p.item)}">`;
  const who = html`<input type="hidden" name="reviewer" value="${ctx.reviewer}">`;
  if (!ctx.reviewer) return html`<p>Give your name on the <a href="/">overview</a> to approve or flag.</p>`;
  return html`<p>Acting as <strong>${ctx.reviewer}</strong>.</p>
<form method="post" action="/act" class="act">${hidden}${who}<input type="hidden" name="action" value="approve"><button type="submit">Approve</button></form>
<form method="post" action="/act" class="act">${hidden}${who}<input type="hidden" name="action" value="flag"><label for="flag-comment">Comment</label><textarea id="flag-comment" name="comment" required rows="3"></textarea><button type="submit">Flag with this comment</button></form>
${state === 'flagged' ? html`<form method="post" action="/act" class="act">${hidden}${who}<input type="hidden" name="action" value="clear"><button type="submit">Clear the flag (keep the comments)</button></form>` : ''}
<form method="post" action="/act" class="act">${hidden}${who}<input type="hidden" name="action" value="owner"><label for="owner">Owner</label><input id="owner" name="owner" value="${p.item.owner ?? ''}"><button type="submit">Set owner</button></form>
${options.relevanceGraded ? html`<form method="post" action="/act" class="act">${hidden}${who}<input type="hidden" name="action" value="relevance"><label for="relevance">Relevance</label><select id="relevance" name="relevance"><option value="">(not set)</option><option value="specific"${p.item.relevance === 'specific' ? html` selected` : ''}>specific</option><option value="general"${p.item.relevance === 'general' ? html` selected` : ''}>general</option></select><button type="submit">Set relevance</button></form>` : ''}
${options.primaryRead && p.item.primary !== true ? html`<form method="post" action="/act" class="act">${hidden}${who}<input type="hidden" name="action" value="primary"><button type="submit">Mark as the primary item of ${String(p.item.metric)}</button></form>` : ''}
<p class="caveat">Relevance and primary are read by THE: changing them changes the item, so an earlier approval shows as changed.</p>`;
}

export function messagePage(ctx: PageContext, title: string, text: string): string {
  return layout(ctx, title, html`<p>${text}</p><p><a href="/">Back to the overview</a></p>`);
}
