import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { packEdition } from '../../config/pack-edition';
import { CONFIG_FILE } from '../../config/resolve';
import { listEditions, loadCatalogue } from '../../criteria/load';
import { formatCatalogue } from '../../criteria/print';
import { formatHuman } from '../../diagnostics/format-human';
import { EXIT, UsageError, type CliIo } from '../io';
import type { ParsedArgs } from '../args';

export const criteriaCommand = {
  name: 'criteria',
  summary: 'Print THE\'s metrics for the pack\'s edition (or --edition): ids, titles, kinds, weights (confirmed or derived), point and evidence rules with their confidence.',
  usage: 'impact-pack criteria [PACK] [--edition E] [--sdg N] [--format text|json] [--list]',
  options: { edition: { type: 'string' }, sdg: { type: 'string' }, format: { type: 'string' }, list: { type: 'boolean' } },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const editions = listEditions();
    if (args.flags.list) {
      io.stdout.write(`${editions.join('\n')}\n`);
      return EXIT.ok;
    }
    const format = args.values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}".`);
    let sdg: number | undefined;
    if (args.values.sdg !== undefined) {
      sdg = Number(args.values.sdg);
      if (!Number.isInteger(sdg) || sdg < 1 || sdg > 17) throw new UsageError(`--sdg takes a number from 1 to 17, not "${args.values.sdg}".`);
    }
    const edition = args.values.edition ?? (await editionOfPack(io, args.positionals[0])) ?? editions[editions.length - 1] ?? '';
    const cat = loadCatalogue(edition);
    if (!cat.value) {
      io.stderr.write(formatHuman(cat.diagnostics, { colour: false }));
      return EXIT.usage;
    }
    io.stdout.write(formatCatalogue(cat.value, { sdg, format }));
    return EXIT.ok;
  },
};

/**
 * The edition named by the pack's config: the pack given as the first argument (which must be a pack), else
 * the current folder when it holds impact-pack.yaml; undefined when there is no pack to ask (then the newest
 * edition is shown).
 */
async function editionOfPack(io: CliIo, given: string | undefined): Promise<string | undefined> {
  const dir = path.resolve(io.cwd, given ?? '.');
  const configPath = path.join(dir, CONFIG_FILE);
  const text = await readFile(configPath, 'utf8').catch(() => undefined);
  if (text === undefined) {
    if (given === undefined) return undefined;
    const isFolder = (await stat(dir).catch(() => undefined))?.isDirectory() === true;
    throw new UsageError(isFolder ? `${given} holds no ${CONFIG_FILE}; give the path of a pack, or --edition.` : `${given} is not a folder; give the path of a pack, or --edition.`);
  }
  const read = packEdition(text);
  if (!read.value) {
    const shown = path.relative(io.cwd, dir) || '.';
    throw new UsageError(`The edition of the pack in ${shown} cannot be read:\n${formatHuman(read.diagnostics, { colour: false })}`);
  }
  return read.value.edition;
}
