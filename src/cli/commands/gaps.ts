import { readFile } from 'node:fs/promises';
import { guardLineStarts, printable } from '../../diagnostics/escape-terminal';
import path from 'node:path';
import { parseBaseline, type Baseline } from '../../analyse/baseline';
import { analysePack, baselineOf, type GapOptions, type GapReport } from '../../analyse/gaps';
import { rescorePack } from '../../analyse/rescore';
import { listEditions, loadCatalogue } from '../../criteria/load';
import { valueSnapshot } from '../../analyse/value-snapshot';
import { CONFIG_FILE } from '../../config/resolve';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { formatHuman } from '../../diagnostics/format-human';
import { sortDiagnostics } from '../../diagnostics/make';
import { parseIsoDay } from '../../model/dates';
import { withRecordedLinkLists } from '../../urls/link-list-citations';
import { loadPack, type LoadedPack } from '../../pipeline/load-pack';
import { parseYamlSource, type YamlSource } from '../../parse/yaml-source';
import { BaselineWriteRefused, writeBaselineFile } from '../../report/baseline-file';
import { uniqueFindings } from '../../report/finding-paths';
import { gapReportGithub } from '../../report/github-annotations';
import { gapReportHtml } from '../../report/gap-html';
import { gapReportJson } from '../../report/gap-json';
import { gapReportMarkdown } from '../../report/gap-markdown';
import { gapReportJunit } from '../../report/junit';
import { gapReportSarif } from '../../report/sarif';
import { EXIT, UsageError, useColour, version, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { packFolder } from '../pack-folder';
import { parseDiagnosticFormat } from './validate';

/** The report's own views (md, html, json) and, for its findings and the pack's diagnostics, those of validate. */
const FORMATS = ['md', 'html', 'json', 'human', 'sarif', 'junit', 'github'] as const;
type GapFormat = (typeof FORMATS)[number];

/** Options shared by `gaps` and `score`: the date, the what-if, and the comparisons. */
export const ANALYSIS_OPTIONS = {
  'as-of': { type: 'string' },
  'what-if': { type: 'string' },
  'due-soon-days': { type: 'string' },
  previous: { type: 'string' },
  'outlier-share': { type: 'string' },
  baseline: { type: 'string' },
  edition: { type: 'string' },
} as const;

export const gapsCommand = {
  name: 'gaps',
  summary: 'Print the gap report: what each metric lacks and what it is worth, the estimate, actions, review state; ratchet against a baseline.',
  usage:
    'impact-pack gaps [PACK] [--edition E] [--format md|html|json|human|sarif|junit|github] [--as-of YYYY-MM-DD] [--baseline FILE [--update-baseline]] [--previous PACK] [--outlier-share 0.25] [--due-soon-days 90] [--what-if 4,7,12]',
  options: { format: { type: 'string' }, 'update-baseline': { type: 'boolean' }, ...ANALYSIS_OPTIONS },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const format = parseDiagnosticFormat(args.values.format ?? 'md', FORMATS);
    if (args.flags['update-baseline'] && !args.values.baseline) throw new UsageError('--update-baseline needs --baseline FILE (the file to record the state in).');
    const analysed = await analyseFromArgs(args, io, { baselineMayBeMissing: args.flags['update-baseline'] === true });
    if (analysed.code !== undefined) return analysed.code;
    const { report, loaded, baselinePath } = analysed;
    const prefix = path.relative(io.cwd, loaded.pack.root).split(path.sep).join('/');
    const all = [...loaded.diagnostics, ...report.findings];
    io.stdout.write(format === 'human' ? formatHuman(sortDiagnostics(uniqueFindings(all)), { colour: useColour(io, io.stdout) }) : render(format, report, all, prefix));

    let code: number = EXIT.ok;
    if (report.baseline && report.baseline.regressions.length > 0) {
      io.stderr.write(`impact-pack: the pack regressed against the baseline ${printable(report.baseline.file)}:\n${guardLineStarts(report.baseline.regressions.map((c) => `  ${printable(c.message)}\n`).join(''))}`);
      code = EXIT.problems;
    }
    if (args.flags['update-baseline'] && baselinePath) {
      const current = baselineOf(report, valueSnapshot(loaded.pack.settings.config, loaded.pack.items));
      if (code !== EXIT.ok) io.stderr.write('impact-pack: the baseline was not updated, because the pack regressed.\n');
      else if (report.baseline && report.baseline.improvements.length === 0) io.stderr.write(`impact-pack: no improvement; ${args.values.baseline} is unchanged.\n`);
      else {
        try {
          await writeBaselineFile(baselinePath, current, loaded.pack);
        } catch (error) {
          if (error instanceof BaselineWriteRefused) throw new UsageError(error.message);
          throw error;
        }
        io.stderr.write(
          report.baseline
            ? `impact-pack: recorded ${report.baseline.improvements.length} improvement(s) in ${args.values.baseline}.\n`
            : `impact-pack: recorded the current state in ${args.values.baseline}.\n`,
        );
      }
    }
    return code;
  },
};

function render(format: Exclude<GapFormat, 'human'>, report: GapReport, diagnostics: Diagnostic[], prefix: string): string {
  switch (format) {
    case 'md':
      return gapReportMarkdown(report);
    case 'html':
      return gapReportHtml(report);
    case 'json':
      return gapReportJson(report);
    case 'sarif':
      return gapReportSarif(report, diagnostics, { pathPrefix: prefix, toolVersion: version() });
    case 'junit':
      return gapReportJunit(report, diagnostics, { pathPrefix: prefix });
    case 'github':
      return gapReportGithub(diagnostics, { pathPrefix: prefix });
  }
}

type Analysed =
  | { code: number; report?: undefined; loaded?: undefined; baselinePath?: undefined }
  | { code?: undefined; report: GapReport; loaded: { pack: LoadedPack; diagnostics: Diagnostic[] }; baselinePath?: string };

/**
 * Loads the pack and runs the analysis with the options of the command line. Problems with the options
 * are usage errors (exit 2); a pack that cannot be loaded prints its diagnostics and gives exit 1.
 */
export async function analyseFromArgs(args: ParsedArgs, io: CliIo, opts: { baselineMayBeMissing?: boolean } = {}): Promise<Analysed> {
  const asOf = parseAsOf(args.values['as-of'], io.now ?? new Date());
  const whatIf = args.values['what-if'] === undefined ? undefined : parseSdgList(args.values['what-if']);
  const outlierShare = args.values['outlier-share'] === undefined ? undefined : parseShare(args.values['outlier-share']);
  const dueSoonDays = args.values['due-soon-days'] === undefined ? undefined : parseDays(args.values['due-soon-days']);
  const packDir = await packFolder(io, args.positionals[0]);
  // The link-list pages the last `links --snapshot` recorded withhold public points like a home page does.
  const loaded = await withRecordedLinkLists(await loadPack(packDir, { env: io.env, now: io.now }), io.env);
  if (!loaded.pack) {
    io.stderr.write(formatHuman(loaded.diagnostics, { colour: useColour(io, io.stderr) }));
    return { code: EXIT.problems };
  }
  const pack = loaded.pack;
  const options: GapOptions = { asOf, whatIf, outlierShare, dueSoonDays, configSource: await readConfigSource(pack.root) };

  let baselinePath: string | undefined;
  if (args.values.baseline !== undefined) {
    baselinePath = path.resolve(io.cwd, args.values.baseline);
    const baseline = await readBaseline(baselinePath, args.values.baseline, opts.baselineMayBeMissing === true);
    if (baseline) {
      if (baseline.edition !== pack.catalogue.edition) {
        throw new UsageError(`The baseline ${args.values.baseline} is for the ${baseline.edition} edition, the pack for ${pack.catalogue.edition}; record a new baseline with --update-baseline.`);
      }
      options.baseline = { baseline, file: args.values.baseline };
    }
  }
  if (args.values.previous !== undefined) {
    const previousDir = await packFolder(io, args.values.previous);
    const previous = await loadPack(previousDir, { env: io.env, now: io.now });
    if (!previous.pack) throw new UsageError(`The previous pack ${args.values.previous} cannot be loaded: ${previous.diagnostics[0]?.message ?? 'no impact-pack.yaml'}`);
    options.previous = { snapshot: valueSnapshot(previous.pack.settings.config, previous.pack.items), label: `the previous pack (${previous.pack.settings.config.data_year})` };
  }
  const other = otherEdition(args.values.edition, pack.catalogue.edition);
  if (other) {
    if (options.baseline) throw new UsageError('--baseline compares with the pack\'s own edition; leave it out with --edition.');
    const rescored = rescorePack({ from: pack.catalogue, to: other, settings: pack.settings, items: pack.items, files: pack.files, diagnostics: loaded.diagnostics, options });
    return { report: rescored.value.report, loaded: { pack, diagnostics: loaded.diagnostics }, baselinePath };
  }
  const result = analysePack(pack.catalogue, pack.settings, pack.items, pack.files, loaded.diagnostics, options);
  return { report: result.value, loaded: { pack, diagnostics: loaded.diagnostics }, baselinePath };
}

/** The catalogue of `--edition` when it names another edition than the pack's; a usage error when it is unknown. */
function otherEdition(given: string | undefined, own: string) {
  if (given === undefined || given === own) return undefined;
  const known = listEditions();
  if (!known.includes(given)) throw new UsageError(`--edition ${given} is not an edition impact-pack knows; known: ${known.join(', ')}.`);
  const loaded = loadCatalogue(given);
  if (!loaded.value) throw new UsageError(`The catalogue of the ${given} edition cannot be loaded: ${loaded.diagnostics[0]?.message ?? 'unknown problem'}`);
  return loaded.value;
}

async function readBaseline(file: string, given: string, mayBeMissing: boolean): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (mayBeMissing) return undefined;
      throw new UsageError(`The baseline ${given} does not exist; record one with --update-baseline.`);
    }
    throw new UsageError(`The baseline ${given} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const parsed = parseBaseline(text);
  if (!parsed.value) throw new UsageError(`The baseline ${given} cannot be used: ${parsed.problem}.`);
  return parsed.value;
}

/** impact-pack.yaml parsed again with positions, so that findings about facts and `submit` point at their lines. */
async function readConfigSource(root: string): Promise<YamlSource | undefined> {
  const text = await readFile(path.join(root, CONFIG_FILE), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseYamlSource(CONFIG_FILE, text).value;
}

export function parseAsOf(text: string | undefined, now: Date): Date {
  if (text === undefined) return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const d = parseIsoDay(text);
  if (!d) throw new UsageError(`--as-of takes a date as YYYY-MM-DD, not "${text}".`);
  return d;
}

export function parseSdgList(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0 || parts.some((p) => !/^\d{1,2}$/.test(p) || Number(p) < 1 || Number(p) > 17)) {
    throw new UsageError(`--what-if takes SDG numbers from 1 to 17 separated by commas, e.g. 4,7,12; not "${text}".`);
  }
  return parts.map(Number);
}

function parseShare(text: string): number {
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(n > 0)) throw new UsageError(`--outlier-share takes a positive share such as 0.25 (25 %), not "${text}".`);
  return n;
}

function parseDays(text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`--due-soon-days takes a whole number of days, not "${text}".`);
  return Number(text);
}
