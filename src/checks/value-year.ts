import { findMetric } from '../criteria/lookup';
import { parseIsoDay } from '../model/dates';
import { answersTheQuestion } from './answers-evidence';
import type { Check } from './check';

/**
 * The figures of a numeric metric are THE's figures of the data year. A value's `year` says which year it
 * is for; without one, the item's period may place it; with neither, impact-pack does not assume the figure
 * is one of the data year (heuristic undated_values_not_data_year).
 */
export const valueYear: Check = {
  name: 'value-year',
  description: 'The figures of a numeric metric are for the data year, and say so.',
  codes: ['VALUE_YEAR_OUTSIDE_DATA_YEAR', 'VALUE_UNDATED'],
  run(ctx) {
    const { dataYear } = ctx.catalogue.windows;
    for (const p of ctx.items) {
      const { metric, values, period } = p.item;
      if (!answersTheQuestion(p.item) || typeof metric !== 'string' || !values || typeof values !== 'object' || Array.isArray(values)) continue;
      const m = findMetric(ctx.catalogue, metric);
      if (!m || m.kind !== 'numeric') continue;
      const periodYears = yearsOf(period);
      for (const named of m.values ?? []) {
        const given: unknown = (values as Record<string, unknown>)[named.name];
        if (!given || typeof given !== 'object') continue;
        const { year } = given as { year?: unknown };
        if (typeof year === 'number') {
          if (year !== dataYear) {
            ctx.report(
              'VALUE_YEAR_OUTSIDE_DATA_YEAR',
              `"${named.name}" is the figure of ${year}; the ${ctx.catalogue.edition} edition asks figures of the data year ${dataYear}.`,
              { item: p, path: ['values', named.name, 'year'] },
            );
          }
        } else if (!periodYears || periodYears.from > dataYear || periodYears.to < dataYear) {
          ctx.report(
            'VALUE_UNDATED',
            periodYears
              ? `"${named.name}" gives no year and the item's period does not cover the data year ${dataYear}; impact-pack's check does not take it for a figure of ${dataYear}.`
              : `"${named.name}" gives no year and the item has no period; impact-pack's check does not take it for a figure of the data year ${dataYear}.`,
            { item: p, path: ['values', named.name] },
          );
        }
      }
    }
  },
};

function yearsOf(period: unknown): { from: number; to: number } | undefined {
  if (!period || typeof period !== 'object') return undefined;
  const { start, end } = period as { start?: unknown; end?: unknown };
  const s = parseIsoDay(start);
  const e = parseIsoDay(end);
  return s && e ? { from: s.getUTCFullYear(), to: e.getUTCFullYear() } : undefined;
}
