/**
 * A budget for one template render. Templates come from the pack, so from pull requests too, and
 * Handlebars will run whatever they say: twelve nested {{#each @root.groups}} are 17^12 loop bodies, and a
 * chain of partials that each call the next twice doubles the output at every link. Without a bound,
 * `build` grows until Node runs out of memory and is killed (measured: 5.2 GB and exit 134).
 *
 * The budget counts work (loop bodies and partial calls), the text they produce, and how deeply loops and
 * partials are nested; passing any limit stops the render with a TemplateBudgetError, which becomes a
 * TEMPLATE_BUDGET diagnostic at the loop or partial that passed it. The limits are far above what a real
 * document needs: the example pack's largest SDG document runs a few hundred loop bodies, nested three deep.
 */
export const TEMPLATE_LIMITS = {
  /** Loop bodies and partial calls in one render. */
  work: 2_000_000,
  /** Characters produced by loop bodies and partials, counted at every level of nesting. */
  outputChars: 200 * 1024 * 1024,
  /** {{#each}} blocks open at the same time. */
  eachDepth: 8,
  /** Partials open at the same time (a partial calling itself). */
  partialDepth: 32,
} as const;

export type TemplateLimits = { [K in keyof typeof TEMPLATE_LIMITS]: number };

export class TemplateBudgetError extends Error {
  readonly lineNumber?: number;
  readonly column?: number;
  constructor(message: string, loc?: { start: { line: number; column: number } }) {
    super(message);
    this.name = 'TemplateBudgetError';
    if (loc) {
      this.lineNumber = loc.start.line;
      this.column = loc.start.column;
    }
  }
}

type Loc = { start: { line: number; column: number } } | undefined;

export class RenderBudget {
  private work = 0;
  private output = 0;
  private eachDepth = 0;
  private partialDepth = 0;

  constructor(private readonly limits: TemplateLimits = TEMPLATE_LIMITS) {}

  /** Runs one {{#each}} block, one level deeper. */
  inEach<T>(loc: Loc, run: () => T): T {
    if (this.eachDepth + 1 > this.limits.eachDepth) {
      throw new TemplateBudgetError(`{{#each}} blocks are nested more than ${this.limits.eachDepth} deep`, loc);
    }
    this.eachDepth++;
    try {
      return run();
    } finally {
      this.eachDepth--;
    }
  }

  /** Runs one partial, one level deeper. */
  inPartial(name: string, run: () => string): string {
    if (this.partialDepth + 1 > this.limits.partialDepth) {
      throw new TemplateBudgetError(`partials call each other more than ${this.limits.partialDepth} deep (the partial ${name} at the limit)`);
    }
    this.partialDepth++;
    try {
      return this.produced(run(), undefined);
    } finally {
      this.partialDepth--;
    }
  }

  /** Counts one loop body or partial call before it runs. */
  step(loc: Loc): void {
    if (++this.work > this.limits.work) {
      throw new TemplateBudgetError(`the template runs more than ${this.limits.work.toLocaleString('en')} loop bodies and partials for one document`, loc);
    }
  }

  /** Counts the text a loop body or partial produced. */
  produced(text: string, loc: Loc): string {
    this.output += text.length;
    if (this.output > this.limits.outputChars) {
      throw new TemplateBudgetError(`the template produces more than ${Math.round(this.limits.outputChars / 1024 / 1024)} MB of text for one document`, loc);
    }
    return text;
  }
}
