/**
 * The edition a new pack starts on: the newest one whose data year has ended by `today`, so that its
 * evidence (what happened in the data year) can exist. Before any has ended, the oldest one.
 */
export function editionForNewPack(editions: { edition: string; dataYear: number }[], today: Date): string | undefined {
  const sorted = [...editions].sort((a, b) => a.edition.localeCompare(b.edition));
  const ended = sorted.filter((e) => e.dataYear < today.getUTCFullYear());
  return (ended[ended.length - 1] ?? sorted[0])?.edition;
}
