import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP server on 127.0.0.1 for link-check tests: each route is a function of the request and of
 * how many times the route was hit before, so that "500, then ok" is one line. Nothing leaves the machine.
 */
export type Route = (req: http.IncomingMessage, res: http.ServerResponse, hit: number) => void;

export interface LocalServer {
  url(path: string): string;
  /** Every request received, in order. */
  requests: { method: string; path: string }[];
  /** The most requests that were being answered at the same time. */
  maxInFlight: number;
  close(): Promise<void>;
}

export function startServer(routes: Record<string, Route>): Promise<LocalServer> {
  const hits = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  const state: LocalServer = {
    url: () => '',
    requests: [],
    maxInFlight: 0,
    close: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    state.requests.push({ method: req.method ?? '', path });
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    const done = () => inFlight--;
    res.on('close', done);
    const route = routes[path];
    const hit = hits.get(path) ?? 0;
    hits.set(path, hit + 1);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    route(req, res, hit);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      state.url = (p) => `http://127.0.0.1:${port}${p}`;
      state.close = () =>
        new Promise((done) => {
          for (const t of timers) clearTimeout(t);
          server.closeAllConnections();
          server.close(() => done());
        });
      resolve(state);
    });
  });
}

/** Answers after a delay (the timer does not keep the test process alive). */
export function later(ms: number, answer: () => void): void {
  setTimeout(answer, ms).unref();
}

export const answer =
  (status: number, headers: Record<string, string> = {}, body = ''): Route =>
  (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };

export const redirect = (status: number, location: string): Route => answer(status, { location });
