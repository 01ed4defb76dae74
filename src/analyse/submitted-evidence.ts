/**
 * Which items go to THE, and why the others do not: the one decision behind the submission documents and the
 * portal answers, so that the two can never disagree. Pure.
 *
 * Left out of everything THE receives:
 * - confidential items (docs/evidence-format.md: evidence that must never be public);
 * - items that only record that a metric is not applicable or not pursued (they hold no evidence);
 * - where the edition reads one piece of evidence per indicator (`evidence.perIndicator: 1` in the catalogue) and
 *   items of the metric are marked `primary: true`, the items not so marked. With none marked, every item stays in:
 *   choosing for the office is not the tool's call, and the validator points out the missing mark.
 */
import type { Catalogue } from '../criteria/types';
import type { EvidenceItem } from '../model/item';

export interface SubmissionChoice {
  /** Items the submission shows. */
  shown: Set<EvidenceItem>;
  /** Items left out, with the reason in words the office reads. */
  leftOut: Map<EvidenceItem, string>;
}

const NOT_EVIDENCE: Record<string, string> = {
  not_applicable: 'it records that the metric is not applicable',
  not_pursuing: 'it records that the metric is not pursued',
};

export function submissionChoice(catalogue: Catalogue, items: readonly EvidenceItem[]): SubmissionChoice {
  const shown = new Set<EvidenceItem>();
  const leftOut = new Map<EvidenceItem, string>();
  const candidates: EvidenceItem[] = [];
  for (const item of items) {
    if (item.confidential === true) leftOut.set(item, 'it is confidential');
    else if (NOT_EVIDENCE[String(item.status)]) leftOut.set(item, NOT_EVIDENCE[String(item.status)]);
    else candidates.push(item);
  }
  const onePerIndicator = catalogue.evidence?.perIndicator === 1;
  const metricsWithPrimary = new Set(candidates.filter((it) => it.primary === true).map((it) => `${it.sdg}|${it.metric}`));
  for (const item of candidates) {
    if (onePerIndicator && metricsWithPrimary.has(`${item.sdg}|${item.metric}`) && item.primary !== true) {
      leftOut.set(item, `the ${catalogue.edition} edition reads one piece of evidence per indicator and another item is marked primary`);
    } else {
      shown.add(item);
    }
  }
  return { shown, leftOut };
}
