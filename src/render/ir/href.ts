/**
 * Which link targets a submission document may carry.
 * Assessors open these documents on their own machines, so only web links, e-mail links and links
 * to a heading of the same document are kept. Everything else (javascript:, data:, file:, relative
 * paths that mean nothing outside the pack) is refused by listing what is allowed, never by
 * listing what is forbidden.
 */

export type HrefCheck =
  | { kind: 'external'; href: string }
  | { kind: 'internal'; href: string; anchor: string }
  | { kind: 'rejected'; reason: string };

const WEB = /^https?:\/\/[^/?#\s]+[^\s]*$/i;
const MAIL = /^mailto:[^\s]+$/i;
const ANCHOR = /^#([A-Za-z0-9][A-Za-z0-9_.:-]*)$/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
// C0 and C1 controls: browsers silently drop some of them inside URLs, which can turn a harmless-looking
// href into a different scheme.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function checkHref(rawHref: string): HrefCheck {
  const href = rawHref.trim();
  if (href === '') return { kind: 'rejected', reason: 'the link target is empty' };
  if (CONTROL.test(href)) return { kind: 'rejected', reason: 'the link target contains control characters' };
  const anchor = ANCHOR.exec(href);
  if (anchor) return { kind: 'internal', href, anchor: anchor[1] };
  if (WEB.test(href) || MAIL.test(href)) return { kind: 'external', href };
  const scheme = SCHEME.exec(href);
  if (scheme) {
    const name = scheme[1].toLowerCase();
    return {
      kind: 'rejected',
      reason: ['http', 'https', 'mailto'].includes(name) ? `"${href}" is not a complete ${name} link` : `the scheme "${name}:" is not allowed`,
    };
  }
  return { kind: 'rejected', reason: `"${href}" is neither an absolute http(s) or mailto link nor a #anchor` };
}

/**
 * Anchor ids headings may carry; the same shape internal links may point to. Letters, digits and
 * "_ . : -" only, so that an id is usable unchanged as an HTML id, a URL fragment and a PDF destination.
 */
export const ANCHOR_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
