import type { Catalogue } from '../criteria/types';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import { isoDay, parseIsoDay, parseLooseDate, type LooseDateValue } from '../model/dates';
import type { ParsedItem } from '../parse/item';
import { locate } from '../parse/yaml-source';

/** Days before a policy's next review date from which it is reported as due soon, unless the caller sets another. */
export const DEFAULT_DUE_SOON_DAYS = 90;

export type FreshnessKind = 'review_overdue' | 'review_due_soon' | 'left_window';

export interface FreshnessFinding {
  kind: FreshnessKind;
  itemId: string;
  file: string;
  sdg: number;
  metric: string;
  owner: string | null;
  /** The date the finding is about (next review, last review or end of the activity), as written. */
  date: string;
  message: string;
  line: number;
  column: number;
}

/**
 * The windows that apply on the as-of date. THE edition N looks at data year N-2 and collects it during
 * year N-1, so a pack checked in a later year is being held against a later edition: the data year and
 * the policy window move on by the number of years that have passed (`shift`). On the edition's own
 * timetable the shift is 0 and nothing has left the window.
 */
export function windowsAsOf(catalogue: Catalogue, asOf: Date): { shift: number; dataYear: number; policyWindow: { from: number; to: number } } {
  const { dataYear, policyWindow } = catalogue.windows;
  const shift = Math.max(0, asOf.getUTCFullYear() - (dataYear + 1));
  return { shift, dataYear: dataYear + shift, policyWindow: { from: policyWindow.from + shift, to: policyWindow.to + shift } };
}

/**
 * Freshness on the as-of date: policy reviews overdue or due soon (`policy.next_review`), and evidence that
 * has left the window since the edition's timetable (a policy last created or reviewed before the moved
 * window, an activity that ended before the moved data year). Pure.
 */
export function assessFreshness(
  items: ParsedItem[],
  catalogue: Catalogue,
  asOf: Date,
  dueSoonDays: number = DEFAULT_DUE_SOON_DAYS,
): { value: FreshnessFinding[]; diagnostics: Diagnostic[] } {
  const findings: FreshnessFinding[] = [];
  const diagnostics: Diagnostic[] = [];
  const now = isoDay(asOf);
  const soonLimit = new Date(asOf.getTime() + dueSoonDays * 86_400_000);
  const moved = windowsAsOf(catalogue, asOf);

  for (const p of items) {
    const { item } = p;
    if (item.status === 'not_applicable' || item.status === 'not_pursuing') continue;
    const ref = {
      itemId: String(item.id),
      file: p.file,
      sdg: Number(item.sdg),
      metric: String(item.metric),
      owner: typeof item.owner === 'string' && item.owner.trim() !== '' ? item.owner : null,
    };
    const add = (kind: FreshnessKind, date: string, message: string, path: (string | number)[]) => {
      const pos = locate(p.source, path);
      findings.push({ kind, ...ref, date, message, line: pos.line, column: pos.column });
      const code = kind === 'review_overdue' ? 'REVIEW_OVERDUE' : kind === 'review_due_soon' ? 'REVIEW_DUE_SOON' : 'EVIDENCE_LEFT_WINDOW';
      diagnostics.push(
        diagnostic(code, message, { file: p.file, ...pos }, {
          itemId: ref.itemId,
          sdg: typeof item.sdg === 'number' ? item.sdg : undefined,
          metric: typeof item.metric === 'string' ? item.metric : undefined,
        }),
      );
    };

    const policy = item.policy && typeof item.policy === 'object' ? item.policy : undefined;
    if (policy) {
      const next = parseLooseDate(policy.next_review);
      if (next.kind === 'date') {
        // A review due "2022" is overdue only once 2022 is over: the latest day the written date can mean.
        const due = latest(next.value);
        if (due < asOf) add('review_overdue', String(policy.next_review), `The policy's next review was due by ${String(policy.next_review)}; it is overdue on ${now}.`, ['policy', 'next_review']);
        else if (due <= soonLimit) add('review_due_soon', String(policy.next_review), `The policy's next review is due by ${String(policy.next_review)}, within ${dueSoonDays} days of ${now}.`, ['policy', 'next_review']);
      }
      if (moved.shift > 0) {
        const years = [policy.created, policy.last_reviewed].map((d) => parseLooseDate(d)).flatMap((d) => (d.kind === 'date' ? [d.value.year] : []));
        const last = years.length > 0 ? Math.max(...years) : undefined;
        if (last !== undefined && last >= catalogue.windows.policyWindow.from && last < moved.policyWindow.from) {
          add(
            'left_window',
            String(last),
            `The policy was last created or reviewed in ${last}; on ${now} the window has moved to ${moved.policyWindow.from}-${moved.policyWindow.to}, so it no longer earns the date point.`,
            ['policy', 'last_reviewed'],
          );
        }
      }
    } else if (moved.shift > 0 && item.period && typeof item.period === 'object') {
      const end = parseIsoDay(item.period.end);
      if (end && end.getUTCFullYear() >= catalogue.windows.dataYear && end.getUTCFullYear() < moved.dataYear) {
        add(
          'left_window',
          String(item.period.end),
          `The activity ended on ${String(item.period.end)}; on ${now} THE looks at data year ${moved.dataYear}, so it needs evidence of the activity in that year.`,
          ['period', 'end'],
        );
      }
    }
  }
  return { value: findings, diagnostics };
}

/** The last instant a loosely written date can mean (2022 → 31 December 2022, end of day). */
function latest(d: LooseDateValue): Date {
  if (d.month === undefined) return new Date(Date.UTC(d.year, 11, 31, 23, 59, 59));
  if (d.day === undefined) return new Date(Date.UTC(d.year, d.month, 0, 23, 59, 59));
  return new Date(Date.UTC(d.year, d.month - 1, d.day, 23, 59, 59));
}
