import type { Code } from '../diagnostics/codes';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import { SharedBy } from '../diagnostics/shared-subject';
import type { UrlCheck, UrlStatus } from './check-url';
import type { UrlReference } from './collect-urls';
import type { LinkRecord } from './link-history';

const CODE: Record<Exclude<UrlStatus, 'ok'>, Code> = {
  redirected: 'URL_REDIRECTED',
  broken: 'URL_BROKEN',
  login: 'URL_LOGIN_REQUIRED',
  unreachable: 'URL_UNREACHABLE',
  timeout: 'URL_TIMEOUT',
  refused: 'URL_ADDRESS_REFUSED',
};

export const STATUS_WORDS: Record<UrlStatus, string> = {
  ok: 'ok',
  redirected: 'redirected',
  broken: 'broken',
  login: 'behind a login',
  unreachable: 'unreachable',
  timeout: 'timed out',
  refused: 'refused (internal address)',
};

/**
 * One diagnostic per reference to a URL that is not plainly ok, at the line citing it, saying what
 * changed since the previous run when something did, and which other items cite the same URL (the rule
 * for shared things, src/diagnostics/shared-subject.ts). Pure.
 */
export function linkDiagnostics(
  references: readonly UrlReference[],
  checks: ReadonlyMap<string, UrlCheck>,
  previous: ReadonlyMap<string, LinkRecord>,
  now: Date,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const sharers = sharersByUrl(references);
  for (const ref of references) {
    const check = checks.get(ref.url);
    if (!check || check.status === 'ok') continue;
    const others = sharers.get(ref.url)!.othersThan(citedBy(ref), 'Also cited by');
    const message = `${describe(check)}${history(check, previous.get(check.url), now)}.${others}`;
    out.push(diagnostic(CODE[check.status], message, ref.where, { itemId: ref.itemId, sdg: ref.sdg, metric: ref.metric }));
  }
  return out;
}

/** Who cites each URL, grouped once (a URL may be cited by thousands of items). */
export function sharersByUrl(references: readonly UrlReference[]): Map<string, SharedBy> {
  const names = new Map<string, string[]>();
  for (const ref of references) {
    const list = names.get(ref.url) ?? [];
    list.push(citedBy(ref));
    names.set(ref.url, list);
  }
  return new Map([...names].map(([url, list]) => [url, new SharedBy(list)]));
}

/** Who cites a URL: the item, or the file (the pack config cites the institution's website and sources). */
export function citedBy(ref: UrlReference): string {
  return ref.itemId ?? ref.where.file;
}

function describe(check: UrlCheck): string {
  const url = `"${check.url}"`;
  switch (check.status) {
    case 'redirected':
      return `${url} redirects to "${check.finalUrl}" (${check.redirects.map((r) => r.status).join(' → ')})`;
    case 'broken':
      return `${url} is broken: ${check.detail}`;
    case 'login':
      return `${url} is behind a login: ${check.detail}`;
    case 'unreachable':
      return `${url} cannot be reached: ${check.detail}`;
    case 'timeout':
      return `${url} timed out: ${check.detail}`;
    case 'refused':
      return `${url} was not fetched: ${check.detail}; links fetches only public addresses`;
    case 'ok':
      return `${url} is ok`;
  }
}

/** "(ok on 2026-11-02, broken now)" after a change; "(broken since 2026-10-01)" for a lasting problem. */
function history(check: UrlCheck, before: LinkRecord | undefined, now: Date): string {
  if (!before) return '';
  if (before.status !== check.status) return ` (${STATUS_WORDS[before.status]} on ${day(before.checkedAt)}, ${STATUS_WORDS[check.status]} now)`;
  if (day(before.since) !== day(now.toISOString())) return ` (${STATUS_WORDS[check.status]} since ${day(before.since)})`;
  return '';
}

export function day(isoTime: string): string {
  return isoTime.slice(0, 10);
}
