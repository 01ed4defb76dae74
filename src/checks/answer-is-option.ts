import { findMetric } from '../criteria/lookup';
import type { Check } from './check';

export const answerIsOption: Check = {
  name: 'answer-is-option',
  description: 'An answer names one of the metric\'s options.',
  codes: ['ANSWER_UNKNOWN', 'ANSWER_NOT_USED'],
  run(ctx) {
    for (const p of ctx.items) {
      const { metric, answer } = p.item;
      if (typeof metric !== 'string' || typeof answer !== 'string') continue;
      const m = findMetric(ctx.catalogue, metric);
      if (!m) continue;
      const options = m.options ?? [];
      if (options.length === 0) {
        ctx.report('ANSWER_NOT_USED', `Metric ${m.id} is not a multiple-choice question, so "answer" is not used.`, { item: p, path: ['answer'] });
      } else if (!options.some((o) => o.id === answer)) {
        ctx.report('ANSWER_UNKNOWN', `"${answer}" is not an answer of metric ${m.id}; use one of: ${options.map((o) => o.id).join(', ')}.`, {
          item: p,
          path: ['answer'],
        });
      }
    }
  },
};
