import type { EvidenceItem } from '../model/item';

/**
 * Items that answer THE's question: everything except the ones the coordinator marked as not applicable or
 * not pursued (they document a decision, not evidence), so the rules about what THE reads skip those.
 */
export function answersTheQuestion(item: EvidenceItem): boolean {
  return item.status !== 'not_applicable' && item.status !== 'not_pursuing';
}
