import { findMetric } from '../criteria/lookup';
import { answersTheQuestion } from './answers-evidence';
import type { Check } from './check';

/**
 * THE credits an activity for what happened in the data year. An activity or measurement item with no
 * period at all gives nothing that places it there (the gap report counts it as partial until it is dated:
 * heuristic undated_activity_partial). Policies are dated by `policy`, numeric figures by their `year`, and
 * plans have their own rule, so they are left to those checks.
 */
export const evidenceDated: Check = {
  name: 'evidence-dated',
  description: 'An activity or measurement item says when it happened (a period), so that it can be placed in the data year.',
  codes: ['EVIDENCE_UNDATED'],
  run(ctx) {
    const { dataYear } = ctx.catalogue.windows;
    for (const p of ctx.items) {
      const { item } = p;
      if (item.kind !== 'practice' && item.kind !== 'measurement') continue;
      if (!answersTheQuestion(item) || item.progress === 'planned' || item.progress === 'postponed') continue;
      if (item.period !== undefined && item.period !== null) continue;
      const metric = typeof item.metric === 'string' ? findMetric(ctx.catalogue, item.metric) : undefined;
      if (!metric || metric.kind !== 'evidence' || metric.notScored) continue;
      ctx.report(
        'EVIDENCE_UNDATED',
        `This ${item.kind === 'measurement' ? 'measurement' : 'activity'} has no date (no \`period\`): nothing shows that it took place in the data year ${dataYear}, which is what THE credits.`,
        { item: p, path: [] },
      );
    }
  },
};
