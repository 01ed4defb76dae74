import type { Check } from './check';

/**
 * A named value of exactly 0 with nothing saying where it comes from is most often a figure not filled in
 * (init's examples write `value: 0`). THE would score it as none at all. A real zero is confirmed by giving
 * its `source` or `as_printed`, which silences the warning.
 */
export const valueZero: Check = {
  name: 'value-zero',
  description: 'A named value of 0 gives where it comes from (source or as_printed), so that a blank is not taken for a figure.',
  codes: ['VALUE_ZERO'],
  run(ctx) {
    for (const p of ctx.items) {
      const values = p.item.values;
      if (values === null || typeof values !== 'object' || Array.isArray(values)) continue;
      for (const [name, v] of Object.entries(values as Record<string, unknown>)) {
        if (v === null || typeof v !== 'object') continue;
        const entry = v as Record<string, unknown>;
        if (entry.value !== 0 || entry.source !== undefined || entry.as_printed !== undefined) continue;
        ctx.report('VALUE_ZERO', `values.${name} is 0 and says nowhere where that figure comes from.`, { item: p, path: ['values', name, 'value'] });
      }
    }
  },
};
