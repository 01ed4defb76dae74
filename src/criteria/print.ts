import type { Catalogue, Confidence, Metric, MetricGroup, PointRule, Sdg } from './types';

/**
 * Output of `impact-pack criteria [--edition E] [--sdg N]`: the catalogue as readable text
 * (rules and windows first, then SDG -> group -> metric), or as the Catalogue object in JSON.
 * With `sdg`, only that SDG is listed; the edition-wide rules are always included. Every edition fact shows its
 * confidence mark where the catalogue gives one (C THE's text, R a university's copy, 3P a third party's
 * reading, ? not found), and impact-pack's own rules are listed apart as heuristics, never as THE's.
 */

export interface FormatCatalogueOptions {
  sdg?: number;
  format: 'text' | 'json';
}

export function formatCatalogue(cat: Catalogue, options: FormatCatalogueOptions): string {
  const sdgs = options.sdg === undefined ? cat.sdgs : cat.sdgs.filter((s) => s.number === options.sdg);
  if (options.format === 'json') return `${JSON.stringify({ ...cat, sdgs }, null, 2)}\n`;

  const lines: string[] = [...headerLines(cat), ''];
  if (sdgs.length === 0) {
    lines.push(`SDG ${String(options.sdg)} is not in the ${cat.edition} catalogue.`);
  }
  for (const sdg of sdgs) lines.push(...sdgLines(sdg), '');
  if (cat.heuristics && cat.heuristics.length > 0) {
    lines.push("impact-pack's own rules (heuristics, not THE's):");
    for (const h of cat.heuristics) lines.push(`  ${h.id}: ${h.description}`);
    lines.push('');
  }
  lines.push(...sourceLines(cat, sdgs));
  return `${lines.join('\n')}\n`;
}

function headerLines(cat: Catalogue): string[] {
  const { dataYear, policyWindow } = cat.windows;
  const o = cat.overall;
  const lines = [`${cat.title}: criteria catalogue`];
  if (cat.product) lines.push(`Product: ${cat.product} ${mark(cat.productFact?.confidence, cat.productFact?.sources ?? [])}`);
  lines.push(
    `Data year: ${dataYear}${cat.windows.confidence ? ` ${mark(cat.windows.confidence, cat.windows.sources ?? [])}` : ''}`,
    `Policy window: ${policyWindow.from}-${policyWindow.to} ${status(policyWindow.confirmed)}${policyWindow.basis ? `: ${policyWindow.basis}` : ''}`,
  );
  if (cat.results) {
    const r = cat.results;
    const shown = { rank: 'ranks', band: 'bands', rank_and_band: 'ranks and bands', unknown: 'not known' }[r.presentation];
    const bands = r.bands && r.bands.length > 0 ? ` (bands seen: ${r.bands.join(', ')})` : '';
    lines.push(`Results: ${shown}${bands}; ${r.reporterStatus ? 'a "Reporter" status for institutions that submitted but were not rated' : 'no "Reporter" status'} ${mark(r.confidence, r.sources)}`);
    if (r.note) lines.push(`  note: ${r.note}`);
  }
  if (cat.evidence) {
    const e = cat.evidence;
    const pieces = e.perIndicator === null ? 'several pieces of evidence per indicator (number not known)' : `${e.perIndicator} piece${e.perIndicator === 1 ? '' : 's'} of evidence per indicator`;
    lines.push(
      `Evidence: ${pieces}; an attached file ${e.attachmentCountsAsPublic ? 'can count' : 'does not count'} as public; ` +
        `${e.selfContained ? 'evidence must be self-contained (reviewers follow no further links)' : 'self-containment not required'} ${mark(e.confidence, e.sources)}`,
    );
    if (e.note) lines.push(`  note: ${e.note}`);
  }
  lines.push(
    `Overall score: SDG ${o.mandatorySdg} at ${o.mandatorySdgWeight}% + the best ${o.bestOtherCount} other SDGs at ${o.bestOtherWeight}% each ` +
      `${status(o.confirmed)} ${cite(o.sources)}`,
    'Points per question type:',
  );
  const width = Math.max(...cat.pointRules.map((r) => r.questionType.length));
  for (const rule of cat.pointRules) lines.push(`  ${rule.questionType.padEnd(width)}  ${pointRuleText(rule)}`);
  lines.push('Weights are percent of the SDG score; "derived" weights were computed, "unconfirmed" ones not stated by THE.');
  return lines;
}

function pointRuleText(rule: PointRule): string {
  const parts = rule.components
    .map((c) => {
      const grades = c.grades ? ` (${Object.entries(c.grades).map(([g, share]) => `${g} ${share}`).join(', ')})` : '';
      return `${c.label} ${c.points}${grades}${c.bonus ? ' (bonus)' : ''}`;
    })
    .join(' + ');
  const cap = rule.cap === undefined ? '' : `, total capped at ${rule.cap}`;
  const confidence = rule.confidence ? `, confidence ${rule.confidence}` : '';
  const state = rule.confidence ? `(${rule.confirmed ? 'confirmed' : 'unconfirmed'}${confidence})` : status(rule.confirmed);
  return `max ${rule.maxPoints}${cap}: ${parts} ${state} ${cite(rule.sources)}`;
}

/** "[3P: G6, G8]": a fact's confidence mark with its sources. */
function mark(confidence: Confidence | undefined, sources: string[]): string {
  if (!confidence) return cite(sources);
  return `[${confidence}${sources.length > 0 ? `: ${sources.join(', ')}` : ''}]`;
}

function sdgLines(sdg: Sdg): string[] {
  const lines = [`SDG ${sdg.number}  ${sdg.title}  ${sdg.colour}`];
  for (const group of sdg.groups) lines.push(...groupLines(group));
  return lines;
}

function groupLines(group: MetricGroup): string[] {
  const lines = [`  ${group.id}  ${group.title}  ${weightText(group)} ${cite(group.sources)}`];
  if (group.note) lines.push(`        note: ${group.note}`);
  for (const metric of group.metrics) lines.push(...metricLines(metric));
  return lines;
}

function metricLines(metric: Metric): string[] {
  const facts = [kindText(metric), weightText(metric)];
  if (metric.multiSelect) facts.push('several answers may be chosen');
  if (metric.notScored) facts.push('not scored in this edition');
  if (!metric.confirmed) facts.push('metric unconfirmed');
  if (metric.confidence) facts.push(`confidence ${metric.confidence}`);
  const lines = [`    ${metric.id}  ${metric.title}  (${facts.join('; ')}) ${cite(metric.sources)}`];
  const indent = '        ';
  if (metric.definition) lines.push(`${indent}${metric.definition}`);
  for (const value of metric.values ?? []) {
    const basis = value.basis ? `, counted as ${value.basis === 'fte' ? 'FTE' : 'headcount'}` : '';
    lines.push(`${indent}value ${value.name} [${value.unit}${value.required ? ', required' : ', optional'}${basis}]: ${value.title}`);
  }
  for (const option of metric.options ?? []) {
    const points = option.points === undefined ? '' : ` (${option.points} point${option.points === 1 ? '' : 's'})`;
    lines.push(`${indent}answer ${option.id}: ${option.title}${points}`);
  }
  if (metric.note) lines.push(`${indent}note: ${metric.note}`);
  return lines;
}

function kindText(metric: Metric): string {
  if (metric.kind === 'bibliometric') return 'bibliometric, from Scopus';
  if (metric.kind === 'numeric') return 'numeric';
  const question = metric.questionType ? `, ${metric.questionType} question` : '';
  const points = metric.maxPoints === undefined ? '' : `, max ${metric.maxPoints} points`;
  return `${metric.kind}${question}${points}`;
}

/** "27%", "4.6% derived: <how>", "4.6% unconfirmed" or "weight unknown". */
export function weightText(entry: { weight: number | null; weightConfirmed: boolean; weightBasis?: string }): string {
  if (entry.weight === null) return 'weight unknown';
  if (entry.weightConfirmed) return `${entry.weight}%`;
  if (entry.weightBasis) return `${entry.weight}% derived: ${entry.weightBasis}`;
  return `${entry.weight}% unconfirmed`;
}

function status(confirmed: boolean): string {
  return confirmed ? '(confirmed)' : '(unconfirmed)';
}

function cite(keys: string[]): string {
  return keys.length > 0 ? `[${keys.join(', ')}]` : '';
}

/** Only the sources the listing cites, in the catalogue's order, so that a one-SDG listing stays short. */
function sourceLines(cat: Catalogue, sdgs: Sdg[]): string[] {
  const cited = new Set<string>([
    ...cat.overall.sources,
    ...cat.pointRules.flatMap((r) => r.sources),
    ...(cat.productFact?.sources ?? []),
    ...(cat.windows.sources ?? []),
    ...(cat.results?.sources ?? []),
    ...(cat.evidence?.sources ?? []),
  ]);
  for (const sdg of sdgs) {
    for (const group of sdg.groups) {
      group.sources.forEach((k) => cited.add(k));
      group.metrics.forEach((m) => m.sources.forEach((k) => cited.add(k)));
    }
  }
  const listed = cat.sources.filter((s) => cited.has(s.key));
  return ['Sources:', ...listed.map((s) => `  ${s.key}: ${s.citation}`)];
}
