/**
 * The portal answers as CSV: one row per piece of evidence (an indicator without evidence gets one row with the
 * evidence columns empty), in THE's order. RFC 4180 with a byte-order mark, so that Excel opens accents intact;
 * formula injection is guarded by the same field writer as the traceability exports.
 */
import { toCsv } from '../report/trace-csv';
import type { PortalAnswers } from './answers';

const HEADER = [
  'sdg',
  'indicator',
  'indicator_title',
  'statement',
  'evidence_url',
  'file_to_upload',
  'public',
  'policy_created',
  'policy_reviewed',
  'description',
  'description_characters',
  'over_limit',
  'item_id',
  'item_file',
];

export function portalAnswersCsv(answers: PortalAnswers): string {
  const rows: string[][] = [HEADER];
  for (const sdg of answers.sdgs) {
    for (const ind of sdg.indicators) {
      const base = [String(sdg.sdg), ind.indicator, ind.title, ind.statement];
      if (ind.evidence.length === 0) rows.push([...base, ...HEADER.slice(base.length).map(() => '')]);
      for (const e of ind.evidence) {
        rows.push([
          ...base,
          e.url ?? '',
          e.upload?.name ?? '',
          e.public ? 'yes' : 'no',
          e.policyCreated ?? '',
          e.policyReviewed ?? '',
          e.description,
          String(e.descriptionLength),
          e.overLimit ? 'yes' : 'no',
          e.itemId,
          e.itemFile,
        ]);
      }
    }
  }
  return `\ufeff${toCsv(rows)}`;
}

/** portal/answers.json: the answers as data, keys in a fixed order, for scripts. */
export function portalAnswersJson(answers: PortalAnswers): string {
  return `${JSON.stringify(answers, null, 2)}\n`;
}
