/**
 * A heading must not end a page, and should not be left with a line or two either: a metric's heading at the
 * foot of a page with its "nothing submitted" note overleaf reads as two unrelated things. So a heading is kept
 * on one page with at least KEPT_AFTER_HEADING of what follows it (about three lines of body text), across as
 * many slices as that takes, by chaining keepWithNext. The paginator drops a chain taller than a page, so this
 * can never push content off the page.
 */
import type { Slice } from './flow-types';
import { TEXT } from './typography';

/** Height of the content that has to follow a heading on its page. */
export const KEPT_AFTER_HEADING = 3 * TEXT.body.lineHeight;

/**
 * @param runs each block's slices, in document order, with whether the block is a heading; undefined for a
 *   block that is not a run of slices (a page break, the contents, merged pages), which ends any chain.
 */
export function keepContentWithHeadings(runs: readonly ({ heading: boolean; slices: readonly Slice[] } | undefined)[]): void {
  runs.forEach((run, index) => {
    if (!run?.heading || run.slices.length === 0) return;
    let previous = run.slices[run.slices.length - 1];
    let kept = 0;
    for (let next = index + 1; next < runs.length && kept < KEPT_AFTER_HEADING; next++) {
      const following = runs[next];
      if (!following) return;
      for (const slice of following.slices) {
        if (kept >= KEPT_AFTER_HEADING) return;
        previous.keepWithNext = true;
        kept += slice.height;
        previous = slice;
      }
    }
  });
}
