import { pointRuleFor } from '../criteria/lookup';
import type { Catalogue, Metric, PointComponentId, PointRule, QuestionType, RelevanceGrade } from '../criteria/types';

/**
 * The point rule of a question as the scorer reads it from the edition's catalogue: which components earn
 * points, how many, how evidence relevance is graded, which component is a bonus, and the cap. Older catalogue
 * files name components only by label; their ids then follow THE's order (statement, evidence, public, policy
 * date), and a date question's single component is the date band.
 */
export interface ScoringRule {
  questionType: QuestionType;
  components: ScoringComponent[];
  /** The most the question earns: the rule's cap where the edition caps it, else its maximum. */
  maximum: number;
  confirmed: boolean;
  /** True when the catalogue has no rule for the question type and the rule of the metric's kind stands in. */
  borrowed: boolean;
}

export interface ScoringComponent {
  id: PointComponentId;
  label: string;
  points: number;
  /** Share of `points` each relevance grade earns; absent when the edition does not grade (any evidence earns all). */
  grades?: Partial<Record<RelevanceGrade, number>>;
  bonus: boolean;
}

const POSITIONAL_IDS: PointComponentId[] = ['statement', 'evidence', 'public', 'policy_date'];

export function scoringRuleFor(catalogue: Catalogue, metric: Metric): ScoringRule {
  const own = metric.questionType ? pointRuleFor(catalogue, metric.questionType) : undefined;
  const stand = own ?? pointRuleFor(catalogue, metric.kind === 'policy' ? 'policy' : 'activity');
  if (stand) return fromRule(stand, metric, !own);
  // A catalogue without point rules at all: the three components every edition has had, one point each.
  const components: ScoringComponent[] = POSITIONAL_IDS.slice(0, metric.kind === 'policy' ? 4 : 3).map((id) => ({ id, label: id, points: 1, bonus: false }));
  return { questionType: metric.questionType ?? 'activity', components, maximum: metric.maxPoints ?? components.length, confirmed: false, borrowed: true };
}

function fromRule(rule: PointRule, metric: Metric, borrowed: boolean): ScoringRule {
  const components = rule.components.map((c, i): ScoringComponent => {
    const id = c.id ?? (rule.questionType === 'date' ? 'date_band' : POSITIONAL_IDS[i] ?? 'statement');
    return { id, label: c.label, points: c.points, ...(c.grades ? { grades: c.grades } : {}), bonus: c.bonus === true };
  });
  // The metric's own maximum wins where it states one (e.g. a bracketed question worth 5 in 2027).
  const maximum = rule.cap ?? metric.maxPoints ?? rule.maxPoints;
  return { questionType: rule.questionType, components, maximum, confirmed: rule.confirmed, borrowed };
}

export function componentOf(rule: ScoringRule, id: PointComponentId): ScoringComponent | undefined {
  return rule.components.find((c) => c.id === id);
}

/**
 * Points a question earns from what each component earned: the sum, capped at the maximum. (That THE awards
 * nothing for evidence of something that does not exist is the item scorer's to decide: a missing date
 * withholds the statement point without making the thing not exist.)
 */
export function totalPoints(rule: ScoringRule, earned: Partial<Record<PointComponentId, number>>): number {
  const sum = rule.components.reduce((t, c) => t + Math.max(0, Math.min(c.points, earned[c.id] ?? 0)), 0);
  return Math.min(rule.maximum, sum);
}
