import type { MetricStatus } from '../analyse/metric-gap';
import type { ReviewStateKind } from '../analyse/review-state';
import type { FreshnessKind } from '../analyse/freshness';
import { stakePoints } from '../analyse/figure-format';
import type { NotEstimableReason } from '../analyse/score';

/** Words shared by every view of the gap report, so that Markdown, HTML and the documents say the same. */
export const STATUS_LABEL: Record<MetricStatus, string> = {
  complete: 'complete',
  partial: 'partial',
  missing: 'missing',
  not_applicable: 'not applicable',
  not_pursuing: 'not pursuing',
  computed_by_the: 'computed by THE',
  not_scored: 'not scored in this edition',
};

export const REVIEW_STATE_LABEL: Record<ReviewStateKind, string> = {
  flagged: 'flagged by a reviewer',
  changed_since_approved: 'changed since approved',
  awaiting_review: 'awaiting review',
  approved_unverified: 'approved (no content hash)',
  approved: 'approved',
};

export const FRESHNESS_LABEL: Record<FreshnessKind, string> = {
  review_overdue: 'review overdue',
  review_due_soon: 'review due soon',
  left_window: 'left the window',
};

export const NOT_ESTIMABLE_LABEL: Record<NotEstimableReason, string> = {
  bibliometric: 'research metric, computed by THE from Scopus',
  normalised_numeric: 'numeric metric, normalised by THE against other universities',
  weight_unknown: 'weight not known',
  not_scored: 'asked but not scored in this edition',
};

/** "4.5%" for a confirmed weight, "4.5%*" for a derived one, "?" when unknown. */
export function weightText(weight: number | null, confirmed: boolean): string {
  if (weight === null) return '?';
  return `${weight}%${confirmed ? '' : '*'}`;
}

/** Points with at most two decimals, or a dash when not estimable. */
export function pointsText(points: number | null): string {
  return stakePoints(points);
}

/** "3 complete, 2 partial, 5 missing of 12 evidence metrics": the coverage sentence of `build` and the documents. */
export function coverageText(c: { complete: number; partial: number; missing: number; total: number; notScored: number }): string {
  return `${c.complete} complete, ${c.partial} partial, ${c.missing} missing of ${c.total} evidence metrics${c.notScored > 0 ? ` (${c.notScored} not scored)` : ''}`;
}

/** What the coverage tables say about their counts: research metrics left out, per-SDG questions counted as one group. */
export const COVERAGE_NOTE = 'Evidence metrics per SDG (research metrics, computed by THE, left out); a group of questions asked once per SDG counts as one.';
