import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { CODES, type CodeInfo } from './codes';

/** Where the reference of every code lives, relative to the package root (shipped with the package). */
export const DIAGNOSTICS_DOC = 'docs/diagnostics.md';

/**
 * A code's anchor in docs/diagnostics.md: the slug GitHub, npm and VS Code give its `### CODE` heading
 * (lower case; underscores kept), so `docs/diagnostics.md#metric_unknown` lands on it in every viewer.
 */
export function codeAnchor(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

/** The code's place in the docs as a path from the package root, e.g. docs/diagnostics.md#metric_unknown. */
export function codeDocsPath(code: string): string {
  return `${DIAGNOSTICS_DOC}#${codeAnchor(code)}`;
}

interface PackageInfo {
  version: string;
  repository?: string | { url?: string };
}

/**
 * The code's documentation as an absolute URI, for SARIF's helpUri (which must be absolute) and JSON: on the
 * repository's web page for this version when package.json names a GitHub repository, otherwise the copy of
 * docs/diagnostics.md installed with impact-pack (a file: URI, which opens where the tool ran).
 */
export function codeHelpUri(code: string, pkg: PackageInfo = packageInfo()): string {
  const web = repositoryWebUrl(pkg.repository);
  if (web) return `${web}/blob/v${pkg.version}/${DIAGNOSTICS_DOC}#${codeAnchor(code)}`;
  return `${pathToFileURL(path.resolve(__dirname, '../..', DIAGNOSTICS_DOC)).href}#${codeAnchor(code)}`;
}

function repositoryWebUrl(repository: PackageInfo['repository']): string | undefined {
  const url = typeof repository === 'string' ? repository : repository?.url;
  if (!url) return undefined;
  const github = /github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(url) ?? /^github:([\w.-]+)\/([\w.-]+)$/.exec(url);
  if (github) return `https://github.com/${github[1]}/${github[2]}`;
  // "owner/name" is npm's shorthand for a GitHub repository.
  const short = /^([\w.-]+)\/([\w.-]+)$/.exec(url);
  return short ? `https://github.com/${short[1]}/${short[2]}` : undefined;
}

function packageInfo(): PackageInfo {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../../package.json') as PackageInfo;
}

/** The code's catalogue entry, or undefined for a code impact-pack does not have. */
export function codeInfo(code: string): CodeInfo | undefined {
  return Object.prototype.hasOwnProperty.call(CODES, code) ? (CODES as Record<string, CodeInfo>)[code] : undefined;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * docs/diagnostics.md, generated from the codes catalogue so the reference never drifts from the tool: a
 * table of every code, then one section per code (the anchor that `impact-pack explain`, the JSON output and
 * SARIF's helpUri point at).
 */
export function diagnosticsReference(): string {
  const lines = [
    '# Diagnostic codes',
    '',
    '<!-- Generated from src/diagnostics/codes.ts by `npm run generate`; do not edit by hand. -->',
    '',
    'Every problem impact-pack reports has one of these codes, a severity, a message, a hint, and the file, line and column it concerns (for a spreadsheet read by `impact-pack import`, the sheet and cell, e.g. `SDG6!F12`). Errors make `validate` and `build` exit with 1; warnings do not, unless `--max-warnings` is given.',
    '',
    '`impact-pack explain CODE` prints a code\'s section from this page in the terminal. Each diagnostic in `--format json` carries `docs` (this page and the code\'s anchor) and `helpUri`; in SARIF each rule has `helpUri`.',
    '',
    'Each code is always reported with the severity given here; a problem that deserves another severity has its own code. Each diagnostic carries the hint given here, except where the table says that a case gets a hint of its own, and except for problems in a criteria catalogue (a damaged installation), whose hint says so whatever the code.',
    '',
    'A diagnostic about how several items use one thing (they cite the same supporting file or URL, state the same institution fact, carry the same id) is reported on every item concerned, at that item\'s own line, and its message names the other items (the first five, then how many more); counts of diagnostics therefore count each item concerned. A problem in the thing itself, which no item can fix (a file no item cites, a file that changed or cannot be appended during a build), is reported on that file.',
    '',
    '| Code | Severity | Stage | What it means |',
    '|---|---|---|---|',
  ];
  for (const [code, info] of Object.entries(CODES) as [string, CodeInfo][]) {
    lines.push(`| [\`${code}\`](#${codeAnchor(code)}) | ${info.severity} | ${info.source} | ${cell(info.title)} |`);
  }
  lines.push('');
  for (const [code, info] of Object.entries(CODES) as [string, CodeInfo][]) {
    const cases = info.caseHints === undefined ? [] : [`A case-specific hint replaces this one where it helps: ${info.caseHints}.`, ''];
    lines.push(`### ${code}`, '', `**${info.title}** (${info.severity}, ${info.source})`, '', `What to do: ${info.hint}`, '', ...cases);
  }
  return `${lines.join('\n')}`;
}
