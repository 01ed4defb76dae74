import type { ParsedItem } from '../parse/item';
import { answersTheQuestion } from './answers-evidence';
import type { Check } from './check';

/**
 * Where the edition reads a set number of pieces of evidence per indicator (one in the Ratings), the pack
 * must say which item THE should read when more items than that answer one metric: `primary: true`.
 * Editions that read several pieces, or where the number is not known, are left alone.
 */
export const primaryEvidence: Check = {
  name: 'primary-evidence',
  description: 'Where the edition reads one piece of evidence per indicator and several items answer it, exactly one says `primary: true`.',
  codes: ['PRIMARY_EVIDENCE_MISSING', 'PRIMARY_EVIDENCE_DUPLICATE'],
  run(ctx) {
    const perIndicator = ctx.catalogue.evidence?.perIndicator ?? null;
    if (perIndicator === null) return;
    const byMetric = new Map<string, ParsedItem[]>();
    for (const p of ctx.items) {
      if (!answersTheQuestion(p.item) || typeof p.item.metric !== 'string') continue;
      const list = byMetric.get(p.item.metric) ?? [];
      list.push(p);
      byMetric.set(p.item.metric, list);
    }
    const edition = `The ${ctx.catalogue.edition} edition reads ${perIndicator === 1 ? 'one piece' : `${perIndicator} pieces`} of evidence per indicator`;
    for (const [metric, items] of byMetric) {
      if (items.length <= perIndicator) continue;
      const primary = items.filter((p) => p.item.primary === true);
      if (primary.length === 0) {
        for (const p of items) {
          const others = items.filter((o) => o !== p).map(nameOf);
          ctx.report(
            'PRIMARY_EVIDENCE_MISSING',
            `${edition}; ${items.length} items answer ${metric} (this one and ${others.join(', ')}) and none says \`primary: true\`.`,
            { item: p, path: ['metric'] },
          );
        }
      } else if (primary.length > perIndicator) {
        for (const p of primary) {
          const others = primary.filter((o) => o !== p).map(nameOf);
          ctx.report(
            'PRIMARY_EVIDENCE_DUPLICATE',
            `${edition}; this item and ${others.join(', ')} all say \`primary: true\` for ${metric}.`,
            { item: p, path: ['primary'] },
          );
        }
      }
    }
  },
};

function nameOf(p: ParsedItem): string {
  return typeof p.item.id === 'string' ? `"${p.item.id}" (${p.file})` : p.file;
}
