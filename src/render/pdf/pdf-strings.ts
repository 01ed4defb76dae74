/**
 * pdf-lib writes PDFString values verbatim between parentheses, so text that reaches a literal
 * string must be escaped first, and URIs must be 7-bit ASCII (PDF 1.7, 12.6.4.7).
 */

/** Escapes the three characters that would end or corrupt a PDF literal string. */
export function escapePdfLiteral(value: string): string {
  return value.replace(/[\\()]/g, (char) => `\\${char}`);
}

const utf8 = new TextEncoder();

/** Percent-encodes (as UTF-8) every character of a URI that is not printable ASCII. */
export function asciiUri(uri: string): string {
  let result = '';
  for (const char of uri) {
    const code = char.codePointAt(0) as number;
    if (code > 0x20 && code < 0x7f) {
      result += char;
    } else {
      for (const byte of utf8.encode(char)) result += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return result;
}
