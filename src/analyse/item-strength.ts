import type { AnswerOption, Catalogue, Metric, PointComponentId } from '../criteria/types';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { parseIsoDay, parseLooseDate } from '../model/dates';
import type { EvidenceItem } from '../model/item';
import { locate, type YamlSource } from '../parse/yaml-source';
import { markHeuristic, type HeuristicId } from './heuristics';
import { componentOf, scoringRuleFor, totalPoints, type ScoringRule } from './point-rule';

/** What stands between an item and THE's full points for its metric; each kind maps to one concrete step. */
export type ShortfallKind =
  | 'errors'
  | 'not_achieved'
  | 'in_progress'
  | 'not_by_university'
  | 'outside_data_year'
  | 'undated'
  | 'policy_after_data_year'
  | 'no_answer'
  | 'partial_answer'
  | 'no_evidence'
  | 'relevance_general'
  | 'relevance_unstated'
  | 'not_public'
  | 'public_url_not_evidence'
  | 'attachment_not_public'
  | 'confidential'
  | 'policy_dates_unknown'
  | 'policy_outside_window'
  | 'values_missing'
  | 'values_basis'
  | 'values_year'
  | 'values_inconsistent'
  | 'documents_missing'
  | 'primary_unmarked'
  | 'several_primaries'
  | 'stronger_item_not_primary';

export interface Shortfall {
  kind: ShortfallKind;
  /** What is weak, in words a reviewer understands; ends with impact-pack's heuristic mark when one decided it. */
  message: string;
  /** The concrete next step ("add a public URL", "record the review date", "attach the policy"). */
  step: string;
  /**
   * Points of THE's rule for the question (out of `maxPoints`) that the step would recover, the other
   * shortfalls staying as they are (numeric metrics: completeness checks, never THE's points).
   */
  points: number;
  /** Data path of the field the step concerns, so that findings point at the right line of the YAML. */
  path: (string | number)[];
  /** The heuristic of impact-pack's own the judgement rests on, when it is not THE's rule. */
  heuristic?: HeuristicId;
}

/**
 * How an item fares against the edition's point rule for its metric (read from the catalogue: components,
 * relevance grades, bonus, cap). Numeric metrics are judged on completeness only (values present with the
 * basis and year THE asks, a source given, consistent with the pack's facts): THE normalises them against
 * other universities, so their points cannot be estimated from the pack.
 */
export interface ItemStrength {
  itemId: string;
  file: string;
  owner: string | null;
  /** Share of the question's points this item would earn, 0 to 1 (an estimate from the point rules). */
  share: number;
  /** Points earned and the question's maximum, on THE's scale for the question type (numeric: completeness checks). */
  earned: number;
  maxPoints: number;
  shortfalls: Shortfall[];
  /** The shortfalls' messages, kept as plain text for readers of version 1 of the JSON. */
  weaknesses: string[];
  errors: number;
  /** The item says it is the one piece of evidence for its indicator (`primary: true`). */
  primary: boolean;
  /** Heuristics of impact-pack's own this judgement used (see analyse/heuristics.ts). */
  heuristics: HeuristicId[];
}

export interface ItemAssessmentInput {
  item: EvidenceItem;
  file: string;
  /** The item's YAML, to tell which of its public URLs a diagnostic concerns. */
  source?: YamlSource;
  metric: Metric;
  catalogue: Catalogue;
  /** Supporting files the item's references resolved to (pack-relative). */
  resolvedFiles: string[];
  diagnostics: Diagnostic[];
  /** Names of values that contradict an institution fact declared in the pack config. */
  inconsistentValues?: string[];
}

/**
 * Diagnostics of the checks that the scoring turns into a specific shortfall (withheld points with the step
 * that restores them) rather than into "fix the errors": an item flagged by one of them still counts, for less.
 */
export const JUDGED_CODES = {
  undated: ['EVIDENCE_UNDATED'],
  adoptedAfterDataYear: ['POLICY_ADOPTED_AFTER_DATA_YEAR'],
  urlNotEvidence: ['PUBLIC_URL_HOME_PAGE', 'PUBLIC_URL_SHARED', 'PUBLIC_URL_LINK_LIST'],
  basis: ['VALUE_BASIS_MISMATCH'],
  year: ['VALUE_YEAR_MISMATCH', 'VALUE_YEAR_MISSING', 'VALUE_YEAR_OUTSIDE_DATA_YEAR', 'VALUE_UNDATED'],
  primary: ['PRIMARY_EVIDENCE_MISSING', 'PRIMARY_EVIDENCE_DUPLICATE'],
} as const;

/** Why a public URL is not evidence, in the order a message names the first that applies. */
const URL_NOT_EVIDENCE: readonly { code: string; message: string; heuristic: HeuristicId }[] = [
  { code: 'PUBLIC_URL_HOME_PAGE', message: 'the public URL is a home page, which does not show the evidence', heuristic: 'home_page_not_public_evidence' },
  { code: 'PUBLIC_URL_LINK_LIST', message: 'the public URL is only a list of links, which THE\'s assessors do not follow', heuristic: 'link_list_not_public_evidence' },
  { code: 'PUBLIC_URL_SHARED', message: 'the public URL is a landing page that items of other metrics cite too, not this evidence', heuristic: 'shared_url_landing_page' },
];

const ALL_JUDGED = new Set<string>(Object.values(JUDGED_CODES).flat());

const ERRORS_STEP = (n: number) => `fix the ${n} error(s) that impact-pack validate reports`;

/** A shortfall before it is valued: the points of each component it withholds. */
interface Pending extends Omit<Shortfall, 'points'> {
  lost: Partial<Record<PointComponentId, number>>;
  /** Takes the statement to nothing, so that THE awards nothing else either. */
  gates?: boolean;
}

export function assessItem(input: ItemAssessmentInput): ItemStrength {
  const { item, file } = input;
  const own = input.diagnostics.filter((d) => d.file === file);
  const errors = own.filter((d) => d.severity === 'error' && !ALL_JUDGED.has(d.code)).length;
  const base = {
    itemId: String(item.id),
    file,
    owner: typeof item.owner === 'string' && item.owner.trim() !== '' ? item.owner : null,
    errors,
    primary: item.primary === true,
  };
  const codes = new Set(own.map((d) => d.code));
  const has = (list: readonly string[]) => list.some((c) => codes.has(c));
  if (input.metric.kind === 'numeric') return assessNumeric(input, base, has);
  const rule = scoringRuleFor(input.catalogue, input.metric);
  if (componentOf(rule, 'date_band')) return assessDateQuestion(input, base, rule);
  return assessPoints(input, base, rule, own, has);
}

type Base = Pick<ItemStrength, 'itemId' | 'file' | 'owner' | 'errors' | 'primary'>;

function assessPoints(input: ItemAssessmentInput, base: Base, rule: ScoringRule, own: Diagnostic[], has: (codes: readonly string[]) => boolean): ItemStrength {
  const { item, metric, catalogue } = input;
  const dataYear = catalogue.windows.dataYear;
  const pending: Pending[] = [];
  const heuristics = new Set<HeuristicId>();
  const add = (p: Pending): void => {
    if (p.heuristic) {
      heuristics.add(p.heuristic);
      p.message = markHeuristic(p.message);
    }
    pending.push(p);
  };
  const earned: Partial<Record<PointComponentId, number>> = {};
  const statement = componentOf(rule, 'statement');
  const sp = statement?.points ?? 0;

  // Statement (existence): a share of its points, cut by each shortfall in turn.
  let existence = 1;
  const loseExistence = (p: Omit<Pending, 'lost'>, share: number, gates = true): void => {
    const lost = Math.min(existence, share);
    if (lost <= 0 && existence > 0) return;
    existence -= lost;
    add({ ...p, lost: { statement: lost * sp }, gates: gates && existence <= 0 });
  };
  const options = metric.options ?? [];
  if ((metric.questionType === 'options' || metric.questionType === 'measurement') && options.length > 0) {
    judgeAnswer(metric, item.answer, loseExistence);
  }
  if (item.progress === 'planned' || item.progress === 'postponed') {
    loseExistence({ kind: 'not_achieved', message: `${item.progress}, not yet achieved`, step: 'report it once it has happened, or remove it', path: ['progress'] }, existence);
  } else if (item.progress === 'in_progress') {
    loseExistence({ kind: 'in_progress', message: 'still in progress', step: 'give what was achieved by the end of the data year', path: ['progress'], heuristic: 'in_progress_halves_statement' }, existence * 0.5);
  }
  if (item.carried_out_by && item.carried_out_by !== 'university' && existence > 0.5) {
    loseExistence(
      {
        kind: 'not_by_university',
        message: `carried out by the ${String(item.carried_out_by).replace(/_/g, ' ')}, not the university as a body`,
        step: "show the university's own part (funding, staff, governance)",
        path: ['carried_out_by'],
        heuristic: 'partner_caps_statement',
      },
      existence - 0.5,
    );
  }
  if (metric.kind !== 'policy' && existence > 0 && outsideDataYear(item, dataYear)) {
    loseExistence({ kind: 'outside_data_year', message: `activity outside the data year ${dataYear}`, step: `give evidence of the activity in ${dataYear}`, path: ['period'] }, existence);
  }
  if (existence > 0 && has(JUDGED_CODES.adoptedAfterDataYear)) {
    loseExistence(
      {
        kind: 'policy_after_data_year',
        message: `policy adopted after the data year ${dataYear}, so not in place in it`,
        step: `submit the policy that was in force in ${dataYear}, or leave the indicator for the edition whose data year it covers`,
        path: ['policy', 'created'],
      },
      existence,
    );
  }
  if (existence > 0 && has(JUDGED_CODES.undated)) {
    // Undated: it may well have happened in the data year, so its evidence still counts; the statement waits for a date.
    loseExistence(
      { kind: 'undated', message: 'no date: nothing shows it happened in the data year', step: `give the date (a period inside ${dataYear})`, path: ['period'], heuristic: 'undated_activity_partial' },
      existence,
      false,
    );
  }
  earned.statement = existence * sp;

  // Evidence, graded by relevance where the edition grades it; public evidence as the edition counts it.
  const evidence = componentOf(rule, 'evidence');
  const ep = evidence?.points ?? 0;
  let grade = 1;
  let relevanceShortfall: Omit<Pending, 'lost'> | undefined;
  if (evidence?.grades && Object.values(evidence.grades).some((g) => typeof g === 'number')) {
    const relevance = item.relevance === 'specific' || item.relevance === 'general' ? item.relevance : undefined;
    grade = evidence.grades[relevance ?? 'general'] ?? 0;
    const top = Math.max(...Object.values(evidence.grades).map((g) => g ?? 0));
    if (grade < top) {
      relevanceShortfall = relevance
        ? { kind: 'relevance_general', message: 'evidence of general relevance, not specific to the question', step: 'give evidence that answers the question itself', path: ['relevance'] }
        : {
            kind: 'relevance_unstated',
            message: 'relevance not stated, so graded as general',
            step: 'check that the evidence answers the question itself, then mark it relevance: specific',
            path: [],
            heuristic: 'relevance_default_general',
          };
    }
  }
  const urls = Array.isArray(item.public_urls) ? item.public_urls : [];
  const usableUrls = urls.length - flaggedUrlCount(input, own, urls.length);
  const confidential = item.confidential === true;
  const hasFiles = input.resolvedFiles.length > 0;
  const publicUrl = usableUrls > 0 && !confidential;
  // An attached file is public only where the edition says so; where the catalogue does not know ("?"), it is not.
  const attachmentRule = catalogue.evidence;
  const attachmentUnknown = attachmentRule?.attachmentCountsAsPublic === true && (attachmentRule.factConfidence?.attachmentCountsAsPublic ?? attachmentRule.confidence) === '?';
  const attachmentIsPublic = attachmentRule?.attachmentCountsAsPublic === true && !attachmentUnknown;
  const hasEvidence = hasFiles || publicUrl;
  const publicComponent = componentOf(rule, 'public');
  const pp = publicComponent?.points ?? 0;
  const isPublic = !confidential && (publicUrl || (hasFiles && attachmentIsPublic));
  earned.evidence = hasEvidence ? ep * grade : 0;
  earned.public = isPublic ? pp : 0;
  if (!hasEvidence && evidence) {
    add({
      kind: 'no_evidence',
      message: 'no supporting file',
      step: metric.kind === 'policy' ? 'attach the policy' : 'attach the evidence document',
      path: ['supporting_files'],
      lost: { evidence: ep * grade },
    });
  }
  if (relevanceShortfall && evidence && hasEvidence) add({ ...relevanceShortfall, lost: { evidence: ep * (1 - grade) } });
  // A public URL is evidence as well: without any evidence it restores both points.
  const withEvidence = (lost: Partial<Record<PointComponentId, number>>) => (hasEvidence ? lost : { ...lost, evidence: ep * grade });
  if (publicComponent && !isPublic) {
    if (confidential) {
      add({ kind: 'confidential', message: 'confidential, so not public', step: 'publish a public summary and add its URL', path: ['confidential'], lost: { public: pp } });
    } else if (urls.length > 0 && usableUrls === 0) {
      const why = URL_NOT_EVIDENCE.find((w) => own.some((d) => d.code === w.code)) ?? URL_NOT_EVIDENCE[URL_NOT_EVIDENCE.length - 1];
      add({
        kind: 'public_url_not_evidence',
        message: why.message,
        step: 'link the page that shows this evidence itself',
        path: ['public_urls'],
        lost: withEvidence({ public: pp }),
        heuristic: why.heuristic,
      });
    } else if (hasFiles && attachmentRule && !attachmentIsPublic) {
      add({
        kind: 'attachment_not_public',
        message: attachmentUnknown
          ? `only an attached file; whether the ${catalogue.edition} edition counts it as public is not known, so it is not counted`
          : `only an attached file, which the ${catalogue.edition} edition does not count as public`,
        step: 'publish the evidence on a public web page and add its URL',
        path: ['public_urls'],
        lost: { public: pp },
        ...(attachmentUnknown ? { heuristic: 'attachment_public_unknown' as const } : {}),
      });
    } else {
      add({ kind: 'not_public', message: 'no public URL', step: 'add a public URL', path: ['public_urls'], lost: withEvidence({ public: pp }) });
    }
  }
  documentsShortfall(item, add);

  const policyDate = componentOf(rule, 'policy_date');
  if (policyDate && metric.kind === 'policy') {
    const { from, to } = catalogue.windows.policyWindow;
    const years = [item.policy?.created, item.policy?.last_reviewed].map((d) => parseLooseDate(d)).flatMap((d) => (d.kind === 'date' ? [d.value.year] : []));
    if (years.some((y) => y >= from && y <= to)) earned.policy_date = policyDate.points;
    else if (years.length === 0) {
      add({ kind: 'policy_dates_unknown', message: 'policy dates unknown', step: 'record the creation and review dates', path: ['policy'], lost: { policy_date: policyDate.points } });
    } else {
      add({
        kind: 'policy_outside_window',
        message: `policy not created or reviewed in ${from}-${to}`,
        step: `review the policy and record the review date (inside ${from}-${to})`,
        path: ['policy', 'last_reviewed'],
        lost: { policy_date: policyDate.points },
      });
    }
  }

  // Values: each step is worth what it adds to the capped total, the others staying as they are. When the
  // statement is gone, THE awards nothing else: the shortfall that removed it carries every point it blocks.
  const gate = pending.find((p) => p.gates);
  const gated = !!gate && !!statement;
  const now = gated ? 0 : totalPoints(rule, earned);
  const withLost = (lost: Partial<Record<PointComponentId, number>>) => {
    const next = { ...earned };
    for (const [id, n] of Object.entries(lost) as [PointComponentId, number][]) next[id] = (next[id] ?? 0) + n;
    return next;
  };
  const shortfalls: Shortfall[] = pending.map((p) => {
    const { lost, gates: _gates, ...s } = p;
    let points: number;
    if (!gated) points = totalPoints(rule, withLost(lost)) - now;
    else if (p === gate) points = totalPoints(rule, withLost(lost));
    else points = EXISTENCE[s.kind] ? (lost.statement ?? 0) : 0;
    return { ...s, points: round4(Math.max(0, points)) };
  });
  return finish(base, now, rule.maximum, withErrors(base.errors, shortfalls, now), heuristics);
}

const EXISTENCE: Partial<Record<ShortfallKind, true>> = {
  no_answer: true,
  partial_answer: true,
  not_achieved: true,
  in_progress: true,
  not_by_university: true,
  outside_data_year: true,
  policy_after_data_year: true,
  undated: true,
};

/**
 * The statement of an options or measurement question, graded by the answer: one option earns its points
 * against the best option's; a multi-select question adds the points of every option chosen, against the
 * points of all of them. A list given to a question that takes one answer is not an answer.
 */
function judgeAnswer(metric: Metric, answer: EvidenceItem['answer'], lose: (p: Omit<Pending, 'lost'>, share: number) => void): void {
  const options = metric.options ?? [];
  const ids = options.map((o) => o.id).join(', ');
  const given = Array.isArray(answer) ? answer.filter((a): a is string => typeof a === 'string') : typeof answer === 'string' ? [answer] : [];
  const chosen = [...new Set(given)].map((id) => options.find((o) => o.id === id)).filter((o): o is AnswerOption => !!o);
  if (chosen.length === 0) {
    lose({ kind: 'no_answer', message: 'no answer chosen', step: `choose an answer: ${ids}`, path: ['answer'] }, 1);
    return;
  }
  if (metric.multiSelect) {
    const all = options.reduce((t, o) => t + (o.points ?? 1), 0);
    const got = chosen.reduce((t, o) => t + (o.points ?? 1), 0);
    const share = all > 0 ? Math.min(1, got / all) : 1;
    if (share < 1) {
      const missing = options.filter((o) => !chosen.includes(o));
      lose(
        {
          kind: 'partial_answer',
          message: `${chosen.length} of ${options.length} options hold (${chosen.map((o) => o.id).join(', ')}); each option earns its own share`,
          step: `show that these hold as well, if they do: ${missing.map((o) => o.id).join(', ')}`,
          path: ['answer'],
        },
        1 - share,
      );
    }
    return;
  }
  if (chosen.length > 1) {
    lose({ kind: 'no_answer', message: `${chosen.length} answers given where the question takes one`, step: `choose one answer: ${ids}`, path: ['answer'] }, 1);
    return;
  }
  const one = chosen[0];
  if (one.points === undefined) return;
  const best = Math.max(...options.map((o) => o.points ?? 0));
  const top = best > 0 ? best : 1;
  const graded = Math.min(1, one.points / top);
  if (graded < 1) {
    lose(
      {
        kind: 'partial_answer',
        message: `answer "${one.title}" earns ${one.points} of ${top} point(s)`,
        step: `extend it so that the answer "${options.find((o) => (o.points ?? 0) === best)?.title ?? 'with full points'}" holds`,
        path: ['answer'],
      },
      1 - graded,
    );
  }
}

/**
 * Numeric metrics: completeness checks, not THE's points (THE normalises the figures against other
 * universities). Each check passed counts one: the values are given, counted on the basis THE asks (FTE or
 * headcount), for the data year, backed by a source, and consistent with the pack's facts.
 */
function assessNumeric(input: ItemAssessmentInput, base: Base, has: (codes: readonly string[]) => boolean): ItemStrength {
  const { item, metric } = input;
  const shortfalls: Shortfall[] = [];
  const values = item.values && typeof item.values === 'object' ? item.values : {};
  const missing = (metric.values ?? []).filter((v) => v.required && !(v.name in values)).map((v) => v.name);
  const checks = 5;
  let passed = checks;
  const heuristics = new Set<HeuristicId>(['numeric_completeness']);
  const fail = (s: Omit<Shortfall, 'points' | 'heuristic'>): void => {
    passed -= 1;
    shortfalls.push({ ...s, message: markHeuristic(s.message), points: 1, heuristic: 'numeric_completeness' });
  };
  if (missing.length > 0) fail({ kind: 'values_missing', message: `named values missing: ${missing.join(', ')}`, step: `give the values ${missing.join(', ')}`, path: ['values'] });
  if (has(JUDGED_CODES.basis)) {
    const wanted = (metric.values ?? []).filter((v) => v.basis).map((v) => `${v.name} as ${v.basis === 'fte' ? 'FTE' : 'headcount'}`);
    fail({ kind: 'values_basis', message: 'a value is counted on another basis than THE asks (FTE or headcount)', step: `give ${wanted.length > 0 ? wanted.join(', ') : 'each value on the basis THE asks'}`, path: ['values'] });
  }
  if (has(JUDGED_CODES.year)) {
    // A figure of another year is THE's rule; one without a year is impact-pack's reading (not assumed to be of the data year).
    if (has(['VALUE_UNDATED'])) heuristics.add('undated_values_not_data_year');
    fail({ kind: 'values_year', message: `a value is not dated in the data year ${input.catalogue.windows.dataYear}`, step: `give the figures for ${input.catalogue.windows.dataYear} with their year`, path: ['values'] });
  }
  const urls = Array.isArray(item.public_urls) ? item.public_urls : [];
  if (input.resolvedFiles.length === 0 && (urls.length === 0 || item.confidential === true)) {
    fail({ kind: 'no_evidence', message: 'no source document or URL for the figures', step: 'attach the document the figures come from', path: ['values'] });
  }
  const inconsistent = input.inconsistentValues ?? [];
  if (inconsistent.length > 0) {
    fail({
      kind: 'values_inconsistent',
      message: `${inconsistent.join(', ')} differ(s) from the institution facts in impact-pack.yaml`,
      step: `use the pack's declared value for ${inconsistent.join(', ')}, or correct the fact`,
      path: ['values', inconsistent[0]],
    });
  }
  documentsShortfall(item, ({ lost: _lost, gates: _gates, ...p }) => shortfalls.push({ ...p, points: 0 }));
  return finish(base, passed, checks, withErrors(base.errors, shortfalls, passed), heuristics);
}

/** Date questions (13.4.2, carbon neutral by date) are graded by the answer's date band alone. */
function assessDateQuestion(input: ItemAssessmentInput, base: Base, rule: ScoringRule): ItemStrength {
  const max = rule.maximum;
  const shortfalls: Shortfall[] = [];
  const options = input.metric.options ?? [];
  const answer = Array.isArray(input.item.answer) ? undefined : input.item.answer;
  const chosen = options.find((o) => o.id === answer);
  const earned = Math.min(max, chosen?.points ?? 0);
  if (!chosen) {
    shortfalls.push({ kind: 'no_answer', message: 'no date band chosen', step: `choose an answer: ${options.map((o) => o.id).join(', ')}`, points: max, path: ['answer'] });
  } else if (earned < max) {
    shortfalls.push({ kind: 'partial_answer', message: `answer "${chosen.title}" earns ${earned} of ${max} points`, step: 'bring the target date forward', points: max - earned, path: ['answer'] });
  }
  return finish(base, earned, max, withErrors(base.errors, shortfalls, earned), new Set());
}

/** An item with errors earns nothing until they are fixed; the other steps' values assume they will be. */
function withErrors(errors: number, shortfalls: Shortfall[], earned: number): Shortfall[] {
  if (errors === 0) return shortfalls;
  return [{ kind: 'errors', message: `${errors} error(s) to fix`, step: ERRORS_STEP(errors), points: round4(earned), path: [] }, ...shortfalls];
}

function documentsShortfall(item: EvidenceItem, add: (p: Pending) => void): void {
  const missingDocs = Array.isArray(item.missing_documents) ? item.missing_documents.filter((d) => d && typeof d.title === 'string') : [];
  if (missingDocs.length === 0) return;
  add({
    kind: 'documents_missing',
    message: `${missingDocs.length} document(s) named but not provided`,
    step: `attach ${missingDocs.map((d) => `"${d.title}"`).join(', ')}`,
    path: ['missing_documents'],
    lost: {},
  });
}

/**
 * How many of the item's public URLs a check flagged as not showing the evidence (a home page, a landing page
 * shared by many items, a list of links). With the item's YAML, each diagnostic is matched to the entry whose
 * lines contain it; without it, the diagnostics are counted.
 */
function flaggedUrlCount(input: ItemAssessmentInput, own: Diagnostic[], count: number): number {
  const flags = own.filter((d) => (JUDGED_CODES.urlNotEvidence as readonly string[]).includes(d.code));
  if (flags.length === 0 || count === 0) return 0;
  if (!input.source) return Math.min(count, flags.length);
  let flagged = 0;
  for (let i = 0; i < count; i++) {
    const at = locate(input.source, ['public_urls', i]);
    const end = at.endLine ?? at.line;
    if (flags.some((d) => d.line >= at.line && d.line <= end)) flagged++;
  }
  return flagged;
}

function finish(base: Base, earned: number, max: number, shortfalls: Shortfall[], heuristics: Set<HeuristicId>): ItemStrength {
  const counted = base.errors > 0 ? 0 : earned;
  const share = max > 0 ? Math.max(0, Math.min(1, counted / max)) : 0;
  return {
    ...base,
    share: round4(share),
    earned: round4(counted),
    maxPoints: max,
    shortfalls,
    weaknesses: shortfalls.map((s) => s.message),
    heuristics: [...heuristics].sort(),
  };
}

/** An activity whose period is given and does not overlap the data year (the evidence-windows check warns about it too). */
function outsideDataYear(item: EvidenceItem, dataYear: number): boolean {
  const period = item.period;
  if (!period || typeof period !== 'object') return false;
  const start = parseIsoDay(period.start);
  const end = parseIsoDay(period.end);
  return !!start && !!end && (end.getUTCFullYear() < dataYear || start.getUTCFullYear() > dataYear);
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}
