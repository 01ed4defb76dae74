import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatHuman } from '../../diagnostics/format-human';
import { loadPack } from '../../pipeline/load-pack';
import { packToRows } from '../../workbook/pack-to-rows';
import { workbookToCsv } from '../../workbook/workbook-csv';
import { writeXlsx } from '../../workbook/write-xlsx';
import { EXIT, UsageError, useColour, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { packFolder } from '../pack-folder';

export const exportCommand = {
  name: 'export',
  summary: "Write the pack as THE's data-collection workbook (one sheet per SDG, a summary sheet), as xlsx or csv.",
  usage: 'impact-pack export [PACK] [--format xlsx|csv] [--out FILE]',
  options: { format: { type: 'string' }, out: { type: 'string' } },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const format = args.values.format ?? 'xlsx';
    if (format !== 'xlsx' && format !== 'csv') throw new UsageError(`--format must be xlsx or csv, not "${format}".`);
    const out = path.resolve(io.cwd, args.values.out ?? `workbook.${format}`);
    const existing = await stat(out).catch(() => undefined);
    if (existing && !existing.isFile()) throw new UsageError(`${args.values.out ?? out} is not a file; --out names the file to write.`);

    const packDir = await packFolder(io, args.positionals[0]);
    const loaded = await loadPack(packDir, { env: io.env, now: io.now });
    if (!loaded.pack) {
      io.stderr.write(formatHuman(loaded.diagnostics, { colour: useColour(io, io.stderr) }));
      return EXIT.problems;
    }
    const { pack } = loaded;
    const items = pack.items.map((p) => p.item);
    const { workbook, skipped } = packToRows({ catalogue: pack.catalogue, items, buildDate: pack.settings.buildDate, institution: pack.settings.config.institution.name });
    const bytes = format === 'xlsx' ? await writeXlsx(workbook) : Buffer.from(workbookToCsv(workbook), 'utf8');
    try {
      await writeWhole(out, bytes);
    } catch (error) {
      io.stderr.write(`impact-pack export: cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Nothing was written.\n`);
      return EXIT.usage;
    }

    const placed = items.length - skipped.length;
    io.stdout.write(`Wrote ${path.relative(io.cwd, out) || out}: ${workbook.sheets.length} SDG sheet(s) of ${pack.catalogue.title}, ${placed} item(s).\n`);
    if (skipped.length > 0) {
      const ids = skipped.slice(0, 5).map((i) => (typeof i.id === 'string' ? i.id : '?')).join(', ');
      io.stdout.write(`  ${skipped.length} item(s) left out: their metric takes no answer in this edition or is unknown (${ids}${skipped.length > 5 ? ', …' : ''}); \`impact-pack validate\` says why.\n`);
    }
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0) io.stdout.write(`  The pack has ${errors} error(s); the workbook shows the items as they are. \`impact-pack validate\` lists them.\n`);
    return EXIT.ok;
  },
};

/** Writes beside the target and renames over it, so that an earlier export is replaced whole or not at all. */
async function writeWhole(target: string, bytes: Buffer): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
