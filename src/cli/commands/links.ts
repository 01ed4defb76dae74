import path from 'node:path';
import { printable } from '../../diagnostics/escape-terminal';
import { jsonText } from '../../diagnostics/escape-json';
import { formatHuman } from '../../diagnostics/format-human';
import { countBySeverity } from '../../diagnostics/make';
import { checkLinks, type LinkReport } from '../../urls/check-links';
import { day, STATUS_WORDS } from '../../urls/link-diagnostics';
import type { ParsedArgs } from '../args';
import { EXIT, UsageError, useColour, version, type CliIo } from '../io';
import { packFolder } from '../pack-folder';

export const linksCommand = {
  name: 'links',
  summary: 'Check every public URL in the pack (the only command that uses the network); --snapshot saves what each served.',
  usage: 'impact-pack links [PACK] [--snapshot] [--format human|json] [--timeout SECONDS] [--concurrency N] [--per-host N] [--retries N] [--allow-private]',
  options: {
    snapshot: { type: 'boolean' },
    'allow-private': { type: 'boolean' },
    format: { type: 'string' },
    timeout: { type: 'string' },
    concurrency: { type: 'string' },
    'per-host': { type: 'string' },
    retries: { type: 'string' },
  },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const format = args.values.format ?? 'human';
    if (format !== 'human' && format !== 'json') throw new UsageError(`--format must be human or json, not "${format}".`);
    const timeoutSeconds = positiveNumber(args.values.timeout, '--timeout', false);
    const concurrency = positiveNumber(args.values.concurrency, '--concurrency', true);
    const perHost = positiveNumber(args.values['per-host'], '--per-host', true);
    const retries = args.values.retries === undefined ? undefined : wholeNumber(args.values.retries, '--retries');
    const packDir = await packFolder(io, args.positionals[0]);
    const { report, diagnostics } = await checkLinks(packDir, {
      env: io.env,
      now: io.now,
      clock: io.now ? () => io.now! : undefined,
      snapshot: args.flags.snapshot === true,
      allowPrivate: args.flags['allow-private'] === true,
      timeoutSeconds,
      concurrency,
      perHost,
      retries,
      userAgent: `impact-pack/${version()} (link checker)`,
    });
    const counts = countBySeverity(diagnostics);
    if (format === 'json') {
      io.stdout.write(`${jsonText({ version: 1, report: report ?? null, diagnostics, errors: counts.error, warnings: counts.warning, infos: counts.info })}\n`);
    } else {
      if (report) io.stdout.write(summary(report, path.relative(io.cwd, packDir) || '.'));
      io.stdout.write(formatHuman(diagnostics, { colour: useColour(io, io.stdout) }));
      if (report && !report.history.saved) io.stderr.write('impact-pack: the results could not be recorded in the pack\'s .impact-pack-cache folder; the next run cannot report changes.\n');
    }
    if (report?.networkUnreachable) {
      // Every URL failed the way a missing network fails: a green run would claim links were checked.
      io.stderr.write(`impact-pack: could not check: network unreachable (none of the ${report.urls} URL(s) could be reached; check the connection or set HTTPS_PROXY/HTTP_PROXY).\n`);
      return EXIT.usage;
    }
    return counts.error > 0 ? EXIT.problems : EXIT.ok;
  },
};

function summary(report: LinkReport, pack: string): string {
  const c = report.counts;
  const lines = [
    `Checked ${report.urls} URL(s) cited ${report.references} time(s) on ${day(report.checkedAt)}: ${c.ok} ok, ${c.redirected} redirected, ${c.broken} broken, ${c.login} behind a login, ${c.unreachable} unreachable, ${c.timeout} timed out${c.refused > 0 ? `, ${c.refused} refused (internal address)` : ''}.`,
  ];
  if (report.history.previous === 'loaded') {
    if (report.changes.length === 0) lines.push('No change since the last run.');
    else {
      lines.push(`Changed since the last run: ${report.changes.length}`);
      for (const ch of report.changes) lines.push(`  ${printable(ch.url)}  ${STATUS_WORDS[ch.from]} on ${day(ch.fromCheckedAt)}, ${STATUS_WORDS[ch.to]} now`);
    }
  } else if (report.history.previous === 'rebuilt') {
    lines.push('The record of the last run was damaged and has been replaced; changes are reported from the next run on.');
  }
  if (report.snapshot) lines.push(`Snapshot: ${report.snapshot.pages} page(s) saved in ${printable(path.posix.join(pack, report.snapshot.folder))}/`);
  return `${lines.join('\n')}\n\n`;
}

function positiveNumber(text: string | undefined, option: string, whole: boolean): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || n <= 0 || (whole && !Number.isInteger(n))) {
    throw new UsageError(`${option} takes a ${whole ? 'whole ' : ''}number greater than 0, not "${text}".`);
  }
  return n;
}

function wholeNumber(text: string, option: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${option} takes a whole number, not "${text}".`);
  return Number(text);
}
