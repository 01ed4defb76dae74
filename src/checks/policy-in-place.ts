import { findMetric } from '../criteria/lookup';
import { parseLooseDate } from '../model/dates';
import { answersTheQuestion } from './answers-evidence';
import type { Check } from './check';

/**
 * THE asks for policies in place in the data year ("in place by 2024" for data year 2024). A policy created
 * after the data year's end was not, whatever its review date; the window point is a separate rule
 * (evidence-windows).
 */
export const policyInPlace: Check = {
  name: 'policy-in-place',
  description: 'A policy was created no later than the end of the data year.',
  codes: ['POLICY_ADOPTED_AFTER_DATA_YEAR'],
  run(ctx) {
    const { dataYear } = ctx.catalogue.windows;
    for (const p of ctx.items) {
      const { item } = p;
      const metric = typeof item.metric === 'string' ? findMetric(ctx.catalogue, item.metric) : undefined;
      if (item.kind !== 'policy' && metric?.kind !== 'policy') continue;
      if (!answersTheQuestion(item) || !item.policy || typeof item.policy !== 'object') continue;
      const created = parseLooseDate(item.policy.created);
      if (created.kind !== 'date' || created.value.year <= dataYear) continue;
      ctx.report(
        'POLICY_ADOPTED_AFTER_DATA_YEAR',
        `The policy was created in ${String(item.policy.created)}, after the data year ${dataYear} of the ${ctx.catalogue.edition} edition: THE asks for policies in place in the data year.`,
        { item: p, path: ['policy', 'created'] },
      );
    }
  },
};
