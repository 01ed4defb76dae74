import { formatHuman } from '../../diagnostics/format-human';
import { formatJson } from '../../diagnostics/format-json';
import { countBySeverity } from '../../diagnostics/make';
import { validateIncrementally } from '../../incremental/cached-validation';
import { EXIT, UsageError, useColour, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { packFolder } from '../pack-folder';
import { createProgress } from '../progress';

export const validateCommand = {
  name: 'validate',
  summary: 'Check every evidence item against the criteria and report all problems at once.',
  usage: 'impact-pack validate [PACK] [--format human|json] [--max-warnings N] [--no-cache]',
  options: { format: { type: 'string' }, 'max-warnings': { type: 'string' }, 'no-cache': { type: 'boolean' } },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const format = args.values.format ?? 'human';
    if (format !== 'human' && format !== 'json') throw new UsageError(`--format must be human or json, not "${format}".`);
    const maxWarnings = parseMaxWarnings(args.values['max-warnings']);
    const packDir = await packFolder(io, args.positionals[0]);
    const progress = createProgress(io);
    // An unchanged pack is answered from the last full validation; --no-cache reads and writes no cache at all.
    const result = await validateIncrementally(packDir, { env: io.env, now: io.now, cache: !args.flags['no-cache'], onProgress: progress.update });
    progress.finish();
    io.stdout.write(format === 'json' ? formatJson(result.diagnostics) : formatHuman(result.diagnostics, { colour: useColour(io, io.stdout) }));
    const counts = countBySeverity(result.diagnostics);
    if (counts.error > 0) return EXIT.problems;
    if (maxWarnings !== undefined && counts.warning > maxWarnings) {
      if (format === 'human') io.stderr.write(`impact-pack: ${counts.warning} warning(s), more than --max-warnings ${maxWarnings}.\n`);
      return EXIT.problems;
    }
    return EXIT.ok;
  },
};

export function parseMaxWarnings(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings takes a whole number, not "${text}".`);
  return Number(text);
}
