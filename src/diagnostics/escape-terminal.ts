/**
 * Text from a pack (file names, paths, messages quoting evidence, header values a server sent) made safe
 * for a terminal or a CI log. The human format is read by people and by CI runners, and both can be
 * fooled: a newline starts a line that looks like impact-pack's own, an ESC or C1 character (U+009B is a
 * one-character CSI) drives the terminal, a bidi control reorders what is shown, and a line starting with
 * `::` or `##[` is a GitHub Actions workflow command (`::error file=…::`, `::stop-commands::`,
 * `::add-mask::`). Every such character is written as a visible escape instead.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One value, with every control, line-breaking and bidi character written as `\n`, `\r`, `\t`, `\xNN` or `\uNNNN`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    if (NAMED[c]) return NAMED[c];
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A whole block of output for a terminal or CI log, after its values went through `printable`: a line
 * that would start (after spaces) with `::` or `##[` gets its first character escaped, so no text from the
 * pack can become a workflow command even when it lands at the start of a line (a file name heading).
 */
export function guardLineStarts(output: string): string {
  return output.replace(/^([ \t]*)(::|##\[)/gm, (_m, indent: string, start: string) => `${indent}${start === '::' ? '\\x3a:' : '\\x23#['}`);
}
