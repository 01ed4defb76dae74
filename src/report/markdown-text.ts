import { printable } from '../diagnostics/escape-terminal';

/**
 * Keeps evidence text from breaking a Markdown table or being read as Markdown or HTML: pipes and
 * backslashes are escaped, angle brackets become entities, every line break (CR, LF, CR LF, NEL, U+2028,
 * U+2029) becomes a space, characters that start emphasis, links or code are escaped, a leading `#`, `+`,
 * `-` or `=` cannot start a heading or a list, `@name` cannot notify anyone on GitHub (a zero-width space
 * after the @, as Dependabot writes it), and other control characters are written as visible escapes,
 * since the Markdown is also printed to terminals (`gaps --format md`).
 */
export function mdText(text: string): string {
  const flat = printable(text.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' '));
  return flat
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/([*_`[\]])/g, '\\$1')
    .replace(/@(?=[A-Za-z0-9])/g, '@&#8203;')
    .replace(/^(\s*)([#+=-])/, '$1\\$2');
}

/** A path or an id in code style: backticks and line breaks cannot occur inside, pipes are escaped for tables. */
export function mdCode(text: string): string {
  const flat = printable(text.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' '));
  return `\`${flat.replace(/`/g, '').replace(/\|/g, '\\|')}\``;
}
