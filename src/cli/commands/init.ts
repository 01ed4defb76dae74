import path from 'node:path';
import { listEditions, loadCatalogue } from '../../criteria/load';
import { createPack, InitRefused } from '../../init/create-pack';
import { resolveBuildDate } from '../../config/resolve';
import { editionForNewPack } from '../../init/choose-edition';
import { isoDay } from '../../model/dates';
import { EXIT, UsageError, type CliIo } from '../io';
import type { ParsedArgs } from '../args';

export const initCommand = {
  name: 'init',
  summary: 'Create a new pack on the newest edition whose data year has ended: config, one example item of each kind, and the default templates.',
  usage: 'impact-pack init DIR [--edition E] [--institution NAME]',
  options: { edition: { type: 'string' }, institution: { type: 'string' } },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const dir = args.positionals[0];
    if (!dir) throw new UsageError('init needs the folder to create, e.g. impact-pack init my-pack');
    const editions = listEditions();
    // "Today" as every other command reads it: SOURCE_DATE_EPOCH, else the clock.
    const today = resolveBuildDate(undefined, io.env, io.now ?? new Date());
    if (!today.value) throw new UsageError(today.problem ?? 'The current date cannot be read.');
    const edition = args.values.edition ?? defaultEdition(editions, today.value);
    const cat = loadCatalogue(edition);
    if (!cat.value) throw new UsageError(`Unknown edition "${edition}"; known: ${editions.join(', ')}.`);
    const root = path.resolve(io.cwd, dir);
    try {
      const created = await createPack(root, cat.value, editions, args.values.institution ?? 'Example University', isoDay(today.value));
      io.stdout.write(`Created a pack for ${cat.value.title} (data year ${cat.value.windows.dataYear}) in ${path.relative(io.cwd, root) || '.'}:\n`);
      for (const f of created) io.stdout.write(`  ${f}\n`);
      io.stdout.write(`Next: edit impact-pack.yaml, then run impact-pack validate ${dir} and impact-pack build ${dir}.\n`);
      return EXIT.ok;
    } catch (error) {
      if (error instanceof InitRefused) {
        io.stderr.write(`impact-pack: ${error.message}\n`);
        return EXIT.usage;
      }
      throw error;
    }
  },
};

/** The newest edition whose data year has ended; editions whose catalogue does not load are passed over. */
function defaultEdition(editions: string[], today: Date): string {
  const known = editions.flatMap((edition) => {
    const cat = loadCatalogue(edition).value;
    return cat ? [{ edition, dataYear: cat.windows.dataYear }] : [];
  });
  return editionForNewPack(known, today) ?? editions[editions.length - 1] ?? '';
}
