import { printable } from '../../diagnostics/escape-terminal';
import { mkdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatHuman } from '../../diagnostics/format-human';
import { formatJson } from '../../diagnostics/format-json';
import { diagnostic } from '../../diagnostics/make';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { loadPack } from '../../pipeline/load-pack';
import { backupStamp, editPackFile, EditRefused, lockPackForEdit } from '../../write/evidence-edit';
import type { Grid } from '../../workbook/grid';
import { newItemYaml, updateItemYaml } from '../../workbook/item-yaml';
import { readXlsx } from '../../workbook/read-xlsx';
import { rowsToItems, type SheetItem } from '../../workbook/rows-to-items';
import { csvToGrid } from '../../workbook/workbook-csv';
import { EXIT, UsageError, useColour, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { packFolder } from '../pack-folder';

/** Largest workbook or CSV read: THE's workbook is a few hundred kilobytes. */
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;

export const importCommand = {
  name: 'import',
  summary: "Read THE's data-collection workbook, or a department's xlsx/csv in its columns, into new YAML items (--update changes existing ones, after a backup).",
  usage: 'impact-pack import FILE [PACK] [--update] [--format human|json]',
  positionals: ['FILE', 'PACK'],
  options: { update: { type: 'boolean' }, format: { type: 'string' } },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const format = args.values.format ?? 'human';
    if (format !== 'human' && format !== 'json') throw new UsageError(`--format must be human or json, not "${format}".`);
    const given = args.positionals[0];
    if (!given) throw new UsageError('Name the workbook to import, e.g. impact-pack import water-office.xlsx my-pack.');
    const workbookPath = path.resolve(io.cwd, given);
    const info = await stat(workbookPath).catch(() => undefined);
    if (!info?.isFile()) throw new UsageError(`${given} is not a file.`);
    const packDir = await packFolder(io, args.positionals[1]);
    const update = args.flags.update === true;
    const print = (list: Diagnostic[]) =>
      io.stdout.write(format === 'json' ? formatJson(list) : list.length > 0 ? formatHuman(list, { colour: useColour(io, io.stdout) }) : '');

    const loaded = await loadPack(packDir, { env: io.env, now: io.now });
    if (!loaded.pack) {
      io.stderr.write(formatHuman(loaded.diagnostics, { colour: useColour(io, io.stderr) }));
      return EXIT.problems;
    }
    const pack = loaded.pack;
    const file = given;
    const grids = await readGrids(file, workbookPath, info.size);
    const diagnostics: Diagnostic[] = [...grids.diagnostics];
    const existing = new Map(pack.items.map((p) => [p.item.id, p] as const));
    const mapped = grids.value.length > 0 ? rowsToItems(grids.value, { catalogue: pack.catalogue, file, existingIds: new Set(existing.keys()) }) : { value: [], diagnostics: [] };
    diagnostics.push(...mapped.diagnostics);

    const creates: SheetItem[] = [];
    const updates: { item: SheetItem; file: string }[] = [];
    for (const item of mapped.value) {
      const before = existing.get(item.id);
      if (!before) {
        creates.push(item);
        continue;
      }
      const where = { file, cell: item.idCell ?? item.origin };
      if (!update) {
        diagnostics.push(diagnostic('WORKBOOK_ITEM_EXISTS', `The item ${item.id} is already in the pack (${before.file}).`, where));
      } else if (before.item.metric !== item.metric.id) {
        diagnostics.push(
          diagnostic('WORKBOOK_ITEM_EXISTS', `The item ${item.id} is in the pack under metric ${String(before.item.metric)}, not ${item.metric.id}; import does not move items between indicators.`, where),
        );
      } else updates.push({ item, file: before.file });
    }
    if (diagnostics.some((d) => d.severity === 'error')) {
      print(diagnostics);
      io.stderr.write(`impact-pack import: ${file} has problems; nothing was imported.\n`);
      return EXIT.problems;
    }

    // Every new text is made before anything is written, so that a file that cannot be edited stops the whole import.
    const rewrites: { file: string; before: string; after: string }[] = [];
    for (const u of updates) {
      const before = await readFile(path.join(pack.root, u.file), 'utf8');
      const after = updateItemYaml(before, u.item);
      if (after === undefined) {
        io.stderr.write(`impact-pack import: ${u.file} is not laid out as a block of "key: value" lines that can be edited safely; nothing was imported.\n`);
        return EXIT.problems;
      }
      if (after !== before) rewrites.push({ file: u.file, before, after });
    }

    const written: string[] = [];
    const itemsFolder = pack.settings.config.folders.items;
    for (const item of creates) {
      try {
        const rel = await writeNewItem(pack.root, itemsFolder, item, (relFile) =>
          newItemYaml(item, pack.catalogue, {
            schemaPath: path.posix.relative(path.posix.dirname(relFile), `schemas/evidence-item.${pack.catalogue.edition}.schema.json`),
            source: `${path.basename(file)} ${item.origin}`,
          }),
        );
        written.push(rel);
      } catch (error) {
        const why = error instanceof OutsidePackError ? `${error.folder} is a link leading outside the pack` : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
        io.stderr.write(`impact-pack import: cannot write the item ${item.id}: ${why}.${written.length > 0 ? ` Written before the failure: ${written.join(', ')}.` : ' Nothing was written.'}\n`);
        return EXIT.usage;
      }
    }
    const stamp = backupStamp(io.now ?? new Date());
    const backups: string[] = [];
    if (rewrites.length > 0) {
      // As approve does: under the pack's edit lock, each file re-read, backed up only into a real folder inside
      // the pack (never through a link), and replaced atomically with its line endings, BOM and mode kept.
      const asStored = (text: string) => text.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
      const lock = await lockPackForEdit(pack.root);
      try {
        for (const r of rewrites) {
          const outcome = await editPackFile(pack.root, r.file, stamp, (current) =>
            current === asStored(r.before) ? { text: asStored(r.after) } : { problem: `${r.file} changed while it was being imported; run import again` },
          );
          if ('problem' in outcome) {
            io.stderr.write(`impact-pack import: ${printable(outcome.problem)}.${backups.length > 0 ? ` Updated before it: ${rewrites.slice(0, backups.length).map((x) => x.file).join(', ')}.` : ''}\n`);
            return EXIT.problems;
          }
          backups.push(outcome.backup);
        }
      } catch (error) {
        if (!(error instanceof EditRefused)) throw error;
        io.stderr.write(`impact-pack import: ${printable(error.message)}; nothing more was written.\n`);
        return EXIT.problems;
      } finally {
        await lock.release();
      }
    }

    print(diagnostics);
    if (format === 'human') {
      io.stdout.write(`Imported ${file}: ${written.length} new item(s)${update ? `, ${rewrites.length} updated, ${updates.length - rewrites.length} unchanged` : ''}.\n`);
      for (const w of written) io.stdout.write(`  new      ${w}\n`);
      rewrites.forEach((r, i) => io.stdout.write(`  updated  ${r.file} (previous version in ${backups[i]})\n`));
      if (written.length + rewrites.length > 0) io.stdout.write(`Run impact-pack validate to check them.\n`);
    }
    return EXIT.ok;
  },
};

class OutsidePackError extends Error {
  constructor(readonly folder: string) {
    super(`${folder} leads outside the pack`);
  }
}

async function readGrids(file: string, absolute: string, size: number): Promise<{ value: Grid[]; diagnostics: Diagnostic[] }> {
  if (size > IMPORT_MAX_BYTES) {
    return { value: [], diagnostics: [diagnostic('WORKBOOK_TOO_LARGE', `${file} is ${size} bytes, more than impact-pack reads (${IMPORT_MAX_BYTES}).`, { file })] };
  }
  const bytes = await readFile(absolute);
  // By content, not by name: an xlsx is a zip archive; anything else is read as CSV text.
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return readXlsx(file, bytes);
  if (/\.(xlsx|xlsm)$/i.test(file)) {
    return { value: [], diagnostics: [diagnostic('WORKBOOK_UNREADABLE', `${file} is named like an xlsx workbook but is not one (an .xls or .ods saved under another name?).`, { file })] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { value: [], diagnostics: [diagnostic('WORKBOOK_UNREADABLE', `${file} is not UTF-8 text; save it as "CSV UTF-8" (or as .xlsx).`, { file })] };
  }
  if (text.includes('\u0000')) return { value: [], diagnostics: [diagnostic('WORKBOOK_UNREADABLE', `${file} holds binary data, not CSV text.`, { file })] };
  const grid = csvToGrid(file, text);
  return { value: grid.value ? [grid.value] : [], diagnostics: grid.diagnostics };
}

/** Writes a new item as <items>/sdg-NN/<id>.yaml, never over an existing file (a suffix is added instead). */
async function writeNewItem(root: string, itemsFolder: string, item: SheetItem, text: (relFile: string) => string): Promise<string> {
  const folder = path.posix.join(itemsFolder, `sdg-${String(item.sdg).padStart(2, '0')}`);
  await mkdir(path.join(root, folder), { recursive: true });
  // A folder that is a link to somewhere outside the pack is not written into.
  const [realRoot, realFolder] = await Promise.all([realpath(root), realpath(path.join(root, folder))]);
  if (realFolder !== realRoot && !realFolder.startsWith(realRoot + path.sep)) throw new OutsidePackError(folder);
  for (let n = 1; ; n++) {
    const rel = path.posix.join(folder, n === 1 ? `${item.id}.yaml` : `${item.id}-${n}.yaml`);
    try {
      await writeFile(path.join(root, rel), text(rel), { flag: 'wx' });
      return rel;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
