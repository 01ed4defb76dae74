import { listEditions, loadCatalogue } from '../../criteria/load';
import { formatCatalogue } from '../../criteria/print';
import { formatHuman } from '../../diagnostics/format-human';
import { EXIT, UsageError, type CliIo } from '../io';
import type { ParsedArgs } from '../args';

export const criteriaCommand = {
  name: 'criteria',
  summary: 'Print THE\'s metrics for an edition: ids, titles, kinds, weights (confirmed or derived), point rules.',
  usage: 'impact-pack criteria [--edition E] [--sdg N] [--format text|json] [--list]',
  positionals: [],
  options: { edition: { type: 'string' }, sdg: { type: 'string' }, format: { type: 'string' }, list: { type: 'boolean' } },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const editions = listEditions();
    if (args.flags.list) {
      io.stdout.write(`${editions.join('\n')}\n`);
      return EXIT.ok;
    }
    const edition = args.values.edition ?? editions[editions.length - 1];
    const format = args.values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}".`);
    let sdg: number | undefined;
    if (args.values.sdg !== undefined) {
      sdg = Number(args.values.sdg);
      if (!Number.isInteger(sdg) || sdg < 1 || sdg > 17) throw new UsageError(`--sdg takes a number from 1 to 17, not "${args.values.sdg}".`);
    }
    const cat = loadCatalogue(edition);
    if (!cat.value) {
      io.stderr.write(formatHuman(cat.diagnostics, { colour: false }));
      return EXIT.usage;
    }
    io.stdout.write(formatCatalogue(cat.value, { sdg, format }));
    return EXIT.ok;
  },
};
