import path from 'node:path';
import { printable } from '../../diagnostics/escape-terminal';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { formatHuman } from '../../diagnostics/format-human';
import { countBySeverity } from '../../diagnostics/make';
import { WatcherUnavailable } from '../../incremental/file-watcher';
import { describeOutcomes } from '../../incremental/outcome-summary';
import { watchPack, type WatchCycle, type WatchValidation } from '../../incremental/watch-session';
import { OutputRefused } from '../../write/output-errors';
import { EXIT, UsageError, useColour, version, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { packFolder } from '../pack-folder';
import { parseFormats } from './build';

/** A diagnostic's identity across cycles: the same problem at the same place is not printed twice. */
const identity = (d: Diagnostic) => `${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`;

/** What was shown last time, and what of it is still there: the problems that appeared, and how many went. */
class ShownProblems {
  private shown = new Set<string>();
  update(diagnostics: Diagnostic[]): { appeared: Diagnostic[]; fixed: number } {
    const current = new Set(diagnostics.map(identity));
    const appeared = diagnostics.filter((d) => !this.shown.has(identity(d)));
    const fixed = [...this.shown].filter((k) => !current.has(k)).length;
    this.shown = current;
    return { appeared, fixed };
  }
}

export const watchCommand = {
  name: 'watch',
  summary: 'Validate and build, then again each time a file of the pack is saved, printing new problems as they appear.',
  usage: 'impact-pack watch [PACK] [--out DIR] [--formats pdf,docx,html] [--no-build]',
  options: { out: { type: 'string' }, formats: { type: 'string' }, 'no-build': { type: 'boolean' } },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const packDir = await packFolder(io, args.positionals[0]);
    const noBuild = args.flags['no-build'] === true;
    if (noBuild && (args.values.out !== undefined || args.values.formats !== undefined)) {
      throw new UsageError('--out and --formats choose what is built; leave them out with --no-build.');
    }
    const outDir = path.resolve(io.cwd, args.values.out ?? path.join(packDir, 'out'));
    const formats = parseFormats(args.values.formats);
    const colour = useColour(io, io.stdout);
    const rel = (p: string) => path.relative(io.cwd, p) || '.';
    const clock = () => (io.now ?? new Date()).toTimeString().slice(0, 8);

    // The pack's problems are compared with the previous cycle's as soon as they are known; those found
    // while rendering (a missing glyph, a template) only after the build, each with its own kind.
    const checked = new ShownProblems();
    const rendered = new ShownProblems();
    let validatedNow: Set<string> = new Set();
    let lastErrors = 0;
    const onValidated = (v: WatchValidation) => {
      const counts = countBySeverity(v.diagnostics);
      lastErrors = counts.error;
      validatedNow = new Set(v.diagnostics.map(identity));
      const { appeared, fixed } = checked.update(v.diagnostics);
      const what = v.number === 1 ? 'checked' : `${v.changed.length > 0 ? v.changed.join(', ') : 'a file'} changed`;
      io.stdout.write(`[${clock()}] ${printable(what)}\n`);
      if (appeared.length > 0) io.stdout.write(formatHuman(appeared, { colour }));
      const parts = [`${counts.error} error(s), ${counts.warning} warning(s)`];
      if (v.number > 1) parts.push(`${appeared.length} new, ${fixed} fixed`);
      io.stdout.write(`  ${parts.join(' · ')}\n`);
    };
    const onCycle = (cycle: WatchCycle) => {
      if (!cycle.build) return;
      const renderProblems = cycle.diagnostics.filter((d) => !validatedNow.has(identity(d)));
      const { appeared } = rendered.update(renderProblems);
      if (appeared.length > 0) io.stdout.write(formatHuman(appeared, { colour }));
      lastErrors = countBySeverity(cycle.diagnostics).error;
      if (cycle.build.written.length > 0) {
        io.stdout.write(`  Built ${cycle.build.sdgs.length} SDG document(s) in ${rel(outDir)}/\n`);
        const incremental = describeOutcomes(cycle.build.documents ?? []);
        if (incremental) io.stdout.write(`  ${incremental}\n`);
      } else {
        const why = cycle.build.outputError ? `: ${printable(cycle.build.outputError)}` : cycle.build.blocked ? ' (the pack has errors)' : '';
        io.stdout.write(`  Nothing was written${why}; the previous output is unchanged.\n`);
      }
    };

    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      await watchPack(packDir, {
        signal: controller.signal,
        load: { env: io.env, now: io.now },
        build: noBuild ? undefined : { outDir, formats, version: version(), env: io.env, now: io.now },
        onLocked: (notes) => notes.forEach((note) => io.stderr.write(`impact-pack watch: ${note}\n`)),
        onWatching: () => io.stdout.write(`Watching ${rel(packDir)} for changes (Ctrl-C to stop).\n`),
        onValidated,
        onCycle,
        onError: (error) => io.stderr.write(`impact-pack watch: ${printable(error.message)}\n`),
      }).then(undefined, (error: unknown) => {
        if (error instanceof OutputRefused || error instanceof WatcherUnavailable) throw new WatchRefused(error.message);
        throw error;
      });
    } catch (error) {
      if (!(error instanceof WatchRefused)) throw error;
      io.stderr.write(`impact-pack watch: ${error.message}\n`);
      return EXIT.usage;
    } finally {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
    }
    io.stdout.write('Stopped watching.\n');
    return lastErrors > 0 ? EXIT.problems : EXIT.ok;
  },
};

class WatchRefused extends Error {}
