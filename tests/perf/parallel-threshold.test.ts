import { PARALLEL_FROM_ITEMS, parallelFromItems } from '../../src/pipeline/item-workers';

describe('the item count from which a worker thread reads half the items', () => {
  it.each([
    [undefined, PARALLEL_FROM_ITEMS],
    ['600', 600],
    [' 1 ', 1],
    ['0', PARALLEL_FROM_ITEMS],
    ['-5', PARALLEL_FROM_ITEMS],
    ['1e3', PARALLEL_FROM_ITEMS],
    ['many', PARALLEL_FROM_ITEMS],
    ['', PARALLEL_FROM_ITEMS],
  ])('IMPACT_PACK_PARALLEL_FROM_ITEMS=%p gives %p', (value, expected) => {
    expect(parallelFromItems(value === undefined ? {} : { IMPACT_PACK_PARALLEL_FROM_ITEMS: value })).toBe(expected);
  });
});
