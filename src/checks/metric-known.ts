import { findMetric, metricsOfSdg } from '../criteria/lookup';
import type { Check } from './check';

/** The metric must exist in the edition the pack targets; suggest the closest ids of the same SDG. */
export const metricKnown: Check = {
  name: 'metric-known',
  description: 'The metric id exists in the criteria catalogue of the pack\'s edition.',
  codes: ['METRIC_UNKNOWN'],
  run(ctx) {
    for (const p of ctx.items) {
      const id = p.item.metric;
      if (typeof id !== 'string' || findMetric(ctx.catalogue, id)) continue;
      const sdg = Number(id.split('.')[0]);
      const siblings = Number.isInteger(sdg) ? metricsOfSdg(ctx.catalogue, sdg).filter((m) => m.kind !== 'bibliometric') : [];
      const near = siblings.filter((m) => m.id.startsWith(id.split('.').slice(0, 2).join('.'))).slice(0, 6);
      const shown = (near.length > 0 ? near : siblings.slice(0, 6)).map((m) => `${m.id} ${m.title}`).join('; ');
      ctx.report(
        'METRIC_UNKNOWN',
        `Metric "${id}" does not exist in the THE ${ctx.catalogue.edition} criteria.${shown ? ` Did you mean one of: ${shown}?` : ''}`,
        { item: p, path: ['metric'] },
      );
    }
  },
};
