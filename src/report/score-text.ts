import { printable } from '../diagnostics/escape-terminal';
import { percent, scorePoints } from '../analyse/figure-format';
import { notEstimableSentence, type ScoreEstimate, type Selection } from '../analyse/score';

/** Plain-text view of the provisional score, for `impact-pack score`: per SDG, eligibility, selections, what-if, caveats. */
export function scoreText(score: ScoreEstimate, heading: { institution: string; edition: string; asOf: string; product?: string }): string {
  const product = heading.product ?? 'THE Impact Rankings';
  const lines = [`Provisional score for ${printable(heading.institution)}, ${product} ${heading.edition} (as of ${heading.asOf})`, `ESTIMATE: ${score.label}`, ''];
  lines.push('SDG  submitted  estimate  of (evidence questions)  share  not estimable');
  for (const e of score.sdgs) {
    if (!e.submitted && e.items === 0) continue;
    lines.push(
      `${String(e.sdg).padStart(3)}  ${(e.submitted ? 'yes' : 'no').padEnd(9)}  ${figure(e.estimate, score).padStart(8)}  ${figure(e.estimableWeight, score).padStart(23)}  ${percent(e.share).padStart(5)}  ${figure(e.notEstimableWeight, score).padStart(13)}  ${e.title}`,
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
  if (score.whatIf) lines.push(whatIfText(score.whatIf));
  if (score.caveats.length > 0) lines.push('', 'Caveats:', ...score.caveats.map((c) => `  - ${c}`));
  return `${lines.join('\n')}\n`;
}

/** Numbers as the edition allows: whole numbers where THE publishes bands, two decimals otherwise. */
export function figure(n: number, score: Pick<ScoreEstimate, 'presentation'>): string {
  return scorePoints(n, score.presentation.banded);
}

/**
 * The not-estimable counts of the analysis, one sentence per scope (the submitted SDGs, the SDGs with evidence
 * or submitted), and what each numeric metric of the listed SDGs still lacks. Every view prints these lines.
 */
export function notEstimableLines(score: ScoreEstimate): string[] {
  const lines = score.notEstimableCounts.map(notEstimableSentence);
  const listed = score.notEstimableCounts.find((t) => t.scope === 'with_evidence');
  const lacking: string[] = [];
  for (const e of score.sdgs) {
    if (!listed?.sdgs.includes(e.sdg)) continue;
    for (const n of e.notEstimable) if (n.reason === 'normalised_numeric' && n.missing.length > 0) lacking.push(`${n.metric}: ${n.missing.join('; ')}`);
  }
  if (listed && lacking.length > 0) lines.push(`Numeric metrics ${listed.label}, not estimable, and what each still lacks: ${lacking.join(' · ')}.`);
  return lines;
}

/** "What if: … (-3 percentage points against the best selection)": the what-if line of every view. */
export function whatIfText(whatIf: NonNullable<ScoreEstimate['whatIf']>): string {
  const versus = whatIf.versusBest === null ? '' : ` (${whatIf.versusBest >= 0 ? '+' : ''}${whatIf.versusBest} percentage points against the best selection)`;
  return `What if: ${whatIf.message}${versus}`;
}
