import { editionForNewPack } from '../../src/init/choose-edition';

const EDITIONS = [
  { edition: '2022', dataYear: 2020 },
  { edition: '2027', dataYear: 2025 },
  { edition: '2024', dataYear: 2022 },
  { edition: '2026', dataYear: 2024 },
];

describe('the edition a new pack starts on', () => {
  it.each([
    ['2026-12-06', '2027'],
    ['2026-01-01', '2027'],
    ['2025-12-31', '2026'],
    ['2023-06-01', '2024'],
    ['2019-01-01', '2022'],
  ])('on %s: %s', (day, expected) => {
    expect(editionForNewPack(EDITIONS, new Date(`${day}T00:00:00Z`))).toBe(expected);
  });

  it('is undefined when there is no edition at all', () => {
    expect(editionForNewPack([], new Date('2026-12-06T00:00:00Z'))).toBeUndefined();
  });
});
