import type { ProgressEvent } from '../pipeline/load-pack';
import type { CliIo } from './io';

/** A progress line for long runs: drawn on stderr, only on a terminal, never in CI. */
export interface Progress {
  /** Passed as a pipeline's `onProgress`. */
  update(event: ProgressEvent): void;
  /** Clears the line, so that what follows starts on a clean one. */
  finish(): void;
}

const LABELS: Record<ProgressEvent['phase'], string> = {
  items: 'Parsing items',
  files: 'Hashing supporting files',
  documents: 'Rendering documents',
};
const BAR_WIDTH = 24;
/** Nothing is drawn before this: a run that ends sooner would only flicker. */
const QUIET_START_MS = 400;
/** Redraws are at most this often; the pipeline reports every item. */
const REDRAW_MS = 80;

/** CI services set CI (GitHub Actions, GitLab, CircleCI, Travis…); its logs keep every carriage return as a line. */
export function isCi(env: CliIo['env']): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * A progress bar on stderr when stderr is a terminal (not TERM=dumb), CI is not set and the command was not
 * asked to be quiet; otherwise an object that does nothing, so that callers never test for it. `clock` is
 * injectable so that tests do not depend on time.
 */
export function createProgress(io: Pick<CliIo, 'stderr' | 'env'>, options: { quiet?: boolean; clock?: () => number } = {}): Progress {
  // TERM=dumb: a terminal that cannot erase a line (\x1b[K), so the bar would pile up as garbage.
  if (options.quiet || io.stderr.isTTY !== true || isCi(io.env) || io.env.TERM === 'dumb') return { update: () => undefined, finish: () => undefined };
  const clock = options.clock ?? (() => performance.now());
  const startedAt = clock();
  let lastDrawAt = -Infinity;
  let drawn = false;
  return {
    update(event) {
      const now = clock();
      if (now - startedAt < QUIET_START_MS) return;
      const complete = event.done >= event.total;
      if (!complete && now - lastDrawAt < REDRAW_MS) return;
      lastDrawAt = now;
      drawn = true;
      io.stderr.write(`\r${progressLine(event)}\x1b[K`);
    },
    finish() {
      if (drawn) io.stderr.write('\r\x1b[K');
      drawn = false;
    },
  };
}

/** One line: what is being done, a bar, and the count. Pure. */
export function progressLine(event: ProgressEvent): string {
  const share = event.total > 0 ? Math.min(1, event.done / event.total) : 1;
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `${'='.repeat(filled)}${filled < BAR_WIDTH ? '>' : ''}${' '.repeat(Math.max(0, BAR_WIDTH - filled - 1))}`;
  const count = `${event.done.toLocaleString('en-GB')}/${event.total.toLocaleString('en-GB')}`;
  return `${LABELS[event.phase]} [${bar}] ${count} (${Math.floor(share * 100)}%)`;
}
