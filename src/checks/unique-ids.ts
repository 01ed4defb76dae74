import type { ParsedItem } from '../parse/item';
import type { Check } from './check';

/** Ids must be unique across the pack; every file involved is told where the other one is. */
export const uniqueIds: Check = {
  name: 'unique-ids',
  description: 'No two items share an id.',
  codes: ['DUPLICATE_ID'],
  run(ctx) {
    const byId = new Map<string, ParsedItem[]>();
    for (const p of ctx.items) {
      if (typeof p.item.id !== 'string') continue;
      const list = byId.get(p.item.id) ?? [];
      list.push(p);
      byId.set(p.item.id, list);
    }
    for (const [id, list] of byId) {
      if (list.length < 2) continue;
      for (const p of list) {
        const others = list.filter((o) => o !== p).map((o) => o.file);
        ctx.report('DUPLICATE_ID', `Id "${id}" is also used in ${others.join(', ')}.`, { item: p, path: ['id'] });
      }
    }
  },
};
