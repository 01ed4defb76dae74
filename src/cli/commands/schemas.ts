import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE, resolveConfig } from '../../config/resolve';
import { listEditions, loadCatalogue } from '../../criteria/load';
import { formatHuman } from '../../diagnostics/format-human';
import { generatedSchemas, packSchemas } from '../../schemas/write';
import { EXIT, UsageError, useColour, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { packFolder } from '../pack-folder';

export const schemasCommand = {
  name: 'schemas',
  summary: 'Write (or --check) the JSON Schemas that editors use for the pack\'s files, generated from the criteria catalogue.',
  usage: 'impact-pack schemas [PACK] [--out DIR] [--check] [--all]',
  options: { out: { type: 'string' }, check: { type: 'boolean' }, all: { type: 'boolean' } },
  /**
   * Like every command, it takes the pack first. It writes the schemas the pack's files refer to (its config's
   * and its edition's evidence items') into the pack's schemas/ folder, or into --out DIR; --all writes every
   * edition's and the base schema instead (what this repository keeps under schemas/). --check writes
   * nothing: it compares those files with what this version generates, naming each file missing or out of
   * date (exit 1), and ignores other files in the folder.
   */
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const packDir = await packFolder(io, args.positionals[0]);
    const dir = args.values.out !== undefined ? path.resolve(io.cwd, args.values.out) : path.join(packDir, 'schemas');
    let files: Map<string, string>;
    if (args.flags.all) {
      const generated = generatedSchemas();
      if (generated.diagnostics.length > 0) {
        io.stderr.write(formatHuman(generated.diagnostics, { colour: false }));
        return EXIT.usage;
      }
      files = generated.files;
    } else {
      const forPack = await schemasForPack(packDir, io);
      if (typeof forPack === 'number') return forPack;
      files = forPack;
    }
    const shown = path.relative(io.cwd, dir) || '.';
    if (args.flags.check) {
      const problems: string[] = [];
      for (const [name, text] of files) {
        const current = await readFile(path.join(dir, name), 'utf8').catch(() => undefined);
        if (current === undefined) problems.push(`  ${name}: missing`);
        else if (current !== text) problems.push(`  ${name}: out of date`);
      }
      if (problems.length > 0) {
        io.stderr.write(`Schemas in ${shown}/ that differ from this version of impact-pack:\n${problems.join('\n')}\nRun impact-pack schemas${args.flags.all ? ' --all' : ''} to write them.\n`);
        return EXIT.problems;
      }
      io.stdout.write(`${files.size} schema(s) up to date in ${shown}/: ${[...files.keys()].join(', ')}\n`);
      return EXIT.ok;
    }
    await mkdir(dir, { recursive: true });
    for (const [name, text] of files) await writeFile(path.join(dir, name), text);
    io.stdout.write(`Wrote ${files.size} schema(s) to ${shown}/: ${[...files.keys()].join(', ')}\n`);
    return EXIT.ok;
  },
};

/** The pack's two schemas, from its config's edition; a pack without a usable config gets its diagnostics. */
async function schemasForPack(packDir: string, io: CliIo): Promise<Map<string, string> | number> {
  const text = await readFile(path.join(packDir, CONFIG_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) {
    throw new UsageError(`no ${CONFIG_FILE} in ${path.relative(io.cwd, packDir) || '.'} or the folders above it; give a pack, or --all for every edition's schemas.`);
  }
  const editions = listEditions();
  const config = resolveConfig(text, editions, io.env, io.now ?? new Date());
  if (!config.value) {
    io.stderr.write(formatHuman(config.diagnostics.filter((d) => d.severity === 'error'), { colour: useColour(io, io.stderr) }));
    return EXIT.problems;
  }
  const catalogue = loadCatalogue(config.value.config.edition);
  if (!catalogue.value) {
    io.stderr.write(formatHuman(catalogue.diagnostics, { colour: false }));
    return EXIT.usage;
  }
  return packSchemas(catalogue.value, editions);
}
