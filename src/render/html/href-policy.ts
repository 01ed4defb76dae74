/**
 * Which link targets a generated document may carry. Format-neutral: the DOCX writer applies the same policy.
 *
 * The IR parser already filters hrefs, but templates are overridable per pack and writers are the last line
 * before a reviewer's browser or word processor, so every writer checks again rather than trusting its input.
 */

export type HrefTarget =
  /** An absolute http, https or mailto URL, normalised by the WHATWG URL parser (so it is percent-encoded). */
  | { kind: 'external'; url: string }
  /** A jump to a heading of the same document, by its anchor id. */
  | { kind: 'internal'; id: string }
  | { kind: 'rejected'; reason: string };

const WEB_PROTOCOLS = new Set(['http:', 'https:']);

export function classifyHref(href: string): HrefTarget {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) {
    const id = trimmed.slice(1);
    return id === '' ? { kind: 'rejected', reason: 'the internal link names no anchor' } : { kind: 'internal', id };
  }
  let url: URL;
  try {
    // The URL parser strips tabs and newlines the way browsers do, so "java\tscript:" is seen as javascript:.
    url = new URL(trimmed);
  } catch {
    return { kind: 'rejected', reason: 'it is neither an absolute URL nor a #anchor' };
  }
  if (WEB_PROTOCOLS.has(url.protocol)) {
    return url.hostname === '' ? { kind: 'rejected', reason: 'the web address has no host' } : { kind: 'external', url: url.href };
  }
  if (url.protocol === 'mailto:') {
    return url.pathname === '' ? { kind: 'rejected', reason: 'the mailto link has no address' } : { kind: 'external', url: url.href };
  }
  return { kind: 'rejected', reason: `the scheme ${url.protocol} is not http, https or mailto` };
}
