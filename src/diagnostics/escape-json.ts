/**
 * JSON for a terminal, a log or a file: JSON.stringify escapes C0 controls inside strings, but writes DEL,
 * the C1 controls (U+0080–U+009F, where U+009B is a one-character CSI) and the line separators U+2028 and
 * U+2029 raw. These can only occur inside strings, so writing them as \\u escapes keeps the JSON identical
 * to a parser and inert on a terminal.
 */
export function jsonText(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
