import type { Check } from './check';

/** A metric id starts with its SDG number, so `sdg: 7` with `metric: "6.2.1"` is a slip. */
export const metricMatchesSdg: Check = {
  name: 'metric-matches-sdg',
  description: 'The metric belongs to the SDG the item is filed under.',
  codes: ['METRIC_SDG_MISMATCH'],
  run(ctx) {
    for (const p of ctx.items) {
      const { metric, sdg } = p.item;
      // An sdg out of range is already a schema error; comparing against it would only repeat that.
      if (typeof metric !== 'string' || typeof sdg !== 'number' || sdg < 1 || sdg > 17) continue;
      const metricSdg = Number(metric.split('.')[0]);
      if (metricSdg !== sdg) {
        ctx.report('METRIC_SDG_MISMATCH', `Metric ${metric} belongs to SDG ${metricSdg}, but the item is filed under SDG ${sdg}.`, {
          item: p,
          path: ['metric'],
        });
      }
    }
  },
};
