import { parseArgs } from 'node:util';
import { UsageError } from './io';
import { didYouMean } from './suggest';

export interface ParsedArgs {
  values: Record<string, string | undefined>;
  flags: Record<string, boolean>;
  positionals: string[];
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/** What a command accepts besides its options: the names of its positional arguments, in order. */
export interface PositionalSpec {
  /** E.g. ['PACK'] for the commands that take a pack folder, [] for none. */
  names: readonly string[];
}

/**
 * util.parseArgs with strict checking, its errors turned into usage errors (exit 2) that name the option and
 * suggest the closest one ("did you mean --format?"), as ESLint and tsc do, instead of the parser's raw text.
 * More positional arguments than the command takes are refused too: `validate . extra` must not quietly
 * validate `.` and ignore the rest.
 */
export function parseCommandArgs(argv: string[], options: OptionSpec, positionals: PositionalSpec = { names: ['PACK'] }): ParsedArgs {
  const all = { ...options, help: { type: 'boolean' as const, short: 'h' } };
  refuseSingleDashWords(argv, all);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: all, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(explainParseError(error as NodeJS.ErrnoException, all));
  }
  if (parsed.positionals.length > positionals.names.length) {
    const extra = parsed.positionals.slice(positionals.names.length);
    const takes =
      positionals.names.length === 0 ? 'takes no argument besides its options' : `takes ${positionals.names.length === 1 ? 'one argument' : `${positionals.names.length} arguments`} (${positionals.names.join(' ')})`;
    throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}${extra.length > 1 ? ` (and ${extra.length - 1} more)` : ''}: this command ${takes}.`);
  }
  const values: Record<string, string | undefined> = {};
  const flags: Record<string, boolean> = {};
  for (const [k, v] of Object.entries(parsed.values)) {
    if (typeof v === 'boolean') flags[k] = v;
    else if (typeof v === 'string') values[k] = v;
  }
  return { values, flags, positionals: parsed.positionals };
}

/**
 * `-format json` would be read by the parser as the short options -f -o -r …, giving a message about "-f".
 * A single dash before a word is a slip for two dashes; name the word and the option it resembles.
 */
function refuseSingleDashWords(argv: string[], options: Record<string, { type: 'string' | 'boolean'; short?: string }>): void {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') return;
    const long = /^--([^=]+)$/.exec(token);
    if (long && options[long[1]]?.type === 'string') {
      i++; // its value may start with a dash
      continue;
    }
    if (/^-[^-\d].+/.test(token)) {
      const typed = token.split('=')[0];
      const suggestion = didYouMean(`-${typed}`, Object.keys(options).map((n) => `--${n}`));
      throw new UsageError(`unknown option ${typed}: long options take two dashes.${suggestion}`);
    }
  }
}

/** The parser's error in our words: which option, what is wrong with it, and the likely intended option. */
function explainParseError(error: NodeJS.ErrnoException, options: Record<string, { type: 'string' | 'boolean'; short?: string }>): string {
  const names = Object.keys(options).map((n) => `--${n}`);
  const quoted = /'([^' ]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const typed = quoted.split('=')[0];
      const suggestion = didYouMean(typed, names);
      return `unknown option ${typed}.${suggestion || ` This command's options: ${names.join(', ')}.`}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = quoted.replace(/^--?/, '');
      if (options[name]?.type === 'string') return `option --${name} needs a value, e.g. --${name} VALUE.`;
      return `option --${name} takes no value; write --${name} alone.`;
    }
    default:
      return error.message;
  }
}
