import path from 'node:path';
import { printable } from '../../diagnostics/escape-terminal';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { formatHuman } from '../../diagnostics/format-human';
import { countBySeverity } from '../../diagnostics/make';
import { describeOutcomes } from '../../incremental/outcome-summary';
import { watchPack, type WatchCycle } from '../../incremental/watch-session';
import { EXIT, UsageError, useColour, version, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { packFolder } from '../pack-folder';
import { parseFormats } from './build';

/** A diagnostic's identity across cycles: the same problem at the same place is not printed twice. */
const identity = (d: Diagnostic) => `${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`;

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

    let shown = new Set<string>();
    let lastErrors = 0;
    const onCycle = (cycle: WatchCycle) => {
      const counts = countBySeverity(cycle.diagnostics);
      lastErrors = counts.error;
      const current = new Set(cycle.diagnostics.map(identity));
      const appeared = cycle.diagnostics.filter((d) => !shown.has(identity(d)));
      const fixed = [...shown].filter((k) => !current.has(k)).length;
      shown = current;
      const what = cycle.number === 1 ? 'checked' : `${cycle.changed.length > 0 ? cycle.changed.join(', ') : 'a file'} changed`;
      io.stdout.write(`[${clock()}] ${printable(what)}\n`);
      if (appeared.length > 0) io.stdout.write(formatHuman(appeared, { colour }));
      const parts = [`${counts.error} error(s), ${counts.warning} warning(s)`];
      if (cycle.number > 1) parts.push(`${appeared.length} new, ${fixed} fixed`);
      io.stdout.write(`  ${parts.join(' · ')}\n`);
      if (cycle.build) {
        if (cycle.build.written.length > 0) {
          io.stdout.write(`  Built ${cycle.build.sdgs.length} SDG document(s) in ${rel(outDir)}/\n`);
          const incremental = describeOutcomes(cycle.build.documents ?? []);
          if (incremental) io.stdout.write(`  ${incremental}\n`);
        } else {
          io.stdout.write(`  Nothing was written${cycle.build.outputError ? `: ${printable(cycle.build.outputError)}` : ''}; the previous output is unchanged.\n`);
        }
      }
    };

    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    io.stdout.write(`Watching ${rel(packDir)} for changes (Ctrl-C to stop).\n`);
    try {
      await watchPack(packDir, {
        signal: controller.signal,
        load: { env: io.env, now: io.now },
        build: noBuild ? undefined : { outDir, formats, version: version(), env: io.env, now: io.now },
        onCycle,
        onError: (error) => io.stderr.write(`impact-pack watch: ${printable(error.message)}\n`),
      });
    } finally {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
    }
    io.stdout.write('Stopped watching.\n');
    return lastErrors > 0 ? EXIT.problems : EXIT.ok;
  },
};
