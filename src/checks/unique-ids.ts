import { SharedBy } from '../diagnostics/shared-subject';
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
      const sharers = new SharedBy(list.map((o) => o.file));
      for (const p of list) {
        // Told on every item, naming the others (the rule for shared things, src/diagnostics/shared-subject.ts).
        ctx.report('DUPLICATE_ID', `Id "${id}" is used by more than one item.${sharers.othersThan(p.file, 'Also used in')}`, { item: p, path: ['id'] });
      }
    }
  },
};
