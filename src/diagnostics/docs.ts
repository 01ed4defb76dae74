import { CODES, type CodeInfo } from './codes';

/** docs/diagnostics.md, generated from the codes catalogue so the reference never drifts from the tool. */
export function diagnosticsReference(): string {
  const lines = [
    '# Diagnostic codes',
    '',
    '<!-- Generated from src/diagnostics/codes.ts by `npm run generate`; do not edit by hand. -->',
    '',
    'Every problem impact-pack reports has one of these codes, a severity, a message, a hint, and the file, line and column it concerns. Errors make `validate` and `build` exit with 1; warnings do not, unless `--max-warnings` is given.',
    '',
    'Each code is always reported with the severity given here; a problem that deserves another severity has its own code. Each diagnostic carries the hint given here, except where the table says that a case gets a hint of its own, and except for problems in a criteria catalogue (a damaged installation), whose hint says so whatever the code.',
    '',
    'A diagnostic about how several items use one thing (they cite the same supporting file or URL, state the same institution fact, carry the same id) is reported on every item concerned, at that item\'s own line, and its message names the other items (the first five, then how many more); counts of diagnostics therefore count each item concerned. A problem in the thing itself, which no item can fix (a file no item cites, a file that changed or cannot be appended during a build), is reported on that file.',
    '',
    '| Code | Severity | Stage | What it means | What to do |',
    '|---|---|---|---|---|',
  ];
  for (const [code, info] of Object.entries(CODES) as [string, CodeInfo][]) {
    const hint = info.caseHints === undefined ? info.hint : `${info.hint} (A case-specific hint replaces this one where it helps: ${info.caseHints}.)`;
    lines.push(`| \`${code}\` | ${info.severity} | ${info.source} | ${info.title} | ${hint.replace(/\|/g, '\\|')} |`);
  }
  return `${lines.join('\n')}\n`;
}
