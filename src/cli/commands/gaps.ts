import path from 'node:path';
import { analyseGaps } from '../../analyse/gaps';
import { formatHuman } from '../../diagnostics/format-human';
import { loadPack } from '../../pipeline/load-pack';
import { gapReportMarkdown } from '../../report/gap-markdown';
import { EXIT, UsageError, useColour, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { packFolder } from '../pack-folder';

export const gapsCommand = {
  name: 'gaps',
  summary: 'Print the gap report: per SDG and metric what is complete, partial or missing, and eligibility.',
  usage: 'impact-pack gaps [PACK] [--format md|json]',
  options: { format: { type: 'string' } },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const format = args.values.format ?? 'md';
    if (format !== 'md' && format !== 'json') throw new UsageError(`--format must be md or json, not "${format}".`);
    const packDir = await packFolder(io, args.positionals[0]);
    const loaded = await loadPack(packDir, { env: io.env, now: io.now });
    if (!loaded.pack) {
      io.stderr.write(formatHuman(loaded.diagnostics, { colour: useColour(io, io.stderr) }));
      return EXIT.problems;
    }
    const { pack } = loaded;
    const report = analyseGaps(pack.catalogue, pack.settings, pack.items, pack.files, loaded.diagnostics);
    io.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : gapReportMarkdown(report));
    return EXIT.ok;
  },
};
