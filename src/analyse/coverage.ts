import type { MetricGroup } from '../criteria/types';
import type { MetricGap, MetricStatus } from './metric-gap';

/**
 * A group of questions asked once per SDG (the catalogue's `per_sdg`, e.g. 17.3.1-17.3.17 "SDG report per
 * SDG"), counted once in the coverage: 17 unweighted questions are one thing to do, not 17 missing metrics.
 */
export interface GroupedQuestions {
  group: string;
  title: string;
  /** The questions of the group (not scored ones left out). */
  questions: number;
  /** How many of them an item answers (complete or partial). */
  answered: number;
  /** The group's status as the coverage counts it: complete when every question is, missing when none is answered. */
  status: 'complete' | 'partial' | 'missing' | 'not_applicable';
}

/**
 * How many of an SDG's evidence metrics (research metrics left out) are complete, partial, missing or out of
 * play, with each per-SDG group counted as one. Computed once; the coverage tables, the chart and `build`'s
 * summary all print these.
 */
export interface SdgCoverage {
  complete: number;
  partial: number;
  missing: number;
  /** Not applicable or not pursued. */
  outOfPlay: number;
  /** Asked but not scored in this edition. */
  notScored: number;
  /** The sum of the above: evidence metrics, a per-SDG group counting as one. */
  total: number;
  grouped: GroupedQuestions[];
}

const OUT_OF_PLAY: ReadonlySet<MetricStatus> = new Set(['not_applicable', 'not_pursuing']);

/** The coverage of one SDG from its judged metrics and the catalogue's groups. Pure. */
export function sdgCoverage(metrics: MetricGap[], groups: MetricGroup[]): SdgCoverage {
  const groupOf = new Map<string, MetricGroup>();
  for (const g of groups) if (g.perSdg) for (const m of g.metrics) groupOf.set(m.id, g);
  const coverage: SdgCoverage = { complete: 0, partial: 0, missing: 0, outOfPlay: 0, notScored: 0, total: 0, grouped: [] };
  const members = new Map<MetricGroup, MetricGap[]>();
  for (const m of metrics) {
    if (m.kind === 'bibliometric' || m.status === 'computed_by_the') continue;
    const group = groupOf.get(m.metric);
    if (group && m.status !== 'not_scored') {
      members.set(group, [...(members.get(group) ?? []), m]);
      continue;
    }
    add(coverage, m.status === 'not_scored' ? 'notScored' : OUT_OF_PLAY.has(m.status) ? 'outOfPlay' : (m.status as 'complete' | 'partial' | 'missing'));
  }
  for (const [group, list] of members) {
    const answered = list.filter((m) => m.status === 'complete' || m.status === 'partial').length;
    const status: GroupedQuestions['status'] = list.every((m) => m.status === 'complete')
      ? 'complete'
      : list.every((m) => OUT_OF_PLAY.has(m.status))
        ? 'not_applicable'
        : answered === 0
          ? 'missing'
          : 'partial';
    add(coverage, status === 'not_applicable' ? 'outOfPlay' : status);
    coverage.grouped.push({ group: group.id, title: group.title, questions: list.length, answered, status });
  }
  return coverage;
}

function add(c: SdgCoverage, key: 'complete' | 'partial' | 'missing' | 'outOfPlay' | 'notScored'): void {
  c[key]++;
  c.total++;
}

/** "17.3 Publication of SDG reports: 17 questions, one per SDG, counted as one (5 answered)". */
export function groupedQuestionsText(g: GroupedQuestions): string {
  return `${g.group} ${g.title}: ${g.questions} questions, one per SDG, counted as one (${g.answered} answered)`;
}
