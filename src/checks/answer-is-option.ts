import { findMetric } from '../criteria/lookup';
import type { Check } from './check';

/**
 * An answer names one of the metric's options; a list of answers only where the catalogue marks the question
 * multi-select (e.g. 16.2.1, where each group that elects representatives earns its share). Unknown entries
 * of a list and repeated entries are the edition schema's to report (it knows the options of each metric).
 */
export const answerIsOption: Check = {
  name: 'answer-is-option',
  description: 'An answer names one of the metric\'s options, and a list of answers is given only for multi-select questions.',
  codes: ['ANSWER_UNKNOWN', 'ANSWER_NOT_USED', 'ANSWER_MULTI_SELECT_NOT_ALLOWED'],
  run(ctx) {
    for (const p of ctx.items) {
      const { metric, answer } = p.item;
      if (typeof metric !== 'string' || (typeof answer !== 'string' && !Array.isArray(answer))) continue;
      const m = findMetric(ctx.catalogue, metric);
      if (!m) continue;
      const options = m.options ?? [];
      if (options.length === 0) {
        ctx.report('ANSWER_NOT_USED', `Metric ${m.id} is not a multiple-choice question, so "answer" is not used.`, { item: p, path: ['answer'] });
      } else if (Array.isArray(answer)) {
        if (!m.multiSelect && answer.length > 0) {
          ctx.report(
            'ANSWER_MULTI_SELECT_NOT_ALLOWED',
            `Metric ${m.id} takes one answer in the ${ctx.catalogue.edition} catalogue (it is not marked multi-select), but ${answer.length} are listed; give the one that holds best.`,
            { item: p, path: ['answer'] },
          );
        }
      } else if (!options.some((o) => o.id === answer)) {
        ctx.report('ANSWER_UNKNOWN', `"${answer}" is not an answer of metric ${m.id}; use one of: ${options.map((o) => o.id).join(', ')}.`, {
          item: p,
          path: ['answer'],
        });
      }
    }
  },
};
