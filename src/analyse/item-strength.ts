import { pointRuleFor } from '../criteria/lookup';
import type { Catalogue, Metric } from '../criteria/types';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { parseIsoDay, parseLooseDate } from '../model/dates';
import type { EvidenceItem } from '../model/item';

/** What stands between an item and THE's full points for its metric; each kind maps to one concrete step. */
export type ShortfallKind =
  | 'errors'
  | 'not_achieved'
  | 'in_progress'
  | 'not_by_university'
  | 'outside_data_year'
  | 'no_answer'
  | 'partial_answer'
  | 'no_evidence'
  | 'not_public'
  | 'confidential'
  | 'policy_dates_unknown'
  | 'policy_outside_window'
  | 'values_missing'
  | 'values_inconsistent'
  | 'documents_missing';

export interface Shortfall {
  kind: ShortfallKind;
  /** What is weak, in words a reviewer understands. */
  message: string;
  /** The concrete next step ("add a public URL", "record the review date", "attach the policy"). */
  step: string;
  /** Points of THE's rule for the question (out of `maxPoints`) that this costs the item. */
  points: number;
  /** Data path of the field the step concerns, so that findings point at the right line of the YAML. */
  path: (string | number)[];
}

/**
 * How an item fares against THE's point rules for its metric: the practice or policy exists (as an
 * achievement of the university, in the data year), evidence is provided, evidence is public, and for
 * policies a date inside the window. Numeric metrics are judged on completeness only (values present,
 * a source given, consistent with the pack's facts): THE normalises them against other universities, so
 * their points cannot be estimated from the pack.
 */
export interface ItemStrength {
  itemId: string;
  file: string;
  owner: string | null;
  /** Share of the question's points this item would earn, 0 to 1 (an estimate from the point rules). */
  share: number;
  /** Points earned and the question's maximum, on THE's scale for the question type (numeric: completeness points). */
  earned: number;
  maxPoints: number;
  shortfalls: Shortfall[];
  /** The shortfalls' messages, kept as plain text for readers of version 1 of the JSON. */
  weaknesses: string[];
  errors: number;
}

export interface ItemAssessmentInput {
  item: EvidenceItem;
  file: string;
  metric: Metric;
  catalogue: Catalogue;
  /** Supporting files the item's references resolved to (pack-relative). */
  resolvedFiles: string[];
  diagnostics: Diagnostic[];
  /** Names of values that contradict an institution fact declared in the pack config. */
  inconsistentValues?: string[];
}

/** Shortfalls that reduce the existence point (as opposed to evidence, public or date points). */
const EXISTENCE_KINDS = new Set<ShortfallKind>(['no_answer', 'partial_answer', 'not_achieved', 'in_progress', 'not_by_university', 'outside_data_year']);

export function assessItem(input: ItemAssessmentInput): ItemStrength {
  const { item, file, metric, catalogue } = input;
  const errors = input.diagnostics.filter((d) => d.file === file && d.severity === 'error').length;
  const urls = Array.isArray(item.public_urls) ? item.public_urls : [];
  const confidential = item.confidential === true;
  const isPublic = urls.length > 0 && !confidential;
  const hasEvidence = input.resolvedFiles.length > 0 || isPublic;
  const shortfalls: Shortfall[] = [];
  const base = { itemId: String(item.id), file, owner: typeof item.owner === 'string' && item.owner.trim() !== '' ? item.owner : null, errors };

  const missingDocs = Array.isArray(item.missing_documents) ? item.missing_documents.filter((d) => d && typeof d.title === 'string') : [];
  const documentsShortfall = (): void => {
    if (missingDocs.length === 0) return;
    shortfalls.push({
      kind: 'documents_missing',
      message: `${missingDocs.length} document(s) named but not provided`,
      step: `attach ${missingDocs.map((d) => `"${d.title}"`).join(', ')}`,
      points: 0,
      path: ['missing_documents'],
    });
  };

  if (metric.kind === 'numeric') {
    // Completeness points, not THE's: values given, a source for them, and agreement with the pack's facts.
    const values = item.values && typeof item.values === 'object' ? item.values : {};
    const missing = (metric.values ?? []).filter((v) => v.required && !(v.name in values)).map((v) => v.name);
    let earned = 3;
    if (missing.length > 0) {
      earned -= 1;
      shortfalls.push({ kind: 'values_missing', message: `named values missing: ${missing.join(', ')}`, step: `give the values ${missing.join(', ')}`, points: 1, path: ['values'] });
    }
    if (!hasEvidence) {
      earned -= 1;
      shortfalls.push({ kind: 'no_evidence', message: 'no source document or URL for the figures', step: 'attach the document the figures come from', points: 1, path: ['values'] });
    }
    const inconsistent = input.inconsistentValues ?? [];
    if (inconsistent.length > 0) {
      earned -= 1;
      shortfalls.push({
        kind: 'values_inconsistent',
        message: `${inconsistent.join(', ')} differ(s) from the institution facts in impact-pack.yaml`,
        step: `use the pack's declared value for ${inconsistent.join(', ')}, or correct the fact`,
        points: 1,
        path: ['values', inconsistent[0]],
      });
    }
    documentsShortfall();
    if (errors > 0) {
      shortfalls.unshift({ kind: 'errors', message: `${errors} error(s) to fix`, step: `fix the ${errors} error(s) that impact-pack validate reports`, points: earned, path: [] });
      earned = 0;
    }
    return finish(base, earned, 3, shortfalls);
  }

  const rule = metric.questionType ? pointRuleFor(catalogue, metric.questionType) : undefined;
  if (metric.questionType === 'date') return assessDateQuestion(input, base, errors, shortfalls, rule?.maxPoints ?? metric.maxPoints ?? 4);

  // Existence: 1 point, graded by the answer for options and measurement questions. The shortfall that takes
  // it to zero is remembered: THE awards nothing else for something that does not exist, so that shortfall
  // costs the evidence, public and date points too.
  let existence = 1;
  let zeroedBy: Shortfall | undefined;
  const loseExistence = (s: Omit<Shortfall, 'points'>, lost: number): void => {
    const shortfall = { ...s, points: Math.min(existence, lost) };
    existence -= shortfall.points;
    if (existence <= 0 && !zeroedBy) {
      existence = 0;
      zeroedBy = shortfall;
    }
    shortfalls.push(shortfall);
  };
  const options = metric.options ?? [];
  if ((metric.questionType === 'options' || metric.questionType === 'measurement') && options.length > 0) {
    const chosen = options.find((o) => o.id === item.answer);
    if (!chosen) {
      loseExistence({ kind: 'no_answer', message: 'no answer chosen', step: `choose an answer: ${options.map((o) => o.id).join(', ')}`, path: ['answer'] }, 1);
    } else if (chosen.points !== undefined) {
      const best = Math.max(...options.map((o) => o.points ?? 0));
      const top = best > 0 ? best : 1;
      const graded = Math.min(1, chosen.points / top);
      if (graded < 1) {
        loseExistence(
          {
            kind: 'partial_answer',
            message: `answer "${chosen.title}" earns ${chosen.points} of ${top} point(s)`,
            step: `extend it so that the answer "${options.find((o) => (o.points ?? 0) === best)?.title ?? 'with full points'}" holds`,
            path: ['answer'],
          },
          1 - graded,
        );
      }
    }
  }
  if (item.progress === 'planned' || item.progress === 'postponed') {
    loseExistence({ kind: 'not_achieved', message: `${item.progress}, not yet achieved`, step: 'report it once it has happened, or remove it', path: ['progress'] }, existence);
  } else if (item.progress === 'in_progress') {
    loseExistence({ kind: 'in_progress', message: 'still in progress', step: 'give what was achieved by the end of the data year', path: ['progress'] }, existence * 0.5);
  }
  if (item.carried_out_by && item.carried_out_by !== 'university' && existence > 0.5) {
    loseExistence(
      {
        kind: 'not_by_university',
        message: `carried out by the ${String(item.carried_out_by).replace(/_/g, ' ')}, not the university as a body`,
        step: "show the university's own part (funding, staff, governance)",
        path: ['carried_out_by'],
      },
      existence - 0.5,
    );
  }
  if (metric.kind !== 'policy' && existence > 0 && outsideDataYear(item, catalogue.windows.dataYear)) {
    loseExistence(
      {
        kind: 'outside_data_year',
        message: `activity outside the data year ${catalogue.windows.dataYear}`,
        step: `give evidence of the activity in ${catalogue.windows.dataYear}`,
        path: ['period'],
      },
      existence,
    );
  }

  const evidence = hasEvidence ? 1 : 0;
  const publicPoint = isPublic ? 1 : 0;
  if (!hasEvidence) {
    shortfalls.push({
      kind: 'no_evidence',
      message: 'no supporting file',
      step: metric.kind === 'policy' ? 'attach the policy' : 'attach the evidence document',
      points: 1,
      path: ['supporting_files'],
    });
  }
  if (confidential) {
    shortfalls.push({ kind: 'confidential', message: 'confidential, so not public', step: 'publish a public summary and add its URL', points: 1, path: ['confidential'] });
  } else if (!isPublic) {
    // A public URL is evidence as well: without any evidence it restores both points.
    shortfalls.push({ kind: 'not_public', message: 'no public URL', step: 'add a public URL', points: hasEvidence ? 1 : 2, path: ['public_urls'] });
  }
  documentsShortfall();

  let datePoint = 0;
  let max = rule?.maxPoints ?? metric.maxPoints ?? 3;
  if (metric.kind === 'policy') {
    max = rule?.maxPoints ?? metric.maxPoints ?? 4;
    const { from, to } = catalogue.windows.policyWindow;
    const dates = [item.policy?.created, item.policy?.last_reviewed].map((d) => parseLooseDate(d));
    const years = dates.flatMap((d) => (d.kind === 'date' ? [d.value.year] : []));
    if (years.some((y) => y >= from && y <= to)) datePoint = 1;
    else if (years.length === 0) {
      shortfalls.push({ kind: 'policy_dates_unknown', message: 'policy dates unknown', step: 'record the creation and review dates', points: 1, path: ['policy'] });
    } else {
      shortfalls.push({
        kind: 'policy_outside_window',
        message: `policy not created or reviewed in ${from}-${to}`,
        step: `review the policy and record the review date (inside ${from}-${to})`,
        points: 1,
        path: ['policy', 'last_reviewed'],
      });
    }
  }
  // THE awards nothing for evidence of something that does not exist (or did not happen in the data year):
  // the other shortfalls then cost nothing more, and the one that removed existence costs everything.
  const wouldEarn = evidence + publicPoint + datePoint;
  let earned = existence > 0 ? existence + wouldEarn : 0;
  if (zeroedBy) {
    for (const s of shortfalls) if (s !== zeroedBy && !EXISTENCE_KINDS.has(s.kind)) s.points = 0;
    zeroedBy.points += wouldEarn;
  }
  if (errors > 0) {
    shortfalls.unshift({ kind: 'errors', message: `${errors} error(s) to fix`, step: `fix the ${errors} error(s) that impact-pack validate reports`, points: earned, path: [] });
    earned = 0;
  }
  return finish(base, earned, max, shortfalls);
}

/** Date questions (13.4.2, carbon neutral by date) are graded by the answer's date band alone. */
function assessDateQuestion(
  input: ItemAssessmentInput,
  base: Pick<ItemStrength, 'itemId' | 'file' | 'owner' | 'errors'>,
  errors: number,
  shortfalls: Shortfall[],
  max: number,
): ItemStrength {
  const options = input.metric.options ?? [];
  const chosen = options.find((o) => o.id === input.item.answer);
  let earned = chosen?.points ?? 0;
  if (!chosen) {
    shortfalls.push({ kind: 'no_answer', message: 'no date band chosen', step: `choose an answer: ${options.map((o) => o.id).join(', ')}`, points: max, path: ['answer'] });
  } else if (earned < max) {
    shortfalls.push({ kind: 'partial_answer', message: `answer "${chosen.title}" earns ${earned} of ${max} points`, step: 'bring the target date forward', points: max - earned, path: ['answer'] });
  }
  if (errors > 0) {
    shortfalls.unshift({ kind: 'errors', message: `${errors} error(s) to fix`, step: `fix the ${errors} error(s) that impact-pack validate reports`, points: earned, path: [] });
    earned = 0;
  }
  return finish(base, earned, max, shortfalls);
}

function finish(base: Pick<ItemStrength, 'itemId' | 'file' | 'owner' | 'errors'>, earned: number, max: number, shortfalls: Shortfall[]): ItemStrength {
  const share = max > 0 ? Math.max(0, Math.min(1, earned / max)) : 0;
  return { ...base, share: round4(share), earned: round4(earned), maxPoints: max, shortfalls, weaknesses: shortfalls.map((s) => s.message) };
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
