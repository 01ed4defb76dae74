import { findMetric } from '../criteria/lookup';
import { parseIsoDay, parseLooseDate } from '../model/dates';
import type { Check } from './check';

/**
 * THE's evidence windows: activities count in the data year; a policy earns its date point when created
 * or reviewed inside the edition's policy window. Missing points are warnings, not errors: the item still counts.
 */
export const evidenceWindows: Check = {
  name: 'evidence-windows',
  description: 'Activities fall in the data year; policies were created or reviewed inside the policy window.',
  codes: ['PERIOD_OUTSIDE_DATA_YEAR', 'POLICY_OUTSIDE_WINDOW', 'POLICY_DATE_UNKNOWN', 'POLICY_DATE_PARTLY_UNKNOWN', 'POLICY_REVIEW_BEFORE_CREATION'],
  run(ctx) {
    const { dataYear, policyWindow } = ctx.catalogue.windows;
    const windowText = `${policyWindow.from}-${policyWindow.to}${policyWindow.confirmed ? '' : ' (derived, not confirmed by THE)'}`;
    for (const p of ctx.items) {
      const { period, policy, kind } = p.item;
      const metric = typeof p.item.metric === 'string' ? findMetric(ctx.catalogue, p.item.metric) : undefined;
      if (period && typeof period === 'object' && kind !== 'policy') {
        const start = parseIsoDay(period.start);
        const end = parseIsoDay(period.end);
        if (start && end && (end.getUTCFullYear() < dataYear || start.getUTCFullYear() > dataYear)) {
          ctx.report(
            'PERIOD_OUTSIDE_DATA_YEAR',
            `The period ${period.start} to ${period.end} does not overlap the data year ${dataYear} of the ${ctx.catalogue.edition} edition.`,
            { item: p, path: ['period'] },
          );
        }
      }
      const isPolicy = kind === 'policy' || metric?.kind === 'policy';
      if (!isPolicy || !policy || typeof policy !== 'object') continue;
      const created = parseLooseDate(policy.created);
      const reviewed = parseLooseDate(policy.last_reviewed);
      if (created.kind === 'unknown' && reviewed.kind === 'unknown') {
        ctx.report('POLICY_DATE_UNKNOWN', 'Neither the creation nor the last review date of this policy is known, so the date point cannot be claimed.', {
          item: p,
          path: ['policy'],
        });
        continue;
      }
      const years = [created, reviewed].filter((d) => d.kind === 'date').map((d) => (d.kind === 'date' ? d.value.year : 0));
      if (years.length > 0 && !years.some((y) => y >= policyWindow.from && y <= policyWindow.to)) {
        ctx.report(
          'POLICY_OUTSIDE_WINDOW',
          `The policy was created in ${String(policy.created)} and last reviewed in ${String(policy.last_reviewed)}: neither falls in the window ${windowText}.`,
          { item: p, path: ['policy'] },
        );
      } else if (years.length < 2 && (created.kind === 'unknown' || reviewed.kind === 'unknown')) {
        const which = created.kind === 'unknown' ? 'creation' : 'last review';
        ctx.report('POLICY_DATE_PARTLY_UNKNOWN', `The ${which} date of this policy is not known; the other date falls in the window ${windowText}.`, {
          item: p,
          path: ['policy', created.kind === 'unknown' ? 'created' : 'last_reviewed'],
        });
      }
      if (created.kind === 'date' && reviewed.kind === 'date' && reviewed.value.year < created.value.year) {
        ctx.report('POLICY_REVIEW_BEFORE_CREATION', `The policy was last reviewed (${String(policy.last_reviewed)}) before it was created (${String(policy.created)}).`, {
          item: p,
          path: ['policy', 'last_reviewed'],
        });
      }
    }
  },
};
