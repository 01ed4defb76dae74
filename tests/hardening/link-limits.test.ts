import { readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { runCli } from '../helpers/run-cli';
import { MINIMAL_CONFIG, tempDir } from '../helpers/temp-pack';
import { startServer, type LocalServer } from '../urls/local-server';
import { installTripwire, type Tripwire } from './socket-tripwire';

/** links' limits against a server on 127.0.0.1 that misbehaves on purpose (--allow-private lets links reach it). */

function packCiting(urls: string[]) {
  const item = ['id: a', 'sdg: 7', 'metric: "7.2.2"', 'kind: practice', 'title: Item a', 'narrative: Renovations carried out in 2020.', 'public_urls:', ...urls.map((u) => `  - "${u}"`), 'status: draft', ''].join('\n');
  return tempDir({ 'impact-pack.yaml': MINIMAL_CONFIG, 'items/a.yaml': item });
}

const MB = 1024 * 1024;
const CHUNK = Buffer.alloc(MB, 'a');
let tripwire: Tripwire;
let server: LocalServer;
/** Bytes the trickling route had sent when its connection closed. */
let trickled = -1;
/** Whether the large route's connection was closed before it had sent everything. */
let largeCut: boolean | undefined;

beforeAll(async () => {
  tripwire = installTripwire();
  server = await startServer({
    // 60 MB, written a megabyte at a time as the client takes it (a bounded loop).
    '/large': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(60 * MB) });
      let sent = 0;
      const more = () => {
        while (sent < 60 && !res.destroyed) {
          sent++;
          if (!res.write(CHUNK)) return void res.once('drain', more);
        }
        if (!res.destroyed) res.end();
      };
      res.on('close', () => (largeCut = sent < 60 || !res.writableFinished));
      more();
    },
    // One byte a second for a minute, headers at once.
    '/trickle': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      let sent = 0;
      const timer = setInterval(() => {
        if (sent >= 60) return void (clearInterval(timer), res.end());
        sent++;
        res.write('x');
      }, 1000);
      timer.unref();
      res.on('close', () => {
        clearInterval(timer);
        trickled = sent;
      });
    },
  });
});
afterAll(async () => {
  await server.close();
  tripwire.restore();
});

it('keeps the first 50 MB of a 60 MB page, marked truncated, and stops the download there', async () => {
  const pack = packCiting([server.url('/large')]);
  try {
    const r = await runCli(['links', pack.root, '--allow-private', '--snapshot', '--retries', '0']);
    expect(r.stdout).toContain('1 ok');
    expect(r.stdout).toMatch(/8:5 +warning +Snapshot incomplete: the page of ".*\/large" is larger than 50 MB; the snapshot keeps only the start\. +URL_SNAPSHOT_FAILED/);
    const root = path.join(pack.root, 'snapshots');
    const folder = path.join(root, readdirSync(root)[0]);
    const index = JSON.parse(readFileSync(path.join(folder, 'index.json'), 'utf8'));
    expect(index.entries[0]).toMatchObject({ httpStatus: 200, size: 50 * MB, truncated: true, contentType: 'application/pdf' });
    const body = path.join(folder, index.entries[0].body);
    expect(statSync(body).size).toBe(50 * MB);
    expect(createHash('sha256').update(readFileSync(body)).digest('hex')).toBe(index.entries[0].sha256);
    expect(largeCut).toBe(true);
    expect(tripwire.offMachine).toEqual([]);
  } finally {
    pack.cleanup();
  }
});

it('ends a body trickling one byte a second at the --timeout deadline', async () => {
  const pack = packCiting([server.url('/trickle')]);
  try {
    const r = await runCli(['links', pack.root, '--allow-private', '--snapshot', '--timeout', '2', '--retries', '0']);
    expect(r.stdout).toMatch(/8:5 +warning +".*\/trickle" timed out: the body did not arrive within 2 s\. +URL_TIMEOUT/);
    // The connection was closed by the deadline, long before the minute of trickling was over.
    await new Promise((done) => setTimeout(done, 50));
    expect(trickled).toBeGreaterThanOrEqual(0);
    expect(trickled).toBeLessThan(10);
    const root = path.join(pack.root, 'snapshots');
    expect(readdirSync(path.join(root, readdirSync(root)[0]))).toEqual(['index.json']);
  } finally {
    pack.cleanup();
  }
});

describe('header values are escaped before they are printed', () => {
  let raw: net.Server;
  let base: string;
  beforeAll(async () => {
    // A raw server, so that it can send what Node's own server would refuse to write.
    raw = net.createServer((socket) => {
      socket.once('data', (request) => {
        const target = /^\w+ (\S+)/.exec(request.toString('latin1'))?.[1] ?? '/';
        const location = target === '/c1-host' ? 'http://exa\x9b31mple.org/' : target === '/c1-scheme' ? 'ja\x9bva:x' : '/\x9b[2J\x1b]0;pwned\x07';
        socket.end(Buffer.from(`HTTP/1.1 302 Found\r\nLocation: ${location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, 'latin1'));
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((done) => raw.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => raw.close(() => done())));

  it('never writes a C1 or ESC character from a Location header to the terminal or the JSON report', async () => {
    const pack = packCiting([`${base}/c1-host`, `${base}/c1-scheme`, `${base}/c1-path`]);
    try {
      const human = await runCli(['links', pack.root, '--allow-private', '--retries', '0']);
      const json = await runCli(['links', pack.root, '--allow-private', '--retries', '0', '--format', 'json']);
      for (const out of [human.stdout, human.stderr, json.stdout]) {
        expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }
      expect(human.stdout).toContain('redirect to an invalid address "http://exa\\x9b31mple.org/"');
    } finally {
      pack.cleanup();
    }
  });
});
