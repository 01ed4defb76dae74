import { backoffMs, retryAfterMs } from '../../src/urls/retry-after';

describe('Retry-After and backoff', () => {
  const now = Date.parse('2026-11-02T10:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Mon, 02 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 02 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
  });
  it('doubles the backoff per retry up to a cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 500))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffMs(20, 500)).toBe(30_000);
  });
});
