/**
 * How every view prints the analysis's figures (Markdown, HTML, the PDF/DOCX gap report, `score`, `build`'s
 * summary, and the analysis's own messages): one helper each, so that the same figure reads the same everywhere.
 * The figures themselves are computed once, in the analysis; this file only writes them.
 */

/** "57 %": shares are shown as whole percentages everywhere, which is all the precision they have. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}

/**
 * Points of a score (an estimate, a maximum, a selection's total): whole numbers where THE publishes bands
 * (more precision would pretend to a place in a band), two decimals otherwise.
 */
export function scorePoints(n: number, banded: boolean): string {
  return banded ? String(Math.round(n)) : n.toFixed(2);
}

/** Points an action or a metric puts at stake, at most two decimals, or a dash when not estimable. */
export function stakePoints(points: number | null): string {
  return points === null ? '—' : String(Math.round(points * 100) / 100);
}

/** "1 metric", "3 metrics". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
