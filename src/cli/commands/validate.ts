import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { formatHuman } from '../../diagnostics/format-human';
import { formatJson } from '../../diagnostics/format-json';
import { countBySeverity } from '../../diagnostics/make';
import { validateIncrementally } from '../../incremental/cached-validation';
import { gapReportGithub } from '../../report/github-annotations';
import { diagnosticsJunit } from '../../report/junit';
import { diagnosticsSarif } from '../../report/sarif';
import { EXIT, UsageError, useColour, version, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { packFolder } from '../pack-folder';
import { createProgress } from '../progress';
import { didYouMean } from '../suggest';

/** The formats for diagnostics, the same for `validate` and (besides the report's own) for `gaps`. */
export const DIAGNOSTIC_FORMATS = ['human', 'json', 'sarif', 'junit', 'github'] as const;
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

export const validateCommand = {
  name: 'validate',
  summary: 'Check every evidence item against the criteria and report all problems at once.',
  usage: 'impact-pack validate [PACK] [--format human|json|sarif|junit|github] [--max-warnings N] [--no-cache]',
  options: { format: { type: 'string' }, 'max-warnings': { type: 'string' }, 'no-cache': { type: 'boolean' } },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const format = parseDiagnosticFormat(args.values.format ?? 'human', DIAGNOSTIC_FORMATS);
    const maxWarnings = parseMaxWarnings(args.values['max-warnings']);
    const packDir = await packFolder(io, args.positionals[0]);
    const progress = createProgress(io);
    // An unchanged pack is answered from the last full validation; --no-cache reads and writes no cache at all.
    const result = await validateIncrementally(packDir, { env: io.env, now: io.now, cache: !args.flags['no-cache'], onProgress: progress.update });
    progress.finish();
    io.stdout.write(formatDiagnostics(format, result.diagnostics, io, packDir));
    const counts = countBySeverity(result.diagnostics);
    if (counts.error > 0) return EXIT.problems;
    if (maxWarnings !== undefined && counts.warning > maxWarnings) {
      if (format === 'human') io.stderr.write(`impact-pack: ${counts.warning} warning(s), more than --max-warnings ${maxWarnings}.\n`);
      return EXIT.problems;
    }
    return EXIT.ok;
  },
};

export function parseDiagnosticFormat<F extends string>(text: string, formats: readonly F[]): F {
  if (!formats.includes(text as F)) throw new UsageError(`--format must be one of ${formats.join(', ')}, not "${text}".${didYouMean(text, formats)}`);
  return text as F;
}

/**
 * Diagnostics in one of the shared formats. Paths in SARIF, JUnit and GitHub annotations are prefixed with
 * the pack's folder relative to where the command runs (the repository root in CI), as `gaps` does.
 */
export function formatDiagnostics(format: DiagnosticFormat, diagnostics: Diagnostic[], io: CliIo, packDir: string): string {
  const pathPrefix = path.relative(io.cwd, packDir).split(path.sep).join('/');
  switch (format) {
    case 'human':
      return formatHuman(diagnostics, { colour: useColour(io, io.stdout) });
    case 'json':
      return formatJson(diagnostics);
    case 'sarif':
      return diagnosticsSarif(diagnostics, { pathPrefix, toolVersion: version() });
    case 'junit':
      return diagnosticsJunit(diagnostics, { pathPrefix });
    case 'github':
      return gapReportGithub(diagnostics, { pathPrefix });
  }
}

export function parseMaxWarnings(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings takes a whole number, not "${text}".`);
  return Number(text);
}
