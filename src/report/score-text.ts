import { printable } from '../diagnostics/escape-terminal';
import { percent, type ScoreEstimate, type Selection } from '../analyse/score';
import { NOT_ESTIMABLE_LABEL } from './labels';

/** Plain-text view of the provisional score, for `impact-pack score`: per SDG, eligibility, selections, what-if, caveats. */
export function scoreText(score: ScoreEstimate, heading: { institution: string; edition: string; asOf: string; product?: string }): string {
  const product = heading.product ?? 'THE Impact Rankings';
  const lines = [`Provisional score for ${printable(heading.institution)}, ${product} ${heading.edition} (as of ${heading.asOf})`, `ESTIMATE: ${score.label}`, ''];
  lines.push('SDG  submitted  estimate  of (evidence questions)  share  not estimable');
  for (const e of score.sdgs) {
    if (!e.submitted && e.items === 0) continue;
    lines.push(
      `${String(e.sdg).padStart(3)}  ${(e.submitted ? 'yes' : 'no').padEnd(9)}  ${figure(e.estimate, score).padStart(8)}  ${e.estimableWeight.toFixed(2).padStart(23)}  ${percent(e.share).padStart(5)}  ${e.notEstimableWeight.toFixed(2).padStart(13)}  ${e.title}`,
    );
  }
  lines.push('', ...notEstimableLines(score));
  lines.push('', score.eligibility.message);
  const sel = (s: Selection) =>
    `SDG ${score.rules.mandatorySdg} (${score.rules.mandatorySdgWeight}%) + SDG ${s.sdgs.join(', ')} (${score.rules.bestOtherWeight}% each): ${percent(s.share)} of the estimable maximum (${figure(s.overall, score)} of ${figure(s.overallMax, score)} evidence points)`;
  if (score.submittedSelection) lines.push(`Submitted selection: ${sel(score.submittedSelection)}.`);
  if (score.bestSelection) {
    lines.push(`Best selection from the SDGs with evidence: ${sel(score.bestSelection)}${score.betterSelectionAvailable ? ' — a higher share than the submitted selection' : ''}.`);
  }
  if (score.whatIf) lines.push(`What if: ${score.whatIf.message}${score.whatIf.versusBest !== null ? ` (${score.whatIf.versusBest >= 0 ? '+' : ''}${score.whatIf.versusBest} percentage points against the best selection)` : ''}`);
  if (score.caveats.length > 0) lines.push('', 'Caveats:', ...score.caveats.map((c) => `  - ${c}`));
  return `${lines.join('\n')}\n`;
}

/** Numbers as the edition allows: whole numbers where THE publishes bands, two decimals otherwise. */
export function figure(n: number, score: Pick<ScoreEstimate, 'presentation'>): string {
  return score.presentation.banded ? String(Math.round(n)) : n.toFixed(2);
}

/** One line per reason a metric is not estimable; numeric metrics name what each still lacks. */
export function notEstimableLines(score: ScoreEstimate): string[] {
  const reasons = new Map<string, string[]>();
  const lacking: string[] = [];
  for (const e of score.sdgs) {
    if (!e.submitted && e.items === 0) continue;
    for (const n of e.notEstimable) {
      reasons.set(n.reason, [...(reasons.get(n.reason) ?? []), n.metric]);
      if (n.reason === 'normalised_numeric' && n.missing.length > 0) lacking.push(`${n.metric}: ${n.missing.join('; ')}`);
    }
  }
  const lines: string[] = [];
  for (const [reason, metrics] of reasons) {
    lines.push(`Not estimable from the pack (${NOT_ESTIMABLE_LABEL[reason as keyof typeof NOT_ESTIMABLE_LABEL]}): ${metrics.length} metric(s); no points are promised for them.`);
  }
  if (lacking.length > 0) lines.push(`Numeric metrics, not estimable, and what each still lacks: ${lacking.join(' · ')}.`);
  return lines;
}
