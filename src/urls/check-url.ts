import { rm } from 'node:fs/promises';
import { printable } from '../diagnostics/escape-terminal';
import type { AddressPolicy, Refusal, Resolver } from './address-policy';
import { httpRequest, type HttpAnswer, type NetworkFailure, type RequestOptions } from './http-request';
import { looksLikeLoginPage } from './login-page';
import { backoffMs, retryAfterMs } from './retry-after';

/** What a public URL turned out to be. */
export type UrlStatus = 'ok' | 'redirected' | 'broken' | 'login' | 'unreachable' | 'timeout' | 'refused';

export interface Redirect {
  from: string;
  to: string;
  status: number;
}

export interface UrlCheck {
  url: string;
  status: UrlStatus;
  /** The last HTTP status received, when an answer came at all. */
  httpStatus?: number;
  /** Where the redirects ended (the URL itself when there were none). */
  finalUrl: string;
  redirects: Redirect[];
  /** The method whose answer counted: HEAD, or GET when HEAD was refused or a body was wanted. */
  method: 'HEAD' | 'GET';
  /** Requests made for this URL, redirects not counted. */
  attempts: number;
  /** What happened, in words for a message ("HTTP 404", "the connection was reset", …). */
  detail: string;
  /** The saved body, when a snapshot was asked for and the page answered 2xx. */
  body?: { size: number; sha256: string; truncated: boolean; contentType?: string };
  /** Why the address was refused (status `refused`): the host, the address and its kind. */
  refusal?: Refusal;
  /**
   * The first request failed in a way that points at this machine's network rather than the server: no
   * route, no DNS server answering, the proxy unreachable, or no connection before the deadline.
   */
  offline?: boolean;
}

export interface CheckSettings {
  /** One deadline for each try of a URL: every redirect hop, the headers and any saved body. */
  timeoutMs: number;
  /** Retries after a 429 or 5xx answer or a reset connection. */
  retries: number;
  maxRedirects: number;
  /** First backoff; doubled for each further retry. */
  backoffMs: number;
  /** The longest Retry-After honoured; a server asking for more is reported as it answered. */
  maxWaitMs: number;
  userAgent: string;
  /** Which addresses may be fetched (default: public addresses only). */
  policy?: AddressPolicy;
  /** The environment, for the proxy variables (default: direct connections). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** What the checker needs from the world, injectable so that tests can watch the waits instead of timing them. */
export interface CheckDeps {
  request?: (url: URL, method: 'HEAD' | 'GET', options: RequestOptions) => Promise<HttpAnswer>;
  sleep: (ms: number) => Promise<void>;
  nowMs: () => number;
  /** How host names are resolved (default: the system resolver); tests answer without DNS. */
  resolver?: Resolver;
}

/** Where to save the body of a page for a snapshot. */
export interface BodyTarget {
  file: string;
  maxBytes: number;
}

export type Followed =
  | { kind: 'answer'; answer: Extract<HttpAnswer, { kind: 'response' }>; redirects: Redirect[]; finalUrl: string }
  | { kind: 'failure'; failure: NetworkFailure; detail: string; redirects: Redirect[]; finalUrl: string; connected?: boolean; refusal?: Refusal }
  | { kind: 'bad-redirect'; detail: string; status: number; redirects: Redirect[]; finalUrl: string };

/**
 * Checks one URL: HEAD first (GET when a snapshot needs the body), falling back to GET when HEAD is
 * refused or answered with an error, following and recording redirects, and retrying with exponential
 * backoff on 429, 5xx and reset connections, honouring Retry-After. Never throws.
 */
export async function checkUrl(url: string, settings: CheckSettings, deps: CheckDeps, body?: BodyTarget): Promise<UrlCheck> {
  const request = deps.request ?? httpRequest;
  let method: 'HEAD' | 'GET' = body ? 'GET' : 'HEAD';
  let triedGet = method === 'GET';
  let retriesLeft = settings.retries;
  let attempts = 0;
  for (;;) {
    attempts++;
    if (body) await rm(body.file, { force: true });
    const followed = await follow(url, method, settings, request, body, deps.resolver);
    const retryable =
      (followed.kind === 'failure' && followed.failure === 'reset') ||
      (followed.kind === 'answer' && (followed.answer.status === 429 || followed.answer.status >= 500));
    // Some servers drop or refuse HEAD requests but serve GET; try GET before spending retries, unless
    // the server asked to be left alone for a while (429, or any answer with Retry-After).
    const asksToWait = followed.kind === 'answer' && (followed.answer.status === 429 || followed.answer.retryAfter !== undefined);
    const headRefused =
      method === 'HEAD' && ((followed.kind === 'failure' && followed.failure === 'reset') || (followed.kind === 'answer' && followed.answer.status >= 400));
    if (headRefused && !triedGet && !asksToWait) {
      method = 'GET';
      triedGet = true;
      continue;
    }
    if (retryable && retriesLeft > 0) {
      const asked = followed.kind === 'answer' ? retryAfterMs(followed.answer.retryAfter, deps.nowMs()) : undefined;
      if (asked === undefined || asked <= settings.maxWaitMs) {
        retriesLeft--;
        await deps.sleep(asked ?? backoffMs(settings.retries - retriesLeft, settings.backoffMs));
        continue;
      }
    }
    return classify(url, followed, method, attempts);
  }
}

async function follow(
  url: string,
  method: 'HEAD' | 'GET',
  settings: CheckSettings,
  request: NonNullable<CheckDeps['request']>,
  body: BodyTarget | undefined,
  resolver: Resolver | undefined,
): Promise<Followed> {
  const redirects: Redirect[] = [];
  let current = new URL(url);
  const seen = new Set([current.href]);
  const deadline = Date.now() + settings.timeoutMs;
  for (;;) {
    // Every hop goes through the same request, so the address policy applies again to each redirect target.
    const answer = await request(current, method, {
      timeoutMs: Math.max(1, deadline - Date.now()),
      userAgent: settings.userAgent,
      saveBodyTo: body?.file,
      maxBodyBytes: body?.maxBytes,
      policy: settings.policy,
      resolver,
      env: settings.env,
    });
    if (answer.kind === 'failure') {
      return { kind: 'failure', failure: answer.failure, detail: answer.detail, redirects, finalUrl: current.href, connected: answer.connected, refusal: answer.refusal };
    }
    const isRedirect = answer.status >= 300 && answer.status < 400 && answer.status !== 304;
    if (!isRedirect) return { kind: 'answer', answer, redirects, finalUrl: current.href };
    const bad = (detail: string): Followed => ({ kind: 'bad-redirect', detail, status: answer.status, redirects, finalUrl: current.href });
    if (!answer.location) return bad(`HTTP ${answer.status} redirect without a Location header`);
    let next: URL;
    try {
      next = new URL(answer.location, current);
    } catch {
      return bad(`HTTP ${answer.status} redirect to an invalid address "${printable(answer.location)}"`);
    }
    redirects.push({ from: current.href, to: next.href, status: answer.status });
    if (next.protocol !== 'http:' && next.protocol !== 'https:') return bad(`redirect to a ${printable(next.protocol)} address`);
    if (seen.has(next.href)) return bad(`redirect loop back to ${next.href}`);
    if (redirects.length > settings.maxRedirects) return bad(`more than ${settings.maxRedirects} redirects`);
    seen.add(next.href);
    current = next;
  }
}

/** Turns what happened into one of the six statuses, with words for the message. Pure. */
export function classify(url: string, followed: Followed, method: 'HEAD' | 'GET', attempts: number): UrlCheck {
  const base = { url, finalUrl: followed.finalUrl, redirects: followed.redirects, method, attempts };
  const login = followed.redirects.find((r) => looksLikeLoginPage(new URL(r.to)));
  if (followed.kind === 'failure') {
    if (followed.failure === 'blocked') {
      const detail = followed.redirects.length > 0 ? `it redirects to ${followed.finalUrl}, and ${followed.detail}` : followed.detail;
      return { ...base, status: 'refused', detail, ...(followed.refusal ? { refusal: followed.refusal } : {}) };
    }
    const offline = followed.redirects.length === 0 && (followed.failure === 'network' || (followed.failure === 'timeout' && followed.connected === false));
    return { ...base, status: followed.failure === 'timeout' ? 'timeout' : 'unreachable', detail: followed.detail, ...(offline ? { offline } : {}) };
  }
  if (followed.kind === 'bad-redirect') return { ...base, status: 'broken', httpStatus: followed.status, detail: followed.detail };
  const { status } = followed.answer;
  const body = followed.answer.body ? { ...followed.answer.body, contentType: followed.answer.contentType } : undefined;
  const withBody = body ? { body } : {};
  if (login) return { ...base, ...withBody, status: 'login', httpStatus: status, detail: `redirects to a sign-in page (${login.to})` };
  if (status === 401 || status === 403) return { ...base, status: 'login', httpStatus: status, detail: `HTTP ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}` };
  if (status >= 200 && status < 300) {
    if (followed.redirects.length > 0) return { ...base, ...withBody, status: 'redirected', httpStatus: status, detail: `redirects to ${followed.finalUrl}` };
    return { ...base, ...withBody, status: 'ok', httpStatus: status, detail: `HTTP ${status}` };
  }
  return { ...base, status: 'broken', httpStatus: status, detail: `HTTP ${status}${reason(status)}` };
}

function reason(status: number): string {
  const known: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 410: 'Gone', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
  return known[status] ? ` ${known[status]}` : '';
}
