/**
 * The wait a `Retry-After` header asks for, in milliseconds: either a number of seconds or an HTTP date
 * (RFC 9110, section 10.2.3). Undefined when the header is absent or unreadable, so the caller falls
 * back to its own backoff. Pure: the current time is passed in.
 */
export function retryAfterMs(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date always names its month ("Wed, 21 Oct 2026 07:28:00 GMT"); Date.parse would also take "-5".
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Exponential backoff for the n-th retry (1-based): base, 2 × base, 4 × base …, capped. */
export function backoffMs(retry: number, baseMs: number, capMs = 30_000): number {
  return Math.min(capMs, baseMs * 2 ** (retry - 1));
}
