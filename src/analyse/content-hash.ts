import { createHash } from 'node:crypto';
import type { EvidenceItem } from '../model/item';

/**
 * Fields that record the review of an item rather than its content. They are left out of the hash so that
 * signing off (which writes `status` and `sign_off`) or adding a reviewer's note does not itself make the
 * approval look stale; every other field is what THE would see, so any edit to it does.
 */
const REVIEW_BOOKKEEPING = new Set(['status', 'sign_off', 'review_notes']);

/** Prefix naming the algorithm, so that a later change of algorithm can be told apart from an edit. */
export const CONTENT_HASH_PREFIX = 'sha256:';

/**
 * Hash of an item's content as recorded with a sign-off: SHA-256 over a canonical JSON form (keys sorted
 * at every level), so that re-ordering keys, re-indenting or editing comments does not change it, while
 * any change of a value does.
 */
export function itemContentHash(item: EvidenceItem | Record<string, unknown>): string {
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) if (!REVIEW_BOOKKEEPING.has(key)) content[key] = value;
  return CONTENT_HASH_PREFIX + createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** JSON with object keys in code-point order at every depth; undefined members are dropped as JSON does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
