import { CODES } from './codes';

/** docs/diagnostics.md, generated from the codes catalogue so the reference never drifts from the tool. */
export function diagnosticsReference(): string {
  const lines = [
    '# Diagnostic codes',
    '',
    '<!-- Generated from src/diagnostics/codes.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Every problem impact-pack reports has one of these codes, a severity, a message, a hint, and the file, line and column it concerns (for a spreadsheet read by `impact-pack import`, the sheet and cell, e.g. `SDG6!F12`). Errors make `validate` and `build` exit with 1; warnings do not, unless `--max-warnings` is given.',
    '',
    '| Code | Severity | Stage | What it means | What to do |',
    '|---|---|---|---|---|',
  ];
  for (const [code, info] of Object.entries(CODES)) {
    lines.push(`| \`${code}\` | ${info.severity} | ${info.source} | ${info.title} | ${info.hint.replace(/\|/g, '\\|')} |`);
  }
  return `${lines.join('\n')}\n`;
}
