/**
 * Escaping for the two contexts the HTML writer puts text in: element content / quoted attribute values, and
 * CSS string literals inside the <style> element. Every piece of evidence text goes through one of them.
 */

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * C0 controls other than tab, line feed and carriage return, DEL, C1 controls and unpaired surrogates are not
 * allowed in HTML text; they are shown as U+FFFD so that a stray byte in an evidence file stays visible.
 */
const NOT_ALLOWED_IN_HTML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Safe in element content and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(NOT_ALLOWED_IN_HTML, '\uFFFD').replace(/[&<>"']/g, (character) => HTML_ENTITIES[character]);
}

/**
 * A double-quoted CSS string. Everything outside letters, digits, space and a few harmless marks is written as a
 * hex escape, so neither a quote, a backslash, a newline nor "</style>" can end the string or the element.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const character of text.replace(NOT_ALLOWED_IN_HTML, '\uFFFD')) {
    const codePoint = character.codePointAt(0) ?? 0xfffd;
    const plain = /[A-Za-z0-9 .,:;!?()\-]/.test(character) || codePoint > 0x9f;
    // The trailing space ends the escape; CSS swallows it, so "\3C a" reads as "<a".
    out += plain ? character : `\\${codePoint.toString(16).toUpperCase()} `;
  }
  return out + '"';
}
