import { itemContentHash } from '../analyse/content-hash';
import { applyReviewAction, type ReviewAction } from '../analyse/review-edit';
import { parseItem, type ParsedItem } from '../parse/item';
import { editPackFile, lockPackForEdit } from '../write/evidence-edit';
import { clearFlags } from './clear-flags';
import { setTopLevelField } from './field-edit';

/**
 * The one way an item's review is recorded, by `impact-pack approve` and by the review desk alike: under the
 * pack's edit lock, each file is read again and edited as it is now (so two reviewers at the same time apply
 * one after the other and nothing is lost), backed up into the pack, and replaced atomically.
 *
 * Besides approve, flag and clearing a flag (review bookkeeping: the content hash must not change), the desk sets an item's
 * owner, its relevance and the primary item of an indicator. Owner is bookkeeping too; relevance and primary
 * are what THE reads, so they change the content hash and an earlier sign-off then shows as changed.
 */
export type DeskAction =
  | ReviewAction
  /** The open flags marked resolved (by, date), the comments kept; the item goes back to awaiting review. */
  | { kind: 'clear'; reviewer: string; date: string }
  | { kind: 'owner'; owner: string | null }
  | { kind: 'relevance'; relevance: 'specific' | 'general' | null }
  /** `primary: true` on this item; the other items of the same metric lose theirs. */
  | { kind: 'primary' };

export interface RecordedEdit {
  itemId: string;
  file: string;
  /** The pack-relative path of the copy of the file as it was before. */
  backup: string;
}

export type RecordOutcome = { edits: RecordedEdit[] } | { problem: string; edits: RecordedEdit[] };

/**
 * Applies one action to each target (an approval carries the content hash of the item as it was checked,
 * so that a file edited since is not signed off unseen). Stops at the first problem; the files done before
 * it stay done, and the outcome lists them. Throws OutputLocked when another edit holds the pack for a minute,
 * EditRefused when a backup cannot be written safely.
 */
export async function recordReview(
  packRoot: string,
  targets: ParsedItem[],
  action: DeskAction,
  options: { stamp: string; allItems?: ParsedItem[] },
): Promise<RecordOutcome> {
  const edits: RecordedEdit[] = [];
  const lock = await lockPackForEdit(packRoot);
  try {
    for (const p of targets) {
      const checkedHash = itemContentHash(p.item);
      const outcome = await editPackFile(packRoot, p.file, options.stamp, (current) => editText(p, current, action, checkedHash));
      if ('problem' in outcome) return { problem: outcome.problem, edits };
      edits.push({ itemId: String(p.item.id), file: p.file, backup: outcome.backup });
      if (action.kind === 'primary') {
        // One primary per metric: every other item of the metric marked primary loses the mark.
        const others = (options.allItems ?? []).filter((o) => o !== p && o.item.metric === p.item.metric && o.item.primary === true);
        for (const o of others) {
          const cleared = await editPackFile(packRoot, o.file, options.stamp, (current) => {
            const next = setTopLevelField(current, 'primary', undefined);
            return next === undefined ? { problem: `${o.file} is not laid out as a block of "key: value" lines that can be edited safely` } : { text: next };
          });
          if ('problem' in cleared) return { problem: cleared.problem, edits };
          edits.push({ itemId: String(o.item.id), file: o.file, backup: cleared.backup });
        }
      }
    }
  } finally {
    await lock.release();
  }
  return { edits };
}

function editText(p: ParsedItem, current: string, action: DeskAction, checkedHash: string): { text: string } | { problem: string } {
  const before = parseItem(p.file, current).value;
  if (!before) return { problem: `${p.file} no longer parses; nothing was written` };
  const currentHash = itemContentHash(before.item);
  if (action.kind === 'approve' || action.kind === 'flag') {
    // An approval is for the content that was checked; if the file changed since, approve it again.
    if (action.kind === 'approve' && currentHash !== checkedHash) return { problem: `${p.file} changed while it was being approved; nothing was written. Run approve again` };
    const stamped = action.kind === 'approve' ? { ...action, contentHash: checkedHash } : action;
    const after = applyReviewAction(current, stamped);
    if (after === undefined) return { problem: `${p.file} is not laid out as a block of "key: value" lines that can be edited safely; record the sign-off by hand` };
    // The edit must not change what THE would see: the re-read item has the same content hash.
    const reread = parseItem(p.file, after).value;
    if (!reread || itemContentHash(reread.item) !== currentHash) return { problem: `editing ${p.file} would change its content; nothing was written. This is a bug; please report it` };
    return { text: after };
  }
  if (action.kind === 'clear') {
    const after = clearFlags(current, action.reviewer, action.date);
    if (after === undefined) return { problem: `${p.file} keeps its review notes in a layout that cannot be edited safely; clear the flag by hand` };
    const reread = parseItem(p.file, after).value;
    if (!reread || itemContentHash(reread.item) !== currentHash) return { problem: `editing ${p.file} would change its content; nothing was written. This is a bug; please report it` };
    return { text: after };
  }
  const [key, value] =
    action.kind === 'owner' ? ['owner', action.owner ?? undefined] : action.kind === 'relevance' ? ['relevance', action.relevance ?? undefined] : ['primary', true];
  const after = setTopLevelField(current, key, value);
  if (after === undefined) return { problem: `${p.file} is not laid out as a block of "key: value" lines that can be edited safely; set ${key} by hand` };
  const reread = parseItem(p.file, after).value;
  if (!reread || (reread.item as unknown as Record<string, unknown>)[key] !== value) return { problem: `editing ${p.file} did not give ${key} the value asked for; nothing was written. This is a bug; please report it` };
  return { text: after };
}
