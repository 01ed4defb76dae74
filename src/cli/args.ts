import { parseArgs } from 'node:util';
import { UsageError } from './io';

export interface ParsedArgs {
  values: Record<string, string | undefined>;
  flags: Record<string, boolean>;
  positionals: string[];
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/** util.parseArgs with strict checking, turning its errors into usage errors (exit 2). */
export function parseCommandArgs(argv: string[], options: OptionSpec): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values: Record<string, string | undefined> = {};
  const flags: Record<string, boolean> = {};
  for (const [k, v] of Object.entries(parsed.values)) {
    if (typeof v === 'boolean') flags[k] = v;
    else if (typeof v === 'string') values[k] = v;
  }
  return { values, flags, positionals: parsed.positionals };
}
