import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatHuman } from '../../diagnostics/format-human';
import { generatedSchemas } from '../../schemas/write';
import { EXIT, type CliIo } from '../io';
import type { ParsedArgs } from '../args';

export const schemasCommand = {
  name: 'schemas',
  summary: 'Write (or --check) the JSON Schemas that editors use, generated from the criteria catalogue.',
  usage: 'impact-pack schemas [DIR] [--check]',
  options: { check: { type: 'boolean' } },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const dir = path.resolve(io.cwd, args.positionals[0] ?? 'schemas');
    const { files, diagnostics } = generatedSchemas();
    if (diagnostics.length > 0) {
      io.stderr.write(formatHuman(diagnostics, { colour: false }));
      return EXIT.usage;
    }
    if (args.flags.check) {
      const stale: string[] = [];
      for (const [name, text] of files) {
        const current = await readFile(path.join(dir, name), 'utf8').catch(() => undefined);
        if (current !== text) stale.push(name);
      }
      if (stale.length > 0) {
        io.stderr.write(`Out of date: ${stale.join(', ')}. Run impact-pack schemas to regenerate.\n`);
        return EXIT.problems;
      }
      io.stdout.write(`${files.size} schema(s) up to date in ${dir}.\n`);
      return EXIT.ok;
    }
    await mkdir(dir, { recursive: true });
    for (const [name, text] of files) await writeFile(path.join(dir, name), text);
    io.stdout.write(`Wrote ${files.size} schema(s) to ${dir}: ${[...files.keys()].join(', ')}\n`);
    return EXIT.ok;
  },
};
