/**
 * Keeps evidence text from breaking a Markdown table or being read as Markdown or HTML: pipes and
 * backslashes are escaped, angle brackets become entities, line breaks become spaces, and characters
 * that start emphasis, links or code are escaped.
 */
export function mdText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/([*_`[\]])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/** A path or an id in code style; backticks inside cannot occur in pack paths, but are dropped to be safe. */
export function mdCode(text: string): string {
  return `\`${text.replace(/`/g, '').replace(/\|/g, '\\|')}\``;
}
