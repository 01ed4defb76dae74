import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { itemContentHash } from '../../analyse/content-hash';
import { applyReviewAction, type ReviewAction } from '../../analyse/review-edit';
import { formatHuman } from '../../diagnostics/format-human';
import { isoDay, parseIsoDay } from '../../model/dates';
import { parseItem } from '../../parse/item';
import { loadPack } from '../../pipeline/load-pack';
import { backupFile, backupStamp, replaceFile } from '../../write/pack-backup';
import { EXIT, UsageError, useColour, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { packFolder } from '../pack-folder';

export { BACKUP_FOLDER } from '../../write/pack-backup';

export const approveCommand = {
  name: 'approve',
  summary: 'Sign off items (records the reviewer, the date and a content hash), or flag them with a comment; backs the files up first.',
  usage: 'impact-pack approve [PACK] --item ID[,ID…] --reviewer NAME [--date YYYY-MM-DD] [--flag COMMENT]',
  options: { item: { type: 'string' }, reviewer: { type: 'string' }, date: { type: 'string' }, flag: { type: 'string' } },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const ids = (args.values.item ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.length === 0) throw new UsageError('--item names the item(s) to sign off, e.g. --item sdg07-solar-plant.');
    const reviewer = args.values.reviewer?.trim();
    if (!reviewer) throw new UsageError('--reviewer names the person signing off, e.g. --reviewer "J. Martin".');
    if (args.values.flag !== undefined && args.values.flag.trim() === '') throw new UsageError('--flag takes the reviewer\'s comment.');
    const now = io.now ?? new Date();
    const date = args.values.date ?? isoDay(now);
    if (!parseIsoDay(date)) throw new UsageError(`--date takes a date as YYYY-MM-DD, not "${date}".`);

    const packDir = await packFolder(io, args.positionals[0]);
    const loaded = await loadPack(packDir, { env: io.env, now: io.now });
    if (!loaded.pack) {
      io.stderr.write(formatHuman(loaded.diagnostics, { colour: useColour(io, io.stderr) }));
      return EXIT.problems;
    }
    const pack = loaded.pack;
    // Check every item first, so that a typo in the third id does not leave the first two half done.
    const targets = ids.map((id) => {
      const matches = pack.items.filter((p) => p.item.id === id);
      if (matches.length === 0) throw new UsageError(`No item has the id "${id}".`);
      if (matches.length > 1) throw new UsageError(`The id "${id}" is used by ${matches.map((m) => m.file).join(' and ')}; make the ids unique first.`);
      return matches[0];
    });
    if (args.values.flag === undefined) {
      const blocked = targets.flatMap((p) => loaded.diagnostics.filter((d) => d.file === p.file && d.severity === 'error'));
      if (blocked.length > 0) {
        io.stderr.write(formatHuman(blocked, { colour: useColour(io, io.stderr) }));
        io.stderr.write('impact-pack: an item with errors cannot be approved; fix them first (nothing was changed).\n');
        return EXIT.problems;
      }
    }

    const stamp = backupStamp(now);
    for (const p of targets) {
      const action: ReviewAction =
        args.values.flag === undefined
          ? { kind: 'approve', reviewer, date, contentHash: itemContentHash(p.item) }
          : { kind: 'flag', reviewer, date, comment: args.values.flag.trim() };
      const absolute = path.join(pack.root, p.file);
      const before = await readFile(absolute, 'utf8');
      const after = applyReviewAction(before, action);
      if (after === undefined) {
        io.stderr.write(`impact-pack: ${p.file} is not laid out as a block of "key: value" lines that can be edited safely; record the sign-off by hand.\n`);
        return EXIT.problems;
      }
      // The edit must not change what THE would see: the re-read item has the same content hash.
      const reread = parseItem(p.file, after).value;
      if (!reread || itemContentHash(reread.item) !== itemContentHash(p.item)) {
        io.stderr.write(`impact-pack: editing ${p.file} would change its content; nothing was written. This is a bug; please report it.\n`);
        return EXIT.usage;
      }
      const backup = await backupFile(pack.root, p.file, stamp);
      await replaceFile(absolute, after);
      const what = action.kind === 'approve' ? `approved by ${reviewer} on ${date} (content ${action.contentHash.slice(0, 19)}…)` : `flagged by ${reviewer} on ${date}`;
      io.stdout.write(`${p.item.id}: ${what}; ${p.file} rewritten, previous version in ${backup}\n`);
    }
    return EXIT.ok;
  },
};
