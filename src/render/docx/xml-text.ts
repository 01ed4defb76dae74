/**
 * Text that is about to become XML. WordprocessingML is XML 1.0, in which most control characters and unpaired
 * surrogates are not allowed at all; one of them in document.xml makes Word refuse the whole file.
 */

const NOT_ALLOWED_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces characters XML cannot carry with U+FFFD (visible, so the stray byte can be found in the evidence file),
 * and collapses runs of spaces, tabs and line breaks to one space, as the HTML output displays them.
 */
export function documentText(text: string): string {
  return text.replace(NOT_ALLOWED_IN_XML, '\uFFFD').replace(/[ \t\r\n]+/g, ' ');
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** For the package parts this writer builds as strings (document properties): element text and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(NOT_ALLOWED_IN_XML, '\uFFFD').replace(/[&<>"']/g, (character) => XML_ENTITIES[character]);
}
