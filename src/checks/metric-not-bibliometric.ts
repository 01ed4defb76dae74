import { findMetric } from '../criteria/lookup';
import type { Check } from './check';

export const metricNotBibliometric: Check = {
  name: 'metric-not-bibliometric',
  description: 'No evidence is attached to research metrics, which THE computes from Scopus.',
  codes: ['METRIC_BIBLIOMETRIC'],
  run(ctx) {
    for (const p of ctx.items) {
      if (typeof p.item.metric !== 'string') continue;
      const m = findMetric(ctx.catalogue, p.item.metric);
      if (m?.kind === 'bibliometric') {
        ctx.report('METRIC_BIBLIOMETRIC', `Metric ${m.id} "${m.title}" is bibliometric: THE computes it from Scopus, no evidence is submitted.`, {
          item: p,
          path: ['metric'],
        });
      }
    }
  },
};
