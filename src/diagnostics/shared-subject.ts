/**
 * The one rule for a diagnostic about how several items use one thing (the same supporting file, public URL,
 * institution fact or id): it is reported on every item concerned, at that item's own reference, and its
 * message names the other items. Each owner then sees it in their own file, and nobody has to guess which
 * item the tool picked. A problem in the thing itself (an orphan file, a file changed during a build) stays
 * on the thing. docs/diagnostics.md states the rule (src/diagnostics/docs.ts).
 */

/** How many other items a message names before it only counts the rest. */
export const OTHERS_NAMED = 5;

/**
 * " Also concerns: a, b and 3 more." for the items other than `self`, or "" when there are none.
 * Names are deduplicated and sorted so that the message is the same on every run.
 */
export function othersSentence(lead: string, names: readonly string[], self: string): string {
  const others = [...new Set(names)].filter((n) => n !== self).sort();
  if (others.length === 0) return '';
  const shown = others.slice(0, OTHERS_NAMED).join(', ');
  const rest = others.length - OTHERS_NAMED;
  return ` ${lead}: ${shown}${rest > 0 ? ` and ${rest} more` : ''}.`;
}
