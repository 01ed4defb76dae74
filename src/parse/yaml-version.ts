import type { CST } from 'yaml';

/**
 * Every file is read as YAML 1.2, whatever it declares. Under a `%YAML 1.1` directive the yaml package
 * switches to the 1.1 schema, where `yes`, `no`, `on` and `off` are booleans, `2020-03-01` becomes a
 * timestamp object and `0777` an octal number: the same file would then mean something else than the
 * documentation and the JSON Schemas say. So such a directive is reported and blanked out (replaced by
 * spaces, which keeps every later line and column where it was) before the file is composed.
 */

export const READ_AS_VERSION = '1.2';

export interface VersionDirective {
  /** Offset of the `%YAML` directive in the source. */
  offset: number;
  /** The version it declares, as written. */
  declared: string;
}

/** `%YAML` directives that ask for anything other than YAML 1.2. */
export function otherVersionDirectives(tokens: readonly CST.Token[]): VersionDirective[] {
  const found: VersionDirective[] = [];
  for (const token of tokens) {
    if (token.type !== 'directive') continue;
    const match = /^%YAML[ \t]+(\S+)/.exec(token.source);
    if (match && match[1] !== READ_AS_VERSION) found.push({ offset: token.offset, declared: match[1] });
  }
  return found;
}

/** The text with each directive line blanked; its length and line breaks are unchanged. */
export function withoutDirectives(text: string, directives: readonly VersionDirective[]): string {
  let out = text;
  for (const { offset } of directives) {
    const lineEnd = out.indexOf('\n', offset);
    const end = lineEnd === -1 ? out.length : lineEnd;
    // A CR before the line feed stays, so that CRLF files keep their line structure.
    const body = out.slice(offset, end).replace(/[^\r]/g, ' ');
    out = out.slice(0, offset) + body + out.slice(end);
  }
  return out;
}
