/**
 * The helpers templates may call, beyond Handlebars' built-in if, unless, each, with and lookup.
 * The set is small and fixed: templates are compiled with knownHelpersOnly, so a helper that is not
 * listed here is a compile error. Helpers are pure (no clock, no files, no environment) so that the
 * same view always renders the same document; they return plain strings, which Handlebars escapes.
 */

/** What Handlebars passes as the last argument of every helper call; only the position is used. */
interface HelperCallOptions {
  loc?: { start: { line: number; column: number } };
}

/** A helper called with the wrong arguments; carries the call's position like Handlebars' own errors. */
export class TemplateHelperError extends Error {
  readonly lineNumber?: number;
  readonly column?: number;

  constructor(message: string, options: HelperCallOptions) {
    super(message);
    this.name = 'TemplateHelperError';
    if (options.loc) {
      this.lineNumber = options.loc.start.line;
      this.column = options.loc.start.column;
    }
  }
}

type HelperBody = (args: unknown[], fail: (message: string) => never) => string;

function defineHelper(name: string, usage: string, arity: number, body: HelperBody): (...args: unknown[]) => string {
  return (...args: unknown[]): string => {
    const options = (args.pop() ?? {}) as HelperCallOptions;
    const fail = (message: string): never => {
      throw new TemplateHelperError(`${name}: ${message} (usage: ${usage})`, options);
    };
    if (args.length !== arity) fail(`expects ${arity} argument${arity === 1 ? '' : 's'}, got ${args.length}`);
    return body(args, fail);
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** {{date buildDate}}: "2021-11-01" becomes "1 November 2021", unambiguous for readers everywhere. */
const date = defineHelper('date', '{{date "YYYY-MM-DD"}}', 1, ([value], fail) => {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return fail(`expects a date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return fail(`${value} is not a calendar date`);
  }
  return `${day} ${MONTHS[month - 1]} ${year}`;
});

/** {{join citedBy ", "}}: a list of short strings on one line. An absent list gives an empty string. */
const join = defineHelper('join', '{{join list ", "}}', 2, ([list, separator], fail) => {
  if (typeof separator !== 'string') return fail('the separator must be a string');
  if (list === undefined || list === null) return '';
  if (!Array.isArray(list)) return fail('expects a list');
  return list
    .map((entry) => (typeof entry === 'string' || typeof entry === 'number' ? String(entry) : fail('the list may hold only strings and numbers')))
    .join(separator);
});

/** {{plural summary.items "item" "items"}}: "1 item", "12 items". */
const plural = defineHelper('plural', '{{plural count "item" "items"}}', 3, ([count, one, many], fail) => {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return fail(`expects a whole number, got ${JSON.stringify(count)}`);
  if (typeof one !== 'string' || typeof many !== 'string') return fail('the two word forms must be strings');
  return `${count} ${count === 1 ? one : many}`;
});

/** Hex digits kept by shortHash: enough to tell files apart by eye; the appendix prints the full hash. */
export const SHORT_HASH_LENGTH = 12;

/** {{shortHash sha256}}: the first 12 hex digits of a SHA-256, for tables where the full hash does not fit. */
const shortHash = defineHelper('shortHash', '{{shortHash sha256}}', 1, ([hash], fail) => {
  if (typeof hash !== 'string' || !/^[0-9a-fA-F]+$/.test(hash) || hash.length < SHORT_HASH_LENGTH) {
    return fail(`expects a hexadecimal hash, got ${JSON.stringify(hash)}`);
  }
  return hash.slice(0, SHORT_HASH_LENGTH).toLowerCase();
});

export const TEMPLATE_HELPERS: Readonly<Record<string, (...args: unknown[]) => string>> = { date, join, plural, shortHash };
