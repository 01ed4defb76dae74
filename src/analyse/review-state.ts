import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import { parseIsoDay } from '../model/dates';
import type { ParsedItem } from '../parse/item';
import { locate } from '../parse/yaml-source';
import { itemContentHash } from './content-hash';

/**
 * Where an item stands in review, most urgent first:
 * - flagged: a reviewer left a comment (a review note with an `author`) after the last sign-off;
 * - changed_since_approved: signed off, but the content hash recorded with the sign-off no longer matches;
 * - awaiting_review: not signed off (draft, in review, or marked approved without a sign-off);
 * - approved_unverified: signed off without a content hash (written by hand), so later edits cannot be seen;
 * - approved: signed off, and unchanged since.
 */
export type ReviewStateKind = 'flagged' | 'changed_since_approved' | 'awaiting_review' | 'approved_unverified' | 'approved';

export const REVIEW_STATES: ReviewStateKind[] = ['flagged', 'changed_since_approved', 'awaiting_review', 'approved_unverified', 'approved'];

export interface ReviewComment {
  note: string;
  author: string;
  date: string | null;
}

export interface ReviewEntry {
  itemId: string;
  file: string;
  sdg: number;
  metric: string;
  title: string;
  owner: string | null;
  status: string;
  state: ReviewStateKind;
  /** Hash of the item's content now; what `impact-pack approve` records. */
  contentHash: string;
  signOff: { reviewer: string; date: string; contentHash: string | null } | null;
  /** Open reviewer comments (flags). */
  comments: ReviewComment[];
}

export interface ReviewSummary {
  counts: Record<ReviewStateKind, number>;
  items: ReviewEntry[];
}

/** The review state of every item, and a warning for each flag and each approval that no longer holds. Pure. */
export function assessReviewState(items: ParsedItem[]): { value: ReviewSummary; diagnostics: Diagnostic[] } {
  const entries: ReviewEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const counts = Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<ReviewStateKind, number>;
  for (const p of items) {
    const { item } = p;
    const signOff =
      item.sign_off && typeof item.sign_off === 'object' && typeof item.sign_off.reviewer === 'string'
        ? { reviewer: item.sign_off.reviewer, date: String(item.sign_off.date ?? ''), contentHash: typeof item.sign_off.content_hash === 'string' ? item.sign_off.content_hash : null }
        : null;
    const contentHash = itemContentHash(item);
    const comments = openComments(item.review_notes, signOff?.date);
    let state: ReviewStateKind;
    if (comments.length > 0) state = 'flagged';
    else if (signOff?.contentHash && signOff.contentHash !== contentHash) state = 'changed_since_approved';
    else if (!signOff || item.status !== 'approved') state = 'awaiting_review';
    else if (!signOff.contentHash) state = 'approved_unverified';
    else state = 'approved';
    counts[state]++;
    const entry: ReviewEntry = {
      itemId: String(item.id),
      file: p.file,
      sdg: Number(item.sdg),
      metric: String(item.metric),
      title: typeof item.title === 'string' ? item.title : '',
      owner: typeof item.owner === 'string' && item.owner.trim() !== '' ? item.owner : null,
      status: String(item.status),
      state,
      contentHash,
      signOff,
      comments,
    };
    entries.push(entry);
    const extra = { itemId: entry.itemId, sdg: typeof item.sdg === 'number' ? item.sdg : undefined, metric: typeof item.metric === 'string' ? item.metric : undefined };
    if (signOff?.contentHash && signOff.contentHash !== contentHash) {
      diagnostics.push(
        diagnostic('SIGN_OFF_STALE', `Approved by ${signOff.reviewer} on ${signOff.date}, but the item changed after that sign-off.`, { file: p.file, ...locate(p.source, ['sign_off', 'content_hash']) }, extra),
      );
    }
    if (comments.length > 0) {
      const notes = Array.isArray(item.review_notes) ? item.review_notes : [];
      const first = notes.findIndex((n) => n && typeof n === 'object' && (n as { note?: unknown }).note === comments[0].note);
      diagnostics.push(
        diagnostic(
          'REVIEW_FLAGGED',
          `Flagged by ${comments[0].author}${comments[0].date ? ` on ${comments[0].date}` : ''}: ${comments[0].note}${comments.length > 1 ? ` (and ${comments.length - 1} more comment(s))` : ''}`,
          { file: p.file, ...locate(p.source, first >= 0 ? ['review_notes', first] : ['review_notes']) },
          extra,
        ),
      );
    }
  }
  return { value: { counts, items: entries }, diagnostics };
}

/**
 * Reviewer comments still open: notes written as `{ note, author, date }` (plain-text notes are the
 * coordinator's own remarks for reviewers, not flags). A sign-off dated on or after a comment resolves it, as does
 * a `resolved` date written when the flag is cleared;
 * an undated comment stays open until the item is signed off.
 */
function openComments(notes: unknown, signedOn: string | undefined): ReviewComment[] {
  if (!Array.isArray(notes)) return [];
  const signed = signedOn ? parseIsoDay(signedOn) : undefined;
  const open: ReviewComment[] = [];
  for (const n of notes) {
    if (!n || typeof n !== 'object') continue;
    const { note, author, date, resolved } = n as { note?: unknown; author?: unknown; date?: unknown; resolved?: unknown };
    if (typeof note !== 'string' || typeof author !== 'string' || author.trim() === '') continue;
    // A flag cleared without an approval (the review desk's "clear flag") stays in the file as history.
    if (resolved !== undefined && resolved !== null && resolved !== '') continue;
    const written = typeof date === 'string' ? parseIsoDay(date) : undefined;
    if (signed && (!written || written <= signed)) continue;
    open.push({ note, author, date: typeof date === 'string' ? date : null });
  }
  return open;
}
