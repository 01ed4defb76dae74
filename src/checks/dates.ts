import { earliest, isoDay, parseIsoDay, parseLooseDate } from '../model/dates';
import type { ParsedItem } from '../parse/item';
import type { DataPath } from '../parse/yaml-source';
import type { Check, CheckContext } from './check';
import { LOOSE_DATE_PATTERN } from '../schemas/item-base';

/** Dates the schema pattern lets through but the calendar does not (2019-02-30); the rest are schema errors. */
const SHAPED_LIKE_A_DATE = new RegExp(LOOSE_DATE_PATTERN);

/**
 * Dates must be real calendar dates, periods must run forwards, and nothing may lie after the build date
 * (the pack's "today"): a future date cannot be evidence yet.
 */
export const datesValid: Check = {
  name: 'dates-valid',
  description: 'Dates are real, periods run forwards, and no date lies after the build date.',
  codes: ['DATE_INVALID', 'PERIOD_REVERSED', 'DATE_IN_FUTURE'],
  run(ctx) {
    const today = ctx.settings.buildDate;
    for (const p of ctx.items) {
      const { period, policy, sign_off: signOff } = p.item;
      if (period && typeof period === 'object') {
        const start = checkIso(ctx, p, ['period', 'start'], period.start);
        const end = checkIso(ctx, p, ['period', 'end'], period.end);
        if (start && end && end < start) {
          ctx.report('PERIOD_REVERSED', `The period ends (${period.end}) before it starts (${period.start}).`, { item: p, path: ['period', 'end'] });
        }
        // A period that is still running is fine; one that has not started is not evidence yet.
        if (start && start > today && p.item.progress !== 'planned') {
          ctx.report('DATE_IN_FUTURE', `The period starts on ${period.start}, after the build date ${isoDay(today)}.`, { item: p, path: ['period', 'start'] });
        }
      }
      if (policy && typeof policy === 'object') {
        for (const field of ['created', 'last_reviewed'] as const) {
          const parsed = parseLooseDate(policy[field]);
          if (policy[field] === undefined) continue;
          if (parsed.kind === 'invalid' && typeof policy[field] === 'string' && SHAPED_LIKE_A_DATE.test(policy[field])) {
            ctx.report('DATE_INVALID', `"${policy[field]}" is not a real date.`, { item: p, path: ['policy', field] });
          } else if (parsed.kind === 'date' && earliest(parsed.value) > today) {
            ctx.report('DATE_IN_FUTURE', `policy.${field} ${policy[field]} lies after the build date ${isoDay(today)}.`, { item: p, path: ['policy', field] });
          }
        }
      }
      if (signOff && typeof signOff === 'object') {
        const d = checkIso(ctx, p, ['sign_off', 'date'], signOff.date);
        if (d && d > today) ctx.report('DATE_IN_FUTURE', `The sign-off date ${signOff.date} lies after the build date ${isoDay(today)}.`, { item: p, path: ['sign_off', 'date'] });
      }
    }
  },
};

function checkIso(ctx: CheckContext, p: ParsedItem, path: DataPath, value: unknown): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value)) return undefined;
  const d = parseIsoDay(value);
  if (!d) ctx.report('DATE_INVALID', `"${value}" is not a real date.`, { item: p, path });
  return d;
}
