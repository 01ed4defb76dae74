
/**
 * The known word closest to a mistyped one, when it is close enough to be a likely slip: at most a third of
 * its letters differ (at least one), as in `--formt` for `--format`, `valdate` for `validate`. A word that
 * only starts another (`--form`) counts as close too.
 */
export function closest(typed: string, known: readonly string[]): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const word of known) {
    const distance = word.startsWith(typed) && typed.length >= 3 ? 0.5 : typingDistance(typed, word);
    if (!best || distance < best.distance) best = { word, distance };
  }
  if (!best) return undefined;
  return best.distance <= Math.max(1, Math.floor(typed.length / 3)) ? best.word : undefined;
}

/** " Did you mean X?" or nothing, for the end of a usage message. */
export function didYouMean(typed: string, known: readonly string[], show: (word: string) => string = (w) => w): string {
  const word = closest(typed, known);
  return word === undefined ? '' : ` Did you mean ${show(word)}?`;
}

/**
 * Edits between two words, a swap of neighbouring letters counting as one (the optimal string alignment
 * distance): `biuld` is one slip from `build`, not two.
 */
export function typingDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
