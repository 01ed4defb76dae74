import path from 'node:path';
import { printable } from '../../diagnostics/escape-terminal';
import { formatHuman } from '../../diagnostics/format-human';
import { countBySeverity } from '../../diagnostics/make';
import type { DocumentFormat } from '../../pipeline/build';
import { EXIT, UsageError, useColour, version, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { packFolder } from '../pack-folder';
import { createProgress } from '../progress';
import { describeOutcomes } from '../../incremental/outcome-summary';
import { parseMaxWarnings } from './validate';
import { groupedQuestionsText } from '../../analyse/coverage';
import { percent } from '../../analyse/figure-format';
import { coverageText } from '../../report/labels';
import { figure, notEstimableLines } from '../../report/score-text';

const FORMATS: DocumentFormat[] = ['pdf', 'docx', 'html'];

export const buildCommand = {
  name: 'build',
  summary: 'Validate, then write one PDF, DOCX and HTML document per SDG and the gap report into the output folder.',
  usage: 'impact-pack build [PACK] [--out DIR] [--draft] [--formats pdf,docx,html] [--embed-files] [--merge-pdfs] [--max-warnings N] [--quiet] [--no-cache]',
  options: {
    out: { type: 'string' },
    formats: { type: 'string' },
    'embed-files': { type: 'boolean' },
    'merge-pdfs': { type: 'boolean' },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean' },
    'no-cache': { type: 'boolean' },
    draft: { type: 'boolean' },
  },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const packDir = await packFolder(io, args.positionals[0]);
    const goodOutDir = path.resolve(io.cwd, args.values.out ?? path.join(packDir, 'out'));
    // A draft never takes the output's place: it goes beside it, into <out>-draft.
    const draft = args.flags.draft === true;
    const outDir = draft ? draftFolder(goodOutDir) : goodOutDir;
    const formats = parseFormats(args.values.formats);
    // Both options change only the PDFs (docs/documents.md); asking for them without PDFs is a slip worth naming.
    const embedFiles = args.flags['embed-files'] === true;
    const mergePdfs = args.flags['merge-pdfs'] === true;
    if ((embedFiles || mergePdfs) && !formats.includes('pdf')) {
      throw new UsageError(`--${embedFiles ? 'embed-files' : 'merge-pdfs'} adds to the PDFs; include pdf in --formats.`);
    }
    const maxWarnings = parseMaxWarnings(args.values['max-warnings']);
    // Loaded on demand: the renderers (pdf-lib, docx, fonts) would slow down every other command's start.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildPack } = require('../../pipeline/build') as typeof import('../../pipeline/build');
    const progress = createProgress(io, { quiet: args.flags.quiet });
    // --no-cache: no file hashes, and no SDG document taken over from the previous build, are read or saved.
    const cache = !args.flags['no-cache'];
    const result = await buildPack(packDir, { outDir, formats, version: version(), env: io.env, now: io.now, embedFiles, mergePdfs, cache, draft, onProgress: progress.update });
    progress.finish();
    const counts = countBySeverity(result.diagnostics);
    const colour = useColour(io, io.stderr);
    // Problems go to stderr so that stdout carries only the summary of what was written.
    const shown = args.flags.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    if (shown.length > 0) io.stderr.write(formatHuman(shown, { colour }));
    if (result.outputError) {
      io.stderr.write(`impact-pack: ${printable(result.outputError)}\n`);
      return EXIT.usage;
    }
    if (result.written.length > 0 && result.report) {
      const r = result.report;
      const rel = path.relative(io.cwd, outDir) || '.';
      io.stdout.write(`Built ${printable(r.institution)}, ${printable(r.product)} ${r.edition} (data year ${r.dataYear}), as of ${r.asOf}\n`);
      if (draft) io.stdout.write(`  DRAFT (--draft): every page says so; nothing here is for submission\n`);
      io.stdout.write(`  ${result.sdgs.length} SDG document(s) × ${formats.join('/')} in ${rel}/: ${result.sdgs.map((n) => `SDG ${n}`).join(', ')}\n`);
      io.stdout.write(`  Review edition for the office (owners, status, notes, gaps; marked DRAFT): ${rel}/review/\n`);
      io.stdout.write(`  Portal answers and files to upload: ${rel}/portal/index.html\n`);
      const incremental = describeOutcomes(result.documents ?? []);
      if (incremental) io.stdout.write(`  ${incremental}\n`);
      // Every figure below is the analysis's, written by the helpers the gap report's views use.
      const listed = r.sdgs.filter((x) => x.submitted || x.items > 0);
      for (const s of listed) {
        io.stdout.write(`  SDG ${String(s.sdg).padStart(2)} ${s.submitted ? '(submitted)' : '           '} ${String(s.items).padStart(3)} items · ${coverageText(s.coverage)}\n`);
      }
      for (const g of listed.flatMap((s) => s.coverage.grouped)) io.stdout.write(`  Counted as one: ${printable(groupedQuestionsText(g))}\n`);
      io.stdout.write(`  ${printable(r.eligibility.message)}\n`);
      const sel = r.score.submittedSelection;
      if (sel) {
        io.stdout.write(
          `  Provisional estimate (evidence questions only): ${percent(sel.share)} of the estimable maximum (${figure(sel.overall, r.score)} of ${figure(sel.overallMax, r.score)} points) with SDG ${r.score.rules.mandatorySdg} + SDG ${sel.sdgs.join(', ')}\n`,
        );
      }
      for (const line of notEstimableLines(r.score).slice(0, r.score.notEstimableCounts.length)) io.stdout.write(`  ${printable(line)}\n`);
      io.stdout.write(`  Gap report: ${rel}/gap-report.md · ${counts.error} error(s), ${counts.warning} warning(s)\n`);
    } else if (result.blocked) {
      const rel = path.relative(io.cwd, draftFolder(goodOutDir)) || '.';
      io.stderr.write(`impact-pack: the pack has errors, so nothing was written; the previous output, if any, is unchanged. Fix them, or render a draft with --draft (into ${rel}/).\n`);
    } else {
      io.stderr.write('impact-pack: nothing was written; the previous output, if any, is unchanged.\n');
    }
    if (counts.error > 0) return EXIT.problems;
    if (maxWarnings !== undefined && counts.warning > maxWarnings) return EXIT.problems;
    return EXIT.ok;
  },
};

/** Where build --draft writes: beside the output folder, never in it. */
export function draftFolder(outDir: string): string {
  const trimmed = outDir.replace(/[\\/]+$/, '');
  // A file-system root has no name to add "-draft" to; its draft goes inside it, still apart from any output.
  return path.basename(trimmed) === '' ? path.join(outDir, 'out-draft') : `${trimmed}-draft`;
}

export function parseFormats(text: string | undefined): DocumentFormat[] {
  if (text === undefined) return FORMATS;
  const list = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((f) => !FORMATS.includes(f as DocumentFormat));
  if (bad.length > 0 || list.length === 0) throw new UsageError(`--formats takes a comma-separated list of ${FORMATS.join(', ')}.`);
  return list as DocumentFormat[];
}
