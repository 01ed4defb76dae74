import { guardLineStarts, printable } from '../../diagnostics/escape-terminal';
import { backupStamp, EditRefused } from '../../write/evidence-edit';
import { recordReview, type DeskAction } from '../../review/record-review';
import { OutputLocked } from '../../write/output-errors';
import { itemContentHash } from '../../analyse/content-hash';
import { formatHuman } from '../../diagnostics/format-human';
import { isoDay, parseIsoDay } from '../../model/dates';
import { loadPack } from '../../pipeline/load-pack';
import { EXIT, UsageError, useColour, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { packFolder } from '../pack-folder';

export { BACKUP_FOLDER } from '../../write/evidence-edit';

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
    // recordReview (src/review/record-review.ts, shared with the review desk) takes the pack's edit lock and
    // re-reads each file under it: a second approve run at the same time waits, then adds its flag to what
    // the first one wrote, instead of overwriting it.
    const action: DeskAction =
      args.values.flag === undefined ? { kind: 'approve', reviewer, date, contentHash: '' } : { kind: 'flag', reviewer, date, comment: args.values.flag.trim() };
    let outcome;
    try {
      outcome = await recordReview(pack.root, targets, action, { stamp });
    } catch (error) {
      if (error instanceof OutputLocked) throw new UsageError(`another impact-pack command is editing this pack and did not finish within a minute (${printable(error.message)})`);
      if (error instanceof EditRefused) {
        io.stderr.write(`impact-pack: ${printable(error.message)}; nothing was written.\n`);
        return EXIT.problems;
      }
      throw error;
    }
    for (const edit of outcome.edits) {
      const p = targets.find((t) => t.file === edit.file)!;
      const what = action.kind === 'approve' ? `approved by ${reviewer} on ${date} (content ${itemContentHash(p.item).slice(0, 19)}…)` : `flagged by ${reviewer} on ${date}`;
      io.stdout.write(guardLineStarts(`${printable(edit.itemId)}: ${printable(what)}; ${printable(edit.file)} rewritten, previous version in ${printable(edit.backup)}\n`));
    }
    if ('problem' in outcome) {
      io.stderr.write(`impact-pack: ${printable(outcome.problem)}.\n`);
      return EXIT.problems;
    }
    return EXIT.ok;
  },
};
