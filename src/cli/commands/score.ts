import { rescoreLines } from '../../report/rescore-text';
import { scoreText } from '../../report/score-text';
import { jsonText } from '../../diagnostics/escape-json';
import { EXIT, UsageError, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { analyseFromArgs, ANALYSIS_OPTIONS } from './gaps';

export const scoreCommand = {
  name: 'score',
  summary: 'Print the provisional score per SDG (an estimate), eligibility, the best selection of SDGs and a what-if; with --edition, re-score the pack under another edition.',
  usage: 'impact-pack score [PACK] [--edition E] [--what-if 4,7,12] [--as-of YYYY-MM-DD] [--format text|json]',
  options: { format: { type: 'string' }, 'as-of': ANALYSIS_OPTIONS['as-of'], 'what-if': ANALYSIS_OPTIONS['what-if'], edition: ANALYSIS_OPTIONS.edition },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const format = args.values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}".`);
    const analysed = await analyseFromArgs(args, io);
    if (analysed.code !== undefined) return analysed.code;
    const { report } = analysed;
    io.stdout.write(
      format === 'json'
        ? `${jsonText({ schemaVersion: report.schemaVersion, institution: report.institution, edition: report.edition, product: report.product, asOf: report.asOf, score: report.score, ...(report.rescoring ? { rescoring: report.rescoring } : {}) })}\n`
        : `${scoreText(report.score, report)}${report.rescoring ? `\n${rescoreLines(report.rescoring).join('\n')}\n` : ''}`,
    );
    return EXIT.ok;
  },
};
