import { readAhead } from '../../src/load/read-ahead';

describe('readAhead', () => {
  it('yields results in list order while keeping a bounded number of reads in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const read = async (n: number) => {
      inFlight++;
      most = Math.max(most, inFlight);
      // Later entries finish first, so order must come from readAhead, not from completion.
      await new Promise((r) => setImmediate(r));
      if (n % 2 === 0) await new Promise((r) => setImmediate(r));
      inFlight--;
      return n * 10;
    };
    const out: number[] = [];
    for await (const v of readAhead([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3, read)) out.push(v);
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(most).toBeLessThanOrEqual(3);
    expect(most).toBeGreaterThan(1);
  });

  it('rethrows a failed read at its place in the order', async () => {
    const out: number[] = [];
    const run = async () => {
      for await (const v of readAhead([1, 2, 3], 3, async (n) => {
        if (n === 2) throw new Error('two');
        return n;
      })) out.push(v);
    };
    await expect(run()).rejects.toThrow('two');
    expect(out).toEqual([1]);
  });

  it('handles an empty list', async () => {
    const out: number[] = [];
    for await (const v of readAhead([], 4, async (n: number) => n)) out.push(v);
    expect(out).toEqual([]);
  });
});
