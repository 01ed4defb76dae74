import { printable } from '../../diagnostics/escape-terminal';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { packEdition } from '../../config/pack-edition';
import { CONFIG_FILE } from '../../config/resolve';
import { listEditions, loadCatalogue } from '../../criteria/load';
import type { Catalogue } from '../../criteria/types';
import { formatHuman } from '../../diagnostics/format-human';
import { setConfigEdition } from '../../migrate/config-edit';
import { editionChanges, type EditionChange } from '../../migrate/edition-change';
import { schemaLineEdition, setSchemaLineEdition } from '../../migrate/schema-line';
import { loadPack } from '../../pipeline/load-pack';
import { packConfigSchema } from '../../schemas/config-schema';
import { itemSchemaForEdition } from '../../schemas/item-edition';
import { schemaText } from '../../schemas/write';
import { backupStamp, editPackFile, EditRefused, lockPackForEdit } from '../../write/evidence-edit';
import { EXIT, UsageError, useColour, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { packFolder } from '../pack-folder';

/** A file the migration rewrites: its pack-relative path and its new text (undefined text: a new file). */
interface Rewrite {
  file: string;
  text: string;
  what: string;
  isNew: boolean;
}

/** Items listed per step before "and N more", so that a large pack's plan stays readable. */
const ITEMS_SHOWN = 12;

export const migrateCommand = {
  name: 'migrate',
  summary: 'Move a pack to another edition: edition and data_year in the config, the items\' schema lines, and what the coordinator must now do. Changes nothing without --write (then backs files up first).',
  usage: 'impact-pack migrate [PACK] --to EDITION [--write] [--format text|json]',
  options: { to: { type: 'string' }, write: { type: 'boolean' }, format: { type: 'string' } },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const target = args.values.to;
    if (!target) throw new UsageError('--to names the edition to move the pack to, e.g. --to 2027.');
    const format = args.values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}".`);
    const editions = listEditions();
    const to = loadCatalogue(target).value;
    if (!to) throw new UsageError(`There is no criteria catalogue for edition "${target}"; known: ${editions.join(', ')}.`);

    const packDir = await packFolder(io, args.positionals[0]);
    const configText = await readFile(path.join(packDir, CONFIG_FILE), 'utf8').catch(() => undefined);
    if (configText === undefined) throw new UsageError(`${args.positionals[0] ?? '.'} holds no ${CONFIG_FILE}; give the path of a pack.`);
    const current = packEdition(configText);
    if (!current.value) {
      io.stderr.write(formatHuman(current.diagnostics, { colour: useColour(io, io.stderr) }));
      return EXIT.problems;
    }
    const fromEdition = current.value.edition;
    const from = loadCatalogue(fromEdition).value;
    if (!from) throw new UsageError(`The pack names edition "${fromEdition}", which has no criteria catalogue; known: ${editions.join(', ')}.`);
    if (fromEdition === target) {
      io.stdout.write(`The pack is already on ${to.title}; nothing to do.\n`);
      return EXIT.ok;
    }

    // The items as they stand (read against the current edition): only their content matters here.
    const loaded = await loadPack(packDir, { env: io.env, now: io.now, cache: false });
    if (!loaded.pack) {
      io.stderr.write(formatHuman(loaded.diagnostics, { colour: useColour(io, io.stderr) }));
      return EXIT.problems;
    }
    const pack = loaded.pack;
    const rewrites = await plannedRewrites(packDir, configText, pack.items.map((p) => p.file), from, to, editions);
    if (!rewrites) {
      io.stderr.write(`impact-pack: ${CONFIG_FILE} is not laid out as "key: value" lines whose edition can be changed safely; change edition and data_year by hand (nothing was written).\n`);
      return EXIT.problems;
    }
    const changes = editionChanges(from, to, pack.items);

    let backups: string[] = [];
    if (args.flags.write) {
      const stamp = backupStamp(io.now ?? new Date());
      // As approve does: under the pack's edit lock, each file backed up only into a real folder inside the pack
      // (never through a link) and replaced atomically, its line endings, BOM and mode kept.
      backups = [];
      const asStored = (text: string) => text.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
      const lock = await lockPackForEdit(packDir);
      try {
        for (const r of rewrites) {
          if (r.isNew) {
            await writeFile(path.join(packDir, r.file), r.text, { flag: 'wx' });
            continue;
          }
          const outcome = await editPackFile(packDir, r.file, stamp, () => ({ text: asStored(r.text) }));
          if ('problem' in outcome) throw new EditRefused(outcome.problem);
          backups.push(outcome.backup);
        }
      } catch (error) {
        if (!(error instanceof EditRefused)) throw error;
        io.stderr.write(`impact-pack migrate: ${printable(error.message)}; nothing more was written.${backups.length > 0 ? ` Backed up and rewritten before it: ${backups.join(', ')}.` : ''}\n`);
        return EXIT.problems;
      } finally {
        await lock.release();
      }
    }

    if (format === 'json') {
      io.stdout.write(
        `${JSON.stringify(
          { from: fromEdition, to: target, written: args.flags.write === true, files: rewrites.map((r) => ({ file: r.file, change: r.what, new: r.isNew })), backups, changes },
          null,
          2,
        )}\n`,
      );
      return EXIT.ok;
    }
    io.stdout.write(planText(from, to, rewrites, changes, args.flags.write === true, backups, args.positionals[0] ?? '.'));
    return EXIT.ok;
  },
};

/** Every file the migration would rewrite or add, with its new text; undefined when the config cannot be edited safely. */
async function plannedRewrites(root: string, configText: string, itemFiles: string[], from: Catalogue, to: Catalogue, editions: string[]): Promise<Rewrite[] | undefined> {
  const config = setConfigEdition(configText, to.edition, to.windows.dataYear, {
    from: { title: from.title, edition: from.edition, dataYear: from.windows.dataYear },
    to: { title: to.title, edition: to.edition, dataYear: to.windows.dataYear },
  });
  if (config === undefined) return undefined;
  const out: Rewrite[] = [{ file: CONFIG_FILE, text: config, what: `edition "${from.edition}" → "${to.edition}", data_year ${from.windows.dataYear} → ${to.windows.dataYear} (where written)`, isNew: false }];
  for (const file of itemFiles) {
    const text = await readFile(path.join(root, file), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const edition = schemaLineEdition(text);
    if (edition === undefined || edition === to.edition) continue;
    out.push({ file, text: setSchemaLineEdition(text, to.edition), what: `schema line → evidence-item.${to.edition}.schema.json`, isNew: false });
  }
  // A pack made by `init` keeps copies of the schemas for editors: add the new edition's, refresh the config's.
  const schemasDir = path.join(root, 'schemas');
  if ((await stat(schemasDir).catch(() => undefined))?.isDirectory()) {
    const itemSchema = `schemas/evidence-item.${to.edition}.schema.json`;
    if ((await stat(path.join(root, itemSchema)).catch(() => undefined)) === undefined) {
      out.push({ file: itemSchema, text: schemaText(itemSchemaForEdition(to)), what: 'new: the item schema of the edition, for editors', isNew: true });
    }
    const configSchema = 'schemas/pack-config.schema.json';
    const current = await readFile(path.join(root, configSchema), 'utf8').catch(() => undefined);
    const fresh = schemaText(packConfigSchema(editions));
    if (current !== undefined && current !== fresh) out.push({ file: configSchema, text: fresh, what: 'the config schema, listing the known editions', isNew: false });
  }
  return out;
}

function planText(from: Catalogue, to: Catalogue, rewrites: Rewrite[], changes: EditionChange[], written: boolean, backups: string[], shownPack: string): string {
  const lines = [`Moving the pack from ${from.title} (data year ${from.windows.dataYear}) to ${to.title} (data year ${to.windows.dataYear}).`, ''];
  const items = rewrites.filter((r) => r.file !== CONFIG_FILE && !r.file.startsWith('schemas/'));
  lines.push(written ? 'Changed:' : 'Would change (run again with --write to apply; files are backed up first):');
  for (const r of rewrites.filter((x) => !items.includes(x))) lines.push(`  ${r.file}: ${r.what}`);
  if (items.length > 0) lines.push(`  ${items.length} item file(s): schema line → evidence-item.${to.edition}.schema.json`);
  if (written && backups.length > 0) lines.push(`Previous versions in ${backups[0]!.split('/').slice(0, 2).join('/')}/`);
  lines.push('', changes.length > 0 ? 'What to do now:' : 'Nothing else changes between the two editions for this pack.');
  changes.forEach((c, i) => {
    lines.push(`${i + 1}. ${c.message}`);
    for (const item of c.items.slice(0, ITEMS_SHOWN)) lines.push(`     ${item}`);
    if (c.items.length > ITEMS_SHOWN) lines.push(`     … and ${c.items.length - ITEMS_SHOWN} more`);
  });
  lines.push('', `Then run impact-pack validate ${shownPack} and impact-pack gaps ${shownPack}.`);
  return `${lines.join('\n')}\n`;
}
