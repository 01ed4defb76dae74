import { findMetric } from '../criteria/lookup';
import type { CountBasis } from '../criteria/types';
import type { Check } from './check';

/**
 * A named value is counted on the basis THE asks where the catalogue says (students and staff mostly in FTE).
 * The item's own `basis` decides; without it, a unit that says "FTE" or "headcount" does.
 */
export const valueBasis: Check = {
  name: 'value-basis',
  description: 'A figure is counted as full-time equivalents or as a headcount as the catalogue says THE asks.',
  codes: ['VALUE_BASIS_MISMATCH'],
  run(ctx) {
    for (const p of ctx.items) {
      const { metric, values } = p.item;
      if (typeof metric !== 'string' || !values || typeof values !== 'object' || Array.isArray(values)) continue;
      const m = findMetric(ctx.catalogue, metric);
      for (const named of m?.values ?? []) {
        if (!named.basis) continue;
        const given: unknown = (values as Record<string, unknown>)[named.name];
        if (!given || typeof given !== 'object') continue;
        const { basis, unit } = given as { basis?: unknown; unit?: unknown };
        const stated = basis === 'fte' || basis === 'headcount' ? basis : undefined;
        const said = stated ?? basisInUnit(unit);
        if (!said || said === named.basis) continue;
        ctx.report(
          'VALUE_BASIS_MISMATCH',
          `"${named.name}" is given as ${label(said)}${stated ? '' : ` (its unit says so)`}, but THE asks it as ${label(named.basis)} (${named.title}, ${named.unit}).`,
          { item: p, path: ['values', named.name, stated ? 'basis' : 'unit'] },
        );
      }
    }
  },
};

function basisInUnit(unit: unknown): CountBasis | undefined {
  if (typeof unit !== 'string') return undefined;
  if (/\bfte\b|full[- ]time equivalent/i.test(unit)) return 'fte';
  if (/\bhead ?count\b|\bheads\b/i.test(unit)) return 'headcount';
  return undefined;
}

function label(basis: CountBasis): string {
  return basis === 'fte' ? 'full-time equivalents (FTE)' : 'a headcount';
}
