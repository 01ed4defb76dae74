import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE, resolveConfig } from '../../config/resolve';
import { listEditions, loadCatalogue } from '../../criteria/load';
import { formatCatalogue } from '../../criteria/print';
import { formatHuman } from '../../diagnostics/format-human';
import { EXIT, UsageError, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { findPackRoot, packFolder } from '../pack-folder';

export const criteriaCommand = {
  name: 'criteria',
  summary: 'Print THE\'s metrics for the pack\'s edition (or --edition): ids, titles, kinds, weights (confirmed or derived), point and evidence rules with their confidence.',
  usage: 'impact-pack criteria [PACK] [--edition E] [--sdg N] [--format text|json] [--list]',
  /** The pack only chooses the edition: without --edition, the pack's (found as by every command), else the latest. */
  positionals: ['PACK'],
  options: { edition: { type: 'string' }, sdg: { type: 'string' }, format: { type: 'string' }, list: { type: 'boolean' } },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const editions = listEditions();
    if (args.flags.list) {
      io.stdout.write(`${editions.join('\n')}\n`);
      return EXIT.ok;
    }
    const edition = args.values.edition ?? (await packEdition(io, args.positionals[0], editions)) ?? editions[editions.length - 1] ?? '';
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

/**
 * The edition of the pack named on the command line, or of the pack around the current folder. A pack named
 * explicitly must have a readable edition; around the current folder, none simply means the latest edition.
 */
async function packEdition(io: CliIo, given: string | undefined, editions: string[]): Promise<string | undefined> {
  const root = given === undefined ? await findPackRoot(io.cwd) : await packFolder(io, given);
  if (root === undefined) return undefined;
  const text = await readFile(path.join(root, CONFIG_FILE), 'utf8').catch(() => undefined);
  const edition = text === undefined ? undefined : resolveConfig(text, editions, io.env, io.now ?? new Date()).value?.config.edition;
  if (edition === undefined && given !== undefined) {
    throw new UsageError(`${given} has no ${CONFIG_FILE} with a known edition, in it or above it; give --edition instead.`);
  }
  return edition;
}
