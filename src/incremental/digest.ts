import { createHash } from 'node:crypto';

/**
 * Content hashes for the incremental machinery. Every decision to reuse earlier work compares digests
 * of what that work was made from, never timestamps alone.
 */

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * JSON with object keys sorted at every level and Maps written as sorted objects, so that the same data
 * gives the same text (and the same digest) however it was assembled.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortedCopy(value));
}

function sortedCopy(value: unknown): unknown {
  if (value instanceof Map) return sortedCopy(Object.fromEntries(value));
  if (value instanceof Set) return [...value].map(sortedCopy);
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) return sha256(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortedCopy(v);
    }
    return out;
  }
  return value;
}

/** The digest of any JSON-like value, independent of key order. */
export function digestOf(value: unknown): string {
  return sha256(stableJson(value));
}
