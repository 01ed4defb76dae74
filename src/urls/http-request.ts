import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import tls from 'node:tls';
import { printable } from '../diagnostics/escape-terminal';
import {
  AddressRefusedError,
  guardedLookup,
  refusalOfAddress,
  refusalOfHost,
  refusalWords,
  systemResolver,
  type AddressPolicy,
  type Refusal,
  type Resolver,
} from './address-policy';
import { proxyFor, proxyLabel } from './proxy';

/** What one HTTP request produced: an answer with a status, or a failure to get one. */
export type HttpAnswer =
  | {
      kind: 'response';
      status: number;
      location?: string;
      retryAfter?: string;
      contentType?: string;
      /** When a body was saved: its size, SHA-256, and whether it was cut at the size limit. */
      body?: { size: number; sha256: string; truncated: boolean };
    }
  | {
      kind: 'failure';
      failure: NetworkFailure;
      detail: string;
      /** Whether a connection was made at all (to the server, or to the proxy); false means the network may be down. */
      connected?: boolean;
      refusal?: Refusal;
    };

/**
 * `blocked`: the address policy refused the host; nothing was sent. `network`: the network itself failed
 * (no route, DNS servers unreachable, the proxy unreachable), as opposed to one server failing.
 */
export type NetworkFailure = 'timeout' | 'reset' | 'refused' | 'dns' | 'tls' | 'blocked' | 'network' | 'other';

export interface RequestOptions {
  /**
   * One deadline for the whole request: resolving, connecting, the headers and, when a body is saved,
   * the whole body. A server trickling a byte a second is cut off when it passes.
   */
  timeoutMs: number;
  userAgent: string;
  /** Save a 2xx body to this file (GET only), hashing it on the way. */
  saveBodyTo?: string;
  /** The body is cut here and marked truncated; the request still counts as answered. */
  maxBodyBytes?: number;
  /** Which addresses may be connected to (default: public addresses only). */
  policy?: AddressPolicy;
  /** How host names are resolved (default: the system resolver). */
  resolver?: Resolver;
  /** Environment for the proxy variables (default: none, so a direct connection). */
  env?: Readonly<Record<string, string | undefined>>;
}

const PUBLIC_ONLY: AddressPolicy = { allowPrivate: false, allowedHosts: [] };

/**
 * One request, no redirects followed, over Node's own http and https modules: a failure is returned as
 * data (timed out, reset, refused, unknown host, TLS, address refused), never thrown. Without
 * `saveBodyTo`, the connection is closed as soon as the headers arrive, so checking a link to a 200 MB
 * video downloads nothing.
 *
 * Address policy: an IP literal or a reserved name is refused before anything happens; a name is
 * resolved by `guardedLookup`, which refuses internal answers and gives the socket only the addresses it
 * checked; the socket's peer address is checked again on connect. Through a proxy the proxy resolves the
 * name, so the target is checked on a local resolution of its name where one succeeds (see docs/links.md).
 */
export async function httpRequest(url: URL, method: 'HEAD' | 'GET', options: RequestOptions): Promise<HttpAnswer> {
  const policy = options.policy ?? PUBLIC_ONLY;
  const resolver = options.resolver ?? systemResolver;
  const startedAt = Date.now();
  const byName = refusalOfHost(policy, url.hostname);
  if (byName) return blocked(byName);
  const route = proxyFor(url, options.env ?? {});
  if (route.kind === 'unsupported') {
    return { kind: 'failure', failure: 'network', detail: `the proxy "${printable(route.text)}" is not an http:// proxy; only http:// proxies are supported`, connected: false };
  }
  if (route.kind === 'proxy' && !/^\[|^\d+\.\d+\.\d+\.\d+$/.test(url.hostname)) {
    // The proxy resolves the name itself; check what the name resolves to here, where that is possible.
    const local = await resolveWithin(resolver, url.hostname, options.timeoutMs);
    const refused = local?.map((a) => refusalOfAddress(policy, url.hostname, a.address)).find((r) => r !== undefined);
    if (refused) return blocked(refused);
  }
  const remainingMs = Math.max(1, options.timeoutMs - (Date.now() - startedAt));

  return new Promise((resolve) => {
    let settled = false;
    let connected = false;
    let inBody = false;
    const cleanups: (() => void)[] = [];
    const finish = (answer: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const cleanup of cleanups) cleanup();
      resolve(answer);
    };
    const seconds = `${Math.round(options.timeoutMs / 100) / 10} s`;
    const timer = setTimeout(() => {
      const detail = inBody ? `the body did not arrive within ${seconds}` : connected ? `no answer within ${seconds}` : `no connection within ${seconds}`;
      finish({ kind: 'failure', failure: 'timeout', detail, connected });
    }, remainingMs);
    const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: '*/*' };
    const proxy = route.kind === 'proxy' ? route.proxy : undefined;
    const onError = (error: NodeJS.ErrnoException) => {
      if (inBody) return; // the body's own handlers decide once the headers are in
      finish({ kind: 'failure', ...failureOf(error, connected, proxy), connected });
    };
    const onResponse = (response: http.IncomingMessage) => {
      response.on('error', () => undefined);
      const answer: Extract<HttpAnswer, { kind: 'response' }> = {
        kind: 'response',
        status: response.statusCode ?? 0,
        location: single(response.headers.location),
        retryAfter: single(response.headers['retry-after']),
        contentType: single(response.headers['content-type']),
      };
      const wantsBody = options.saveBodyTo !== undefined && method === 'GET' && answer.status >= 200 && answer.status < 300;
      if (!wantsBody) {
        response.destroy();
        finish(answer);
        return;
      }
      inBody = true;
      const saving = saveBody(response, options.saveBodyTo!, options.maxBodyBytes ?? Number.MAX_SAFE_INTEGER);
      cleanups.push(saving.cancel);
      saving.done.then(
        (body) => finish({ ...answer, body }),
        (error: Error) => finish({ kind: 'failure', failure: 'reset', detail: `the body could not be saved (${printable(error.message)})`, connected }),
      );
    };
    /** Starts the request proper; `checkPeer` re-checks the address the socket connected to (not for a proxy tunnel). */
    const start = (request: http.ClientRequest, checkPeer: boolean) => {
      cleanups.push(() => request.destroy());
      request.on('error', onError);
      request.on('socket', (socket: Socket) => {
        const onConnect = () => {
          connected = true;
          const peer = socket.remoteAddress;
          const refused = checkPeer && peer ? refusalOfAddress(policy, url.hostname, peer) : undefined;
          if (refused) {
            socket.destroy();
            finish(blocked(refused));
          }
        };
        if (socket.connecting) socket.once('connect', onConnect);
        else if (!checkPeer) connected = true;
      });
      request.end();
    };

    try {
      if (!proxy) {
        const client = url.protocol === 'https:' ? https : http;
        // agent: false: one connection per request, closed afterwards, so no socket outlives the check.
        start(client.request(url, { method, agent: false, headers, lookup: guardedLookup(policy, resolver) }, onResponse), true);
      } else if (url.protocol === 'http:') {
        const port = Number(proxy.port || 80);
        start(http.request({ host: proxy.hostname.replace(/^\[|\]$/g, ''), port, method, path: url.href, agent: false, headers: { ...headers, host: url.host, ...proxyAuth(proxy) } }, onResponse), false);
      } else {
        const authority = `${url.hostname}:${url.port || 443}`;
        const port = Number(proxy.port || 80);
        const tunnel = http.request({ host: proxy.hostname.replace(/^\[|\]$/g, ''), port, method: 'CONNECT', path: authority, agent: false, headers: { host: authority, ...proxyAuth(proxy) } });
        cleanups.push(() => tunnel.destroy());
        tunnel.on('error', onError);
        tunnel.on('socket', (socket: Socket) => socket.once('connect', () => (connected = true)));
        tunnel.on('connect', (answer: http.IncomingMessage, socket: Socket) => {
          if (answer.statusCode !== 200) {
            socket.destroy();
            finish({ kind: 'failure', failure: 'other', detail: `the proxy ${proxyLabel(proxy)} refused to connect to ${authority} (HTTP ${answer.statusCode})`, connected });
            return;
          }
          cleanups.push(() => socket.destroy());
          const servername = /^\[|^\d+\.\d+\.\d+\.\d+$/.test(url.hostname) ? undefined : url.hostname;
          const request = https.request(url, { method, agent: false, headers, createConnection: () => tls.connect({ socket, servername }) }, onResponse);
          start(request, false);
        });
        tunnel.end();
      }
    } catch (error) {
      finish({ kind: 'failure', failure: 'other', detail: printable((error as Error).message), connected });
    }
  });
}

function blocked(refusal: Refusal): HttpAnswer {
  return { kind: 'failure', failure: 'blocked', detail: refusalWords(refusal), refusal, connected: false };
}

/** A local resolution bounded by the deadline; undefined when the name does not resolve here (the proxy may know it). */
async function resolveWithin(resolver: Resolver, host: string, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((done) => (timer = setTimeout(() => done(undefined), ms)));
  try {
    return await Promise.race([resolver(host).catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function proxyAuth(proxy: URL): Record<string, string> {
  if (!proxy.username) return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Streams a body to a file while hashing it; at the size limit it stops reading, keeps what it has and
 * marks the result truncated. `cancel` stops it when the deadline passes.
 */
function saveBody(response: http.IncomingMessage, file: string, maxBytes: number): { done: Promise<{ size: number; sha256: string; truncated: boolean }>; cancel: () => void } {
  let cancel: () => void = () => undefined;
  const done = new Promise<{ size: number; sha256: string; truncated: boolean }>((resolve, reject) => {
    const hash = createHash('sha256');
    const out = createWriteStream(file, { flags: 'wx' });
    let size = 0;
    let finished = false;
    const fail = (error: Error) => {
      if (finished) return;
      finished = true;
      response.destroy();
      out.destroy();
      reject(error);
    };
    cancel = () => fail(new Error('stopped'));
    const end = (truncated: boolean) => {
      if (finished) return;
      finished = true;
      out.end(() => resolve({ size, sha256: hash.digest('hex'), truncated }));
    };
    out.on('error', fail);
    response.on('data', (chunk: Buffer) => {
      if (finished) return;
      const room = maxBytes - size;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      hash.update(part);
      out.write(part);
      size += part.length;
      if (chunk.length > room) {
        // Enough: keep the start, mark it, and stop the download. Errors from closing the connection early are expected.
        end(true);
        response.destroy();
      }
    });
    response.on('end', () => end(false));
    response.on('close', () => {
      if (!response.complete) fail(new Error('the connection closed before the body was complete'));
    });
    response.on('error', fail);
  });
  return { done, cancel: () => cancel() };
}

function failureOf(error: NodeJS.ErrnoException, connected: boolean, proxy: URL | undefined): { failure: NetworkFailure; detail: string; refusal?: Refusal } {
  if (error instanceof AddressRefusedError) return { failure: 'blocked', detail: refusalWords(error.refusal), refusal: error.refusal };
  const code = error.code ?? '';
  if (proxy && !connected) return { failure: 'network', detail: `the proxy ${proxyLabel(proxy)} cannot be reached (${code || printable(error.message)})` };
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(error.message)) return { failure: 'reset', detail: 'the connection was reset' };
  if (code === 'ECONNREFUSED') return { failure: 'refused', detail: 'the connection was refused' };
  if (code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'EAI_NODATA') return { failure: 'dns', detail: `the host name does not resolve (${code})` };
  if (code === 'EAI_AGAIN' || code === 'EAI_FAIL') return { failure: 'network', detail: `the host name could not be looked up: no DNS server answered (${code})` };
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'ENETDOWN') return { failure: 'network', detail: `the network is unreachable (${code})` };
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return { failure: 'tls', detail: `the secure connection failed (${code})` };
  return { failure: 'other', detail: printable(code ? `${error.message} (${code})` : error.message) };
}
