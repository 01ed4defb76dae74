import { compareMetricIds } from '../criteria/metric-order';
import { allMetrics } from '../criteria/lookup';
import type { Catalogue, Confidence, Metric, PointRule } from '../criteria/types';
import { parseIsoDay, parseLooseDate } from '../model/dates';
import type { ParsedItem } from '../parse/item';

/**
 * What a coordinator must do when a pack moves from one edition to another, worked out from the two
 * catalogues and the pack's items: the edition facts that change (data year, window, product, how evidence is
 * read, the point rules), the questions added or removed, and for each change the items it concerns. Pure:
 * nothing is read or written here.
 */

export interface EditionChange {
  /** A short stable key, e.g. "data_year", "metrics_removed", for scripts reading the JSON form. */
  topic: string;
  /** What changes and what to do, in one or two sentences. */
  message: string;
  /** The items concerned, as "id (file)". */
  items: string[];
}

export function editionChanges(from: Catalogue, to: Catalogue, items: ParsedItem[]): EditionChange[] {
  const out: EditionChange[] = [];
  const live = items.filter((p) => p.item.status !== 'not_applicable' && p.item.status !== 'not_pursuing');
  const add = (topic: string, message: string, concerned: ParsedItem[] = []): void => {
    out.push({ topic, message, items: concerned.map(label) });
  };

  if ((from.product ?? from.title) !== (to.product ?? to.title) && to.product) {
    add('product', `The product is now ${to.product}${mark(to.productFact?.confidence)}: documents and the portal use that name.`);
  }

  const fromYear = from.windows.dataYear;
  const toYear = to.windows.dataYear;
  if (fromYear !== toYear) {
    const activities = live.filter((p) => (p.item.kind === 'practice' || p.item.kind === 'measurement') && !periodCovers(p.item.period, toYear));
    add(
      'data_year',
      `The data year moves from ${fromYear} to ${toYear}${mark(to.windows.confidence)}: THE credits what happened in ${toYear}. Give each activity's evidence for ${toYear} and set its \`period\`.`,
      activities,
    );
    const figures = live.filter((p) => p.item.kind === 'numeric' || p.item.values !== undefined).filter((p) => valueYears(p).some((y) => y !== toYear));
    if (figures.length > 0) add('value_years', `Numeric figures must be those of ${toYear}: replace the figures of other years and set their \`year\`.`, figures);
  }

  const fw = from.windows.policyWindow;
  const tw = to.windows.policyWindow;
  if (fw.from !== tw.from || fw.to !== tw.to) {
    const policies = live.filter((p) => p.item.kind === 'policy').filter((p) => !policyInWindow(p, tw.from, tw.to));
    add(
      'policy_window',
      `The policy window moves from ${fw.from}-${fw.to} to ${tw.from}-${tw.to}${tw.confirmed ? '' : ' (not confirmed by THE)'}: a policy earns its date point when created or reviewed in it. Record a review inside the new window where there was one.`,
      policies,
    );
  }
  const late = live.filter((p) => p.item.kind === 'policy').filter((p) => createdAfter(p, toYear));
  if (late.length > 0) add('policy_in_place', `These policies were created after the data year ${toYear}, so they were not in place in it.`, late);

  const fromMetrics = new Map(allMetrics(from).map((m) => [m.id, m]));
  const toMetrics = new Map(allMetrics(to).map((m) => [m.id, m]));
  const byMetric = groupByMetric(live);

  const removed = [...fromMetrics.values()].filter((m) => m.kind !== 'bibliometric' && !toMetrics.has(m.id));
  if (removed.length > 0) {
    const concerned = removed.flatMap((m) => byMetric.get(m.id) ?? []);
    add('metrics_removed', `Questions of ${from.edition} that ${to.edition} does not ask: ${removed.map((m) => m.id).join(', ')}. Move their items to the question that replaces them, or drop them.`, concerned);
  }
  const added = [...toMetrics.values()].filter((m) => m.kind !== 'bibliometric' && !fromMetrics.has(m.id));
  if (added.length > 0) {
    add('metrics_added', `New questions in ${to.edition}: ${added.map((m) => `${m.id} ${m.title}`).join('; ')}. Gather evidence for those of the SDGs you submit.`);
  }

  for (const m of toMetrics.values()) {
    const before = fromMetrics.get(m.id);
    if (!before || m.kind === 'bibliometric') continue;
    const concerned = byMetric.get(m.id) ?? [];
    if (before.questionType !== m.questionType || before.kind !== m.kind) {
      add('question_changed', `${m.id} is now ${describe(m)} (was ${describe(before)}): check that its items answer the question as now asked.`, concerned);
    }
    const gone = (before.options ?? []).filter((o) => !(m.options ?? []).some((n) => n.id === o.id)).map((o) => o.id);
    const answering = concerned.filter((p) => answers(p).some((a) => gone.includes(a)));
    if (answering.length > 0) add('answer_removed', `${m.id} no longer offers the answer(s) ${gone.join(', ')}: choose one of ${(m.options ?? []).map((o) => o.id).join(', ')}.`, answering);
    if (before.multiSelect && !m.multiSelect) {
      const lists = concerned.filter((p) => Array.isArray(p.item.answer));
      if (lists.length > 0) add('multi_select', `${m.id} takes one answer in ${to.edition}: keep the one that holds best.`, lists);
    } else if (!before.multiSelect && m.multiSelect && concerned.length > 0) {
      add('multi_select', `${m.id} takes several answers in ${to.edition}: list every one that holds, e.g. answer: [${(m.options ?? []).slice(0, 2).map((o) => o.id).join(', ')}].`, concerned);
    }
    if (!before.notScored && m.notScored) {
      add('not_scored', `${m.id} is asked but not scored in ${to.edition}${mark(m.confidence)}: answer it, but it earns no points.`, concerned);
    }
    if (before.notScored && !m.notScored) {
      add('scored_again', `${m.id} is scored again in ${to.edition}${mark(m.confidence)}: give its evidence.`, concerned);
    }
    const basisChanged = (m.values ?? []).filter((v) => v.basis && (before.values ?? []).find((b) => b.name === v.name)?.basis !== v.basis);
    if (basisChanged.length > 0 && concerned.length > 0) {
      add('value_basis', `${m.id} asks ${basisChanged.map((v) => `${v.name} as ${v.basis === 'fte' ? 'FTE' : 'a headcount'}`).join(', ')}: check how the figures were counted and set \`basis\`.`, concerned);
    }
  }

  const fromEvidence = from.evidence;
  const toEvidence = to.evidence;
  if (toEvidence && toEvidence.perIndicator !== null && toEvidence.perIndicator !== (fromEvidence?.perIndicator ?? null)) {
    const n = toEvidence.perIndicator;
    const crowded = [...byMetric.entries()]
      .filter(([, list]) => list.length > n && list.filter((p) => p.item.primary === true).length !== n)
      .sort(([a], [b]) => compareMetricIds(a, b));
    add(
      'one_evidence',
      `${to.edition} reads ${n === 1 ? 'one piece' : `${n} pieces`} of evidence per indicator${mark(toEvidence.confidence)}. Where several items answer one metric (${crowded.map(([id]) => id).join(', ') || 'none in this pack'}), mark the one THE should read \`primary: true\`.`,
      crowded.flatMap(([, list]) => list),
    );
  }
  if (toEvidence && !toEvidence.attachmentCountsAsPublic && (fromEvidence?.attachmentCountsAsPublic ?? true)) {
    // Numeric figures earn no evidence points, and confidential items must stay unpublished.
    const attachmentOnly = live.filter(
      (p) => p.item.kind !== 'numeric' && Array.isArray(p.item.supporting_files) && p.item.supporting_files.length > 0 && !hasPublicUrl(p) && p.item.confidential !== true,
    );
    add('attachment_not_public', `In ${to.edition} an attached file is not public${mark(toEvidence.confidence)}: publish the evidence on a web page and add it under \`public_urls\`.`, attachmentOnly);
  }
  if (toEvidence?.selfContained && !fromEvidence?.selfContained) {
    add('self_contained', `In ${to.edition} reviewers follow no further links${mark(toEvidence.confidence)}: each public URL must show the evidence itself, not a list of links.`);
  }

  for (const rule of to.pointRules) {
    const before = from.pointRules.find((r) => r.questionType === rule.questionType);
    if (before && ruleText(before) === ruleText(rule)) continue;
    add('point_rule', `Points for ${rule.questionType} questions in ${to.edition}: ${ruleText(rule)}${mark(rule.confidence)}${before ? ` (was: ${ruleText(before)})` : ''}.`);
  }
  const graded = to.pointRules.some((r) => r.components.some((c) => c.grades)) && !from.pointRules.some((r) => r.components.some((c) => c.grades));
  if (graded) {
    const ungraded = live.filter((p) => p.item.kind !== 'numeric' && p.item.relevance === undefined);
    add('relevance', `${to.edition} grades evidence by relevance (specific or general): say which with \`relevance:\` on each item.`, ungraded);
  }

  if (to.results && to.results.presentation !== from.results?.presentation) {
    const reporter = to.results.reporterStatus ? '; an institution that submits but is not rated is shown as "Reporter"' : '';
    const shown =
      to.results.presentation === 'unknown'
        ? `How ${to.edition} presents its results is not known yet${reporter}${mark(to.results.confidence)}.`
        : `${to.edition} presents results as ${{ rank: 'ranks', band: 'bands', rank_and_band: 'ranks and bands' }[to.results.presentation]}${reporter}${mark(to.results.confidence)}: an estimate cannot promise a place.`;
    add('results', shown);
  }
  return out;
}

function label(p: ParsedItem): string {
  return typeof p.item.id === 'string' ? `${p.item.id} (${p.file})` : p.file;
}

function mark(confidence: Confidence | undefined): string {
  return confidence && confidence !== 'C' ? ` [confidence ${confidence}]` : '';
}

function describe(m: Metric): string {
  return m.kind === 'evidence' || m.kind === 'policy' ? `a${m.questionType === 'activity' || m.questionType === 'options' ? 'n' : ''} ${m.questionType ?? m.kind} question` : `a ${m.kind} metric`;
}

function ruleText(rule: PointRule): string {
  const parts = rule.components.map((c) => `${c.id ?? c.label} ${c.points}${c.grades ? ` (${Object.entries(c.grades).map(([g, s]) => `${g} ${s}`).join(', ')})` : ''}${c.bonus ? ' bonus' : ''}`);
  return `${parts.join(' + ')}${rule.cap !== undefined ? `, capped at ${rule.cap}` : ''}`;
}

function groupByMetric(items: ParsedItem[]): Map<string, ParsedItem[]> {
  const map = new Map<string, ParsedItem[]>();
  for (const p of items) {
    if (typeof p.item.metric !== 'string') continue;
    map.set(p.item.metric, [...(map.get(p.item.metric) ?? []), p]);
  }
  return map;
}

function answers(p: ParsedItem): string[] {
  const a: unknown = p.item.answer;
  return typeof a === 'string' ? [a] : Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : [];
}

function hasPublicUrl(p: ParsedItem): boolean {
  return Array.isArray(p.item.public_urls) && p.item.public_urls.length > 0;
}

function periodCovers(period: unknown, year: number): boolean {
  if (!period || typeof period !== 'object') return false;
  const { start, end } = period as { start?: unknown; end?: unknown };
  const s = parseIsoDay(start);
  const e = parseIsoDay(end);
  return s !== undefined && e !== undefined && s.getUTCFullYear() <= year && e.getUTCFullYear() >= year;
}

function valueYears(p: ParsedItem): number[] {
  const values: unknown = p.item.values;
  if (!values || typeof values !== 'object') return [];
  return Object.values(values as Record<string, unknown>).flatMap((v) => (v && typeof v === 'object' && typeof (v as { year?: unknown }).year === 'number' ? [(v as { year: number }).year] : []));
}

function policyYears(p: ParsedItem): number[] {
  const policy: unknown = p.item.policy;
  if (!policy || typeof policy !== 'object') return [];
  const { created, last_reviewed } = policy as { created?: unknown; last_reviewed?: unknown };
  return [parseLooseDate(created), parseLooseDate(last_reviewed)].flatMap((d) => (d.kind === 'date' ? [d.value.year] : []));
}

function policyInWindow(p: ParsedItem, from: number, to: number): boolean {
  return policyYears(p).some((y) => y >= from && y <= to);
}

function createdAfter(p: ParsedItem, year: number): boolean {
  const policy: unknown = p.item.policy;
  if (!policy || typeof policy !== 'object') return false;
  const created = parseLooseDate((policy as { created?: unknown }).created);
  return created.kind === 'date' && created.value.year > year;
}

