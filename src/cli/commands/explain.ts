import { CODES } from '../../diagnostics/codes';
import { codeDocsPath, codeHelpUri, codeInfo } from '../../diagnostics/docs';
import { EXIT, UsageError, type CliIo } from '../io';
import type { ParsedArgs } from '../args';
import { closest } from '../suggest';

export const explainCommand = {
  name: 'explain',
  summary: 'Explain a diagnostic code: what it means, its severity, what to do, and where it is documented.',
  usage: 'impact-pack explain CODE [--format text|json]',
  positionals: ['CODE'],
  options: { format: { type: 'string' } },
  async run(args: ParsedArgs, io: CliIo): Promise<number> {
    const format = args.values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}".`);
    const typed = args.positionals[0];
    if (typed === undefined) throw new UsageError('explain needs a code, e.g. impact-pack explain METRIC_UNKNOWN (codes are printed after each problem).');
    // Codes are printed in capitals; accept them as typed in any case and with dashes for underscores.
    const code = typed.trim().toUpperCase().replace(/-/g, '_');
    const info = codeInfo(code);
    if (!info) {
      const known = Object.keys(CODES);
      const near = closest(code, known);
      const related = known.filter((k) => k.includes(code) && k !== near).slice(0, 5);
      const offer = [near, ...related].filter((x): x is string => x !== undefined);
      throw new UsageError(
        `unknown code ${JSON.stringify(typed)}.${offer.length > 0 ? ` Did you mean ${offer.join(', ')}?` : ''} docs/diagnostics.md lists all ${known.length} codes.`,
      );
    }
    const docs = codeDocsPath(code);
    const helpUri = codeHelpUri(code);
    if (format === 'json') {
      io.stdout.write(`${JSON.stringify({ code, title: info.title, severity: info.severity, stage: info.source, message: info.title, hint: info.hint, docs, helpUri }, null, 2)}\n`);
      return EXIT.ok;
    }
    io.stdout.write(
      [
        `${code}: ${info.title}`,
        `  Severity: ${info.severity}${info.severity === 'error' ? ' (validate and build exit with 1)' : ''}`,
        `  Stage:    ${info.source}`,
        // The catalogue holds one sentence per code; each report of it names the item, value or file concerned.
        `  Message:  ${info.title}; each report says which item, value or file.`,
        `  Hint:     ${info.hint}`,
        `  Docs:     ${docs}`,
        `            ${helpUri}`,
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  },
};
