/**
 * Maps over a list with at most `limit` calls in flight, keeping the results in input order, so that
 * hashing a pack of a thousand PDFs neither runs one file at a time nor opens a thousand files at once.
 */
export async function mapWithConcurrency<T, R>(list: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(list.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < list.length) {
      const index = next++;
      results[index] = await fn(list[index], index);
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(limit, list.length)) }, () => worker());
  await Promise.all(workers);
  return results;
}
