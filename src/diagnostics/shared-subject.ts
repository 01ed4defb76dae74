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
 * The items sharing one thing, sorted and deduplicated once, so that a file cited by 10,000 items costs one
 * sort and not 10,000 (each message then needs only the first few names).
 */
export class SharedBy {
  private readonly names: string[];
  private readonly members: Set<string>;

  constructor(names: Iterable<string>) {
    this.members = new Set(names);
    this.names = [...this.members].sort();
  }

  /** " Also cited by: a, b and 3 more." for the items other than `self`, or "" when there are none. */
  othersThan(self: string, lead: string): string {
    const shown: string[] = [];
    for (const name of this.names) {
      if (shown.length === OTHERS_NAMED) break;
      if (name !== self) shown.push(name);
    }
    if (shown.length === 0) return '';
    const total = this.names.length - (this.members.has(self) ? 1 : 0);
    const rest = total - shown.length;
    return ` ${lead}: ${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}.`;
  }
}

