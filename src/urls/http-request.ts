import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';

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
  | { kind: 'failure'; failure: NetworkFailure; detail: string };

export type NetworkFailure = 'timeout' | 'reset' | 'refused' | 'dns' | 'tls' | 'other';

export interface RequestOptions {
  /** Time allowed until the response headers arrive. */
  timeoutMs: number;
  userAgent: string;
  /** Save a 2xx body to this file (GET only), hashing it on the way. */
  saveBodyTo?: string;
  maxBodyBytes?: number;
  /** Time allowed for the body once the headers arrived. */
  bodyTimeoutMs?: number;
}

/**
 * One request, no redirects followed, over Node's own http and https modules: a failure is returned as
 * data (timed out, reset, refused, unknown host, TLS), never thrown. Without `saveBodyTo`, the connection
 * is closed as soon as the headers arrive, so checking a link to a 200 MB video downloads nothing.
 */
export function httpRequest(url: URL, method: 'HEAD' | 'GET', options: RequestOptions): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (answer: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const client = url.protocol === 'https:' ? https : http;
    let request: http.ClientRequest;
    try {
      // agent: false: one connection per request, closed afterwards, so no socket outlives the check.
      request = client.request(url, { method, agent: false, headers: { 'user-agent': options.userAgent, accept: '*/*' } }, (response) => {
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
        clearTimeout(timer);
        saveBody(response, options.saveBodyTo!, options.maxBodyBytes ?? Number.MAX_SAFE_INTEGER, options.bodyTimeoutMs ?? 60_000).then(
          (body) => finish({ ...answer, body }),
          (error: Error) => finish({ kind: 'failure', failure: 'other', detail: `the body could not be saved (${error.message})` }),
        );
      });
    } catch (error) {
      finish({ kind: 'failure', failure: 'other', detail: (error as Error).message });
      return;
    }
    timer = setTimeout(() => {
      finish({ kind: 'failure', failure: 'timeout', detail: `no answer within ${Math.round(options.timeoutMs / 100) / 10} s` });
      request.destroy();
    }, options.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => finish({ kind: 'failure', ...failureOf(error) }));
    request.end();
  });
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Streams a body to a file while hashing it; stops at the size limit and marks the result truncated. */
function saveBody(response: http.IncomingMessage, file: string, maxBytes: number, timeoutMs: number): Promise<{ size: number; sha256: string; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const out = createWriteStream(file, { flags: 'wx' });
    let size = 0;
    let truncated = false;
    let done = false;
    const timer = setTimeout(() => fail(new Error(`the body did not arrive within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    const fail = (error: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      response.destroy();
      out.destroy();
      reject(error);
    };
    const end = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      out.end(() => resolve({ size, sha256: hash.digest('hex'), truncated }));
    };
    out.on('error', fail);
    response.on('data', (chunk: Buffer) => {
      if (done) return;
      const room = maxBytes - size;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      hash.update(part);
      out.write(part);
      size += part.length;
      if (chunk.length > room) {
        truncated = true;
        response.destroy();
        end();
      }
    });
    response.on('end', end);
    response.on('aborted', () => fail(new Error('the connection closed before the body was complete')));
    response.on('error', fail);
  });
}

function failureOf(error: NodeJS.ErrnoException): { failure: NetworkFailure; detail: string } {
  const code = error.code ?? '';
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(error.message)) return { failure: 'reset', detail: 'the connection was reset' };
  if (code === 'ECONNREFUSED') return { failure: 'refused', detail: 'the connection was refused' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return { failure: 'dns', detail: `the host name does not resolve (${code})` };
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return { failure: 'tls', detail: `the secure connection failed (${code})` };
  return { failure: 'other', detail: code ? `${error.message} (${code})` : error.message };
}
