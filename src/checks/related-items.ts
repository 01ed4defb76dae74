import { editDistance } from '../files/suggest-rename';
import type { Check } from './check';

/**
 * `related_items` lists ids of other items of the pack. A reference written as free text cannot be
 * checked and silently rots when an item is renamed or never written; as ids, every entry must name an
 * item of the pack, and naming the item itself is a slip (usually a copied id).
 */
export const relatedItems: Check = {
  name: 'related-items',
  description: 'Every id under related_items names another item of the pack.',
  codes: ['ITEM_REFERENCE_UNKNOWN', 'ITEM_REFERENCE_SELF'],
  run(ctx) {
    const ids = [...new Set(ctx.items.map((p) => p.item.id).filter((id): id is string => typeof id === 'string'))].sort();
    const known = new Set(ids);
    for (const p of ctx.items) {
      const references: unknown = p.item.related_items;
      if (!Array.isArray(references)) continue;
      references.forEach((reference: unknown, index) => {
        // A wrong type is the schema's finding (SCHEMA_TYPE); there is nothing to resolve.
        if (typeof reference !== 'string' || reference.length === 0) return;
        const at = { item: p, path: ['related_items', index] };
        if (reference === p.item.id) {
          ctx.report('ITEM_REFERENCE_SELF', `The item lists its own id "${reference}" among its related items.`, at);
        } else if (!known.has(reference)) {
          const suggestion = closestId(reference, ids.filter((id) => id !== p.item.id));
          ctx.report(
            'ITEM_REFERENCE_UNKNOWN',
            `No item of the pack has the id "${reference}".${suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`}`,
            at,
          );
        }
      });
    }
  },
};

/** Words of an id that say what it is about: the SDG prefix ("sdg06"), one-letter parts and years say little. */
function topicWords(id: string): string[] {
  return id.split('-').filter((w) => w.length > 3 && !/^sdg\d+$/.test(w) && !/^\d+$/.test(w));
}

/**
 * The id a mistyped or stale reference most likely means. A near spelling wins (a typo, a changed year);
 * otherwise the id sharing the most topic words (the item was written under another SDG or name).
 * Ties go to the first id in sorted order, so the suggestion is the same on every run.
 */
export function closestId(reference: string, ids: readonly string[]): string | undefined {
  let nearest: { id: string; distance: number } | undefined;
  for (const id of ids) {
    const distance = editDistance(reference, id);
    if (distance <= Math.max(2, Math.floor(reference.length * 0.3)) && (nearest === undefined || distance < nearest.distance)) {
      nearest = { id, distance };
    }
  }
  if (nearest !== undefined) return nearest.id;
  const wanted = new Set(topicWords(reference));
  let best: { id: string; shared: number } | undefined;
  for (const id of ids) {
    const shared = topicWords(id).filter((w) => wanted.has(w)).length;
    if (shared > 0 && (best === undefined || shared > best.shared)) best = { id, shared };
  }
  return best?.id;
}
