import type { EditionRescore, IndicatorChange, IndicatorSide } from '../analyse/rescore';
import { percent } from '../analyse/score';

export interface RescoreLinesOptions {
  /** List at most this many indicators, the submitted SDGs' largest changes first (the rest are counted). */
  maxIndicators?: number;
  /** Cut each indicator line to this many characters. */
  maxLineLength?: number;
}

/** Plain-text lines of a re-scoring (`score --edition`), also the content of the Markdown section (which is capped). */
export function rescoreLines(r: EditionRescore, options: RescoreLinesOptions = {}): string[] {
  const lines = [`Re-scored under ${r.to.product} ${r.to.edition} (data year ${r.to.dataYear}); the pack is for ${r.from.product} ${r.from.edition} (data year ${r.from.dataYear}).`];
  if (r.editionChanges.length > 0) lines.push('', 'What changes for every indicator:', ...r.editionChanges.map((c) => `  - ${c}`));
  const sel = r.selection;
  if (sel.before !== null || sel.after !== null) lines.push('', `Submitted selection: ${percent(sel.before)} of the estimable maximum under ${r.from.edition}, ${percent(sel.after)} under ${r.to.edition}.`);
  const moved = r.sdgs.filter((s) => s.before?.share !== s.after?.share);
  if (moved.length > 0) {
    lines.push('', 'SDG  share before  share after');
    for (const s of moved) lines.push(`${String(s.sdg).padStart(3)}  ${percent(s.before?.share ?? null).padStart(12)}  ${percent(s.after?.share ?? null).padStart(11)}${s.submitted ? '' : '  (not submitted)'}`);
  }
  if (r.indicators.length > 0) {
    lines.push('', `Per indicator (points of the SDG score; — not estimable):`);
    const shown = shownIndicators(r, options.maxIndicators);
    for (const i of shown) lines.push(cut(indicatorLine(i), options.maxLineLength));
    if (shown.length < r.indicators.length) lines.push(`  … and ${r.indicators.length - shown.length} more indicator(s) in gap-report.html and gap-report.json.`);
  } else {
    lines.push('', 'No indicator gains or loses points.');
  }
  if (r.itemsWithoutMetric.length > 0) {
    lines.push('', `Items whose metric ${r.to.edition} does not have (not judged):`, ...r.itemsWithoutMetric.map((i) => `  - ${i.itemId} (${i.metric}) ${i.file}`));
  }
  return lines;
}

/** All indicators in metric order, or the submitted SDGs' largest changes first when capped. */
function shownIndicators(r: EditionRescore, max: number | undefined): IndicatorChange[] {
  if (max === undefined || r.indicators.length <= max) return r.indicators;
  const submitted = new Set(r.sdgs.filter((s) => s.submitted).map((s) => s.sdg));
  const ranked = [...r.indicators].sort(
    (a, b) => Number(submitted.has(b.sdg)) - Number(submitted.has(a.sdg)) || Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0) || a.sdg - b.sdg,
  );
  const keep = new Set(ranked.slice(0, max));
  return r.indicators.filter((i) => keep.has(i));
}

function cut(line: string, max: number | undefined): string {
  return max === undefined || line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

function indicatorLine(i: IndicatorChange): string {
  const delta = i.delta === null ? '—' : `${i.delta > 0 ? '+' : ''}${i.delta.toFixed(2)}`;
  return `  ${i.metric.padEnd(8)} ${delta.padStart(6)}  ${sideText(i.before)} → ${sideText(i.after)}: ${i.reasons.join('; ') || 'points move with the weights'}`;
}

function sideText(s: IndicatorSide | null): string {
  if (!s) return 'not asked';
  return s.points === null ? s.status : `${s.status} ${s.points.toFixed(2)}`;
}
