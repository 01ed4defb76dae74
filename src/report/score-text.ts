import { printable } from '../diagnostics/escape-terminal';
import type { ScoreEstimate, Selection } from '../analyse/score';
import { NOT_ESTIMABLE_LABEL } from './labels';

/** Plain-text view of the provisional score, for `impact-pack score`: per SDG, eligibility, selections, what-if. */
export function scoreText(score: ScoreEstimate, heading: { institution: string; edition: string; asOf: string }): string {
  const lines = [`Provisional score for ${printable(heading.institution)}, THE Impact Rankings ${heading.edition} (as of ${heading.asOf})`, `ESTIMATE: ${score.label}`, ''];
  lines.push('SDG  submitted  estimate  of (evidence questions)  not estimable');
  for (const e of score.sdgs) {
    if (!e.submitted && e.items === 0) continue;
    lines.push(
      `${String(e.sdg).padStart(3)}  ${(e.submitted ? 'yes' : 'no').padEnd(9)}  ${e.estimate.toFixed(2).padStart(8)}  ${e.estimableWeight.toFixed(2).padStart(23)}  ${e.notEstimableWeight.toFixed(2).padStart(13)}  ${e.title}`,
    );
  }
  const reasons = new Map<string, string[]>();
  for (const e of score.sdgs) {
    if (!e.submitted && e.items === 0) continue;
    for (const n of e.notEstimable) reasons.set(n.reason, [...(reasons.get(n.reason) ?? []), n.metric]);
  }
  lines.push('');
  for (const [reason, metrics] of reasons) {
    lines.push(`Not estimable from the pack (${NOT_ESTIMABLE_LABEL[reason as keyof typeof NOT_ESTIMABLE_LABEL]}): ${metrics.length} metric(s).`);
  }
  lines.push('', score.eligibility.message);
  const sel = (s: Selection) => `SDG ${score.rules.mandatorySdg} (${score.rules.mandatorySdgWeight}%) + SDG ${s.sdgs.join(', ')} (${score.rules.bestOtherWeight}% each): ${s.overall} of ${s.overallMax} evidence points`;
  if (score.submittedSelection) lines.push(`Submitted selection: ${sel(score.submittedSelection)}.`);
  if (score.bestSelection) lines.push(`Best selection from the SDGs with evidence: ${sel(score.bestSelection)}${score.betterSelectionAvailable ? ' — higher than the submitted selection' : ''}.`);
  if (score.whatIf) lines.push(`What if: ${score.whatIf.message}${score.whatIf.versusBest !== null ? ` (${score.whatIf.versusBest >= 0 ? '+' : ''}${score.whatIf.versusBest} against the best selection)` : ''}`);
  if (!score.rules.confirmed) lines.push('The overall weights are not confirmed for this edition.');
  return `${lines.join('\n')}\n`;
}
