import type { DocumentOutcome } from './document-reuse';

/** Reasons shown per document before "and N more". */
const REASONS_SHOWN = 2;

/**
 * One line saying which SDG documents this build rendered and which it took over unchanged, with why
 * each was rendered again; undefined for a first build into a folder, where everything is new. Pure.
 */
export function describeOutcomes(outcomes: readonly DocumentOutcome[]): string | undefined {
  const reused = outcomes.filter((o) => o.reused).map((o) => o.sdg);
  const rendered = outcomes.filter((o): o is Extract<DocumentOutcome, { reused: false }> => !o.reused);
  if (reused.length === 0 && rendered.every((o) => o.reasons.length === 0)) return undefined;
  const reusedText = `${reused.length} unchanged SDG document(s) reused from the previous build`;
  if (rendered.length === 0) return `Nothing changed in the SDG documents: ${reusedText}; the aggregate reports were rewritten.`;
  const reasons = rendered.map((o) => reasonsText(o.reasons));
  if (reused.length === 0 && reasons.every((r) => r === reasons[0])) return `Re-rendered all ${rendered.length} SDG document(s) (${reasons[0]}).`;
  const renderedText = rendered.map((o, i) => `SDG ${o.sdg}${reasons[i] !== '' ? ` (${reasons[i]})` : ''}`).join(', ');
  return reused.length > 0 ? `Re-rendered ${renderedText}; ${reusedText}.` : `Re-rendered every SDG document: ${renderedText}.`;
}

function reasonsText(reasons: readonly string[]): string {
  const shown = reasons.slice(0, REASONS_SHOWN).join(', ');
  return reasons.length > REASONS_SHOWN ? `${shown} and ${reasons.length - REASONS_SHOWN} more` : shown;
}
