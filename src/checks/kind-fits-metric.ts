import { findMetric } from '../criteria/lookup';
import type { Metric } from '../criteria/types';
import type { ItemKind } from '../model/item';
import type { Check } from './check';

/** A kind outside this list is a schema error already. */
const ITEM_KINDS: unknown[] = ['policy', 'practice', 'measurement', 'numeric'];

/** The item kinds that make sense for a metric; a mismatch usually means the wrong metric was picked. */
export function kindsFor(m: Metric): ItemKind[] {
  if (m.kind === 'numeric') return ['numeric'];
  if (m.kind === 'policy') return ['policy'];
  if (m.questionType === 'measurement') return ['measurement', 'practice'];
  // A policy document can prove that a practice exists, so policy items are fine on evidence questions.
  return ['practice', 'policy', 'measurement'];
}

export const kindFitsMetric: Check = {
  name: 'kind-fits-metric',
  description: 'The item kind suits the metric (policy for policy questions, numeric for numeric data).',
  codes: ['KIND_MISMATCH'],
  run(ctx) {
    for (const p of ctx.items) {
      const { metric, kind } = p.item;
      if (typeof metric !== 'string' || !ITEM_KINDS.includes(kind)) continue;
      const m = findMetric(ctx.catalogue, metric);
      if (!m || m.kind === 'bibliometric') continue;
      const allowed = kindsFor(m);
      if (!allowed.includes(kind as ItemKind)) {
        ctx.report('KIND_MISMATCH', `Metric ${m.id} is ${describe(m)}, so the item kind should be ${allowed.join(' or ')}, not ${kind}.`, {
          item: p,
          path: ['kind'],
        });
      }
    }
  },
};

function describe(m: Metric): string {
  if (m.kind === 'numeric') return 'a numeric data metric';
  if (m.kind === 'policy') return 'a policy question';
  return `an evidence question (${m.questionType ?? 'activity'})`;
}
