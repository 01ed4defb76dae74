import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { normaliseHost, refusalOfAddress, refusalOfHost, type Resolver } from '../../src/urls/address-policy';
import { checkLinks } from '../../src/urls/check-links';
import { httpRequest } from '../../src/urls/http-request';
import { addressKind } from '../../src/urls/ip-address';
import { runCli } from '../helpers/run-cli';
import { FIXED, MINIMAL_CONFIG, tempDir } from '../helpers/temp-pack';
import { answer, redirect, startServer, type LocalServer } from '../urls/local-server';
import { installTripwire, type Tripwire } from './socket-tripwire';

/**
 * The link checker's address policy, proved at the socket layer: every TCP connect and DNS lookup of this
 * process goes through a tripwire that records it and stops anything leaving the machine. A refusal is
 * shown by the diagnostic on the citing line and by the tripwire having seen no connection at all.
 */

/** A pack with one item citing the given URLs, one per line from line 8 on. */
function packCiting(urls: string[], extraConfig = '') {
  const item = ['id: a', 'sdg: 7', 'metric: "7.2.2"', 'kind: practice', 'title: Item a', 'narrative: Renovations carried out in 2020.', 'public_urls:', ...urls.map((u) => `  - "${u}"`), 'status: draft', ''].join('\n');
  return tempDir({ 'impact-pack.yaml': `${MINIMAL_CONFIG}${extraConfig}`, 'items/a.yaml': item });
}

/** A resolver standing in for DNS: names map to fixed answers, anything else does not exist. */
function resolverOf(table: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolver = async (host: string) => {
    calls.push(host);
    const answers = table[host];
    if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolver, { calls });
}

let tripwire: Tripwire;
let server: LocalServer;
let port: number;
beforeAll(async () => {
  tripwire = installTripwire();
  server = await startServer({
    '/admin/secret': answer(200, { 'content-type': 'text/plain' }, 'root password'),
    '/public': answer(200, { 'content-type': 'text/html' }, '<p>evidence</p>'),
    '/to-metadata': redirect(302, 'http://169.254.169.254/latest/meta-data/'),
    '/to-mapped-metadata': redirect(302, 'http://[::ffff:a9fe:a9fe]/latest/meta-data/'),
    '/to-loopback': (req, res) => res.writeHead(302, { location: `http://127.0.0.1:${port}/admin/secret` }).end(),
  });
  port = Number(new URL(server.url('/')).port);
});
afterAll(async () => {
  await server.close();
  tripwire.restore();
});
beforeEach(() => {
  tripwire.reset();
  server.requests.length = 0;
});

describe('host spellings are normalised before the check (WHATWG URL parsing, verified per spelling)', () => {
  it.each([
    ['0x7f000001', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['127.0.0.1.', '127.0.0.1'],
    ['0', '0.0.0.0'],
    ['LOCALHOST', 'localhost'],
    ['[::1]', '[::1]'],
    ['[0:0:0:0:0:0:0:1]', '[::1]'],
    ['[::ffff:127.0.0.1]', '[::ffff:7f00:1]'],
    ['0251.0376.0251.0376', '169.254.169.254'],
    ['2852039166', '169.254.169.254'],
  ])('%s is read as %s', (spelling, host) => {
    expect(normaliseHost(spelling)).toBe(host);
    expect(new URL(`http://${spelling}:8080/x`).hostname).toBe(host);
  });
});

describe('address kinds', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:a9fe:a9fe::1', 'metadata'],
    ['::127.0.0.1', 'reserved'],
    ['fe80::1%eth0', 'link-local'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['::ffff:8.8.8.8', 'public'],
  ])('%s is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });

  it('lets --allow-private open private networks and loopback, never metadata, multicast or unspecified', () => {
    const open = { allowPrivate: true, allowedHosts: [] };
    expect(refusalOfHost(open, '127.0.0.1')).toBeUndefined();
    expect(refusalOfHost(open, '10.0.0.1')).toBeUndefined();
    expect(refusalOfHost(open, '169.254.169.254')?.kind).toBe('metadata');
    expect(refusalOfHost(open, '[::ffff:a9fe:a9fe]')?.kind).toBe('metadata');
    expect(refusalOfHost(open, '224.0.0.1')?.kind).toBe('multicast');
    expect(refusalOfHost(open, '0.0.0.0')?.kind).toBe('unspecified');
  });

  it('lets a pack list its intranet hosts, but never this machine', () => {
    const pack = { allowPrivate: false, allowedHosts: ['intranet.example.edu', '.campus.example.edu'] };
    expect(refusalOfAddress(pack, 'intranet.example.edu', '10.1.2.3')).toBeUndefined();
    expect(refusalOfAddress(pack, 'lib.campus.example.edu', 'fd00::5')).toBeUndefined();
    expect(refusalOfAddress(pack, 'other.example.edu', '10.1.2.3')?.kind).toBe('private');
    expect(refusalOfAddress(pack, 'intranet.example.edu', '127.0.0.1')?.kind).toBe('loopback');
    expect(refusalOfAddress(pack, 'intranet.example.edu', '169.254.169.254')?.kind).toBe('metadata');
    expect(refusalOfHost({ allowPrivate: false, allowedHosts: ['localhost', '127.0.0.1'] }, 'localhost')?.kind).toBe('loopback');
    expect(refusalOfHost({ allowPrivate: false, allowedHosts: ['localhost', '127.0.0.1'] }, '127.0.0.1')?.kind).toBe('loopback');
  });
});

describe('links refuses internal addresses without connecting', () => {
  const spellings = (p: number) => [
    `http://127.0.0.1:${p}/admin/secret`,
    `http://0x7f000001:${p}/admin/secret`,
    `http://2130706433:${p}/admin/secret`,
    `http://127.1:${p}/admin/secret`,
    `http://0177.0.0.1:${p}/admin/secret`,
    `http://[::1]:${p}/admin/secret`,
    `http://[::ffff:127.0.0.1]:${p}/admin/secret`,
    `http://localhost:${p}/admin/secret`,
    `http://LocalHost.:${p}/admin/secret`,
    `http://app.localhost:${p}/admin/secret`,
    `http://0.0.0.0:${p}/admin/secret`,
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://10.0.0.1/',
    'http://192.168.0.1/',
    'http://[fe80::1]/',
    'http://224.0.0.1/',
  ];

  it('refuses every spelling of this machine, private networks and cloud metadata, on the citing line, with --snapshot saving nothing', async () => {
    const urls = spellings(port);
    const pack = packCiting(urls);
    try {
      const r = await runCli(['links', pack.root, '--snapshot', '--retries', '0']);
      expect(r.code).toBe(1);
      const lines = r.stdout.split('\n');
      urls.forEach((url, i) => {
        const line = lines.find((l) => l.includes('URL_ADDRESS_REFUSED') && l.includes(`"${url}" was not fetched`));
        expect([url, line?.trim().split(/\s+/)[0]]).toEqual([url, `${8 + i}:5`]);
      });
      expect(r.stdout).toContain(`${urls.length} refused (internal address)`);
      expect(r.stdout).toMatch(/127\.0\.0\.1 is a loopback address \(this machine\); links fetches only public addresses/);
      expect(r.stdout).toContain('169.254.169.254 is the cloud instance metadata service');
      // Nothing was connected to, not even the loopback server that was listening, and no name was looked up.
      expect(tripwire.connects).toEqual([]);
      expect(tripwire.lookups).toEqual([]);
      expect(server.requests).toEqual([]);
      const runs = readdirSync(path.join(pack.root, 'snapshots'));
      const saved = readdirSync(path.join(pack.root, 'snapshots', runs[0]));
      expect(saved).toEqual(['index.json']);
    } finally {
      pack.cleanup();
    }
  });

  it('checks the resolved address of a name, every answer, and connects only to the address it checked', async () => {
    const resolver = resolverOf({
      'evidence.example.org': ['127.0.0.1'],
      'mixed.example.org': ['93.184.215.14', '10.0.0.7'],
      'metadata.example.org': ['169.254.169.254'],
    });
    const pack = packCiting([`http://evidence.example.org:${port}/admin/secret`, `http://mixed.example.org:${port}/`, 'http://metadata.example.org/']);
    try {
      const refused = await checkLinks(pack.root, { ...FIXED, retries: 0, resolver });
      expect(refused.diagnostics.map((d) => [d.code, d.line, d.message.replace(/^"[^"]+" /, '')])).toEqual([
        ['URL_ADDRESS_REFUSED', 8, 'was not fetched: evidence.example.org resolves to 127.0.0.1, a loopback address (this machine); links fetches only public addresses.'],
        ['URL_ADDRESS_REFUSED', 9, 'was not fetched: mixed.example.org resolves to 10.0.0.7, a private-network address; links fetches only public addresses.'],
        ['URL_ADDRESS_REFUSED', 10, 'was not fetched: metadata.example.org resolves to 169.254.169.254, the cloud instance metadata service; links fetches only public addresses.'],
      ]);
      expect(tripwire.connects).toEqual([]);

      // Allowed, the name is resolved once per connection and the socket goes to the address that was checked:
      // the system cannot resolve evidence.example.org, so reaching the server proves the checked answer was used.
      resolver.calls.length = 0;
      const allowed = await checkLinks(pack.root, { ...FIXED, retries: 0, resolver, allowPrivate: true, clock: () => new Date('2021-11-02T12:00:00Z') });
      const ok = allowed.report!.results.find((c) => c.url.startsWith('http://evidence'))!;
      expect(ok.status).toBe('ok');
      expect(server.requests).toEqual([{ method: 'HEAD', path: '/admin/secret' }]);
      expect(resolver.calls.filter((h) => h === 'evidence.example.org')).toHaveLength(1);
      expect(tripwire.lookups).toEqual([]);
      expect(tripwire.offMachine.filter((c) => !c.startsWith('93.184.215.14 ') && !c.startsWith('10.0.0.7 '))).toEqual([]);
    } finally {
      pack.cleanup();
    }
  });

  it('checks https URLs through the same lookup, and IPv6 literals by their address', async () => {
    const resolver = resolverOf({ 'secure.example.org': ['::1'] });
    const v6 = http.createServer((req, res) => res.writeHead(200).end('ok'));
    await new Promise<void>((done) => v6.listen(0, '::1', done));
    const v6Port = (v6.address() as AddressInfo).port;
    const pack = packCiting(['https://secure.example.org/report', `http://[::1]:${v6Port}/`]);
    try {
      const refused = await checkLinks(pack.root, { ...FIXED, retries: 0, resolver });
      expect(refused.report!.results.map((c) => [c.url, c.status])).toEqual([
        [`http://[::1]:${v6Port}/`, 'refused'],
        ['https://secure.example.org/report', 'refused'],
      ]);
      expect(tripwire.connects).toEqual([]);
      const allowed = await checkLinks(pack.root, { ...FIXED, retries: 0, resolver, allowPrivate: true, clock: () => new Date('2021-11-02T12:00:00Z') });
      expect(allowed.report!.results.find((c) => c.url.startsWith('http://[::1]'))!.status).toBe('ok');
      expect(tripwire.offMachine).toEqual([]);
    } finally {
      pack.cleanup();
      await new Promise<void>((done) => v6.close(() => done()));
    }
  });

  it('applies the policy again on every redirect hop, even with --allow-private for metadata', async () => {
    const pack = packCiting([server.url('/to-metadata'), server.url('/to-mapped-metadata')]);
    try {
      const r = await runCli(['links', pack.root, '--allow-private', '--snapshot', '--retries', '0']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`"${server.url('/to-metadata')}" was not fetched: it redirects to http://169.254.169.254/latest/meta-data/, and 169.254.169.254 is the cloud instance metadata service`);
      expect(r.stdout).toContain('and ::ffff:a9fe:a9fe is the cloud instance metadata service');
      expect(tripwire.offMachine).toEqual([]);
      expect(tripwire.connects.every((c) => c.startsWith('127.0.0.1 '))).toBe(true);
    } finally {
      pack.cleanup();
    }
  });

  it('does not follow a public page that redirects to this machine, nor save what it served under the first URL', async () => {
    // The first hop is scripted (a public server answering 302); every later hop is the real request.
    const scripted: NonNullable<Parameters<typeof checkLinks>[1]>['request'] = async (url, method, options) =>
      url.hostname === 'www.example.edu' ? { kind: 'response', status: 302, location: `http://127.0.0.1:${port}/admin/secret` } : httpRequest(url, method, options);
    const pack = packCiting(['https://www.example.edu/policy']);
    try {
      const r = await checkLinks(pack.root, { ...FIXED, retries: 0, snapshot: true, request: scripted });
      expect(r.report!.results[0]).toMatchObject({ status: 'refused', finalUrl: `http://127.0.0.1:${port}/admin/secret` });
      expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['URL_ADDRESS_REFUSED', 8]]);
      expect(server.requests).toEqual([]);
      expect(tripwire.connects).toEqual([]);
      const folder = path.join(pack.root, r.report!.snapshot!.folder);
      expect(readdirSync(folder)).toEqual(['index.json']);
      expect(readFileSync(path.join(folder, 'index.json'), 'utf8')).not.toContain('root password');
    } finally {
      pack.cleanup();
    }
  });

  it('lets a pack\'s links.allow_hosts reach its intranet (the connect is attempted, and stopped by the tripwire here)', async () => {
    const resolver = resolverOf({ 'intranet.example.edu': ['10.20.30.40'] });
    const pack = packCiting(['http://intranet.example.edu/report.pdf'], 'links:\n  allow_hosts: [intranet.example.edu]\n');
    try {
      const r = await checkLinks(pack.root, { ...FIXED, retries: 0, resolver });
      expect(r.report!.results[0].status).toBe('unreachable');
      expect(tripwire.offMachine).toEqual(['10.20.30.40 80']);
    } finally {
      pack.cleanup();
    }
  });
});

describe('proxies from the environment', () => {
  let proxy: http.Server;
  let proxyPort: number;
  const seen: string[] = [];
  beforeAll(async () => {
    proxy = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>via the proxy</p>');
    });
    proxy.on('connect', (req, socket) => {
      seen.push(`CONNECT ${req.url}`);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
    proxyPort = (proxy.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((done) => proxy.close(() => done())));
  beforeEach(() => (seen.length = 0));

  it('sends http URLs through HTTP_PROXY, https URLs through an HTTPS_PROXY tunnel, and honours NO_PROXY', async () => {
    const resolver = resolverOf({});
    const pack = packCiting(['http://evidence.example.org/page', 'https://secure.example.org/report', 'http://direct.example.org/']);
    try {
      const env = { http_proxy: `http://127.0.0.1:${proxyPort}`, HTTPS_PROXY: `127.0.0.1:${proxyPort}`, NO_PROXY: 'localhost,.direct.example.org' };
      const r = await checkLinks(pack.root, { ...FIXED, env, retries: 0, resolver });
      const status = Object.fromEntries(r.report!.results.map((c) => [c.url, [c.status, c.detail]]));
      expect(status['http://evidence.example.org/page']).toEqual(['ok', 'HTTP 200']);
      expect(status['https://secure.example.org/report']).toEqual(['unreachable', `the proxy http://127.0.0.1:${proxyPort} refused to connect to secure.example.org:443 (HTTP 403)`]);
      expect(status['http://direct.example.org/']).toEqual(['unreachable', 'the host name does not resolve (ENOTFOUND)']);
      expect(seen.sort()).toEqual(['CONNECT secure.example.org:443', 'HEAD http://evidence.example.org/page']);
      expect(tripwire.offMachine).toEqual([]);
    } finally {
      pack.cleanup();
    }
  });

  it('still refuses internal targets through a proxy: IP literals, and names that resolve here to internal addresses', async () => {
    const resolver = resolverOf({ 'wiki.corp.example': ['10.0.0.8'] });
    const pack = packCiting([`http://127.0.0.1:${port}/admin/secret`, 'http://wiki.corp.example/', 'http://169.254.169.254/latest/']);
    try {
      const r = await checkLinks(pack.root, { ...FIXED, env: { HTTP_PROXY: `http://127.0.0.1:${proxyPort}` }, retries: 0, resolver });
      expect(r.report!.results.map((c) => c.status)).toEqual(['refused', 'refused', 'refused']);
      expect(seen).toEqual([]);
      expect(server.requests).toEqual([]);
    } finally {
      pack.cleanup();
    }
  });
});

describe('a network that is down is not a green run', () => {
  it('exits 2 with "could not check: network unreachable" when no URL could be reached at all', async () => {
    // The tripwire answers every system DNS lookup with EAI_AGAIN, as a machine without a DNS server does.
    const pack = packCiting(['https://www.example.edu/a', 'https://www.example.org/b', 'http://10.0.0.1/']);
    try {
      const r = await runCli(['links', pack.root, '--retries', '0']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('could not check: network unreachable');
      expect(tripwire.lookups.sort()).toEqual(['www.example.edu', 'www.example.org']);
      expect(tripwire.offMachine).toEqual([]);
    } finally {
      pack.cleanup();
    }
  });

  it('exits 2 when the proxy cannot be reached', async () => {
    const pack = packCiting(['https://www.example.edu/a']);
    try {
      const closed = http.createServer();
      await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
      const closedPort = (closed.address() as AddressInfo).port;
      await new Promise<void>((done) => closed.close(() => done()));
      const r = await runCli(['links', pack.root, '--retries', '0'], { env: { HTTPS_PROXY: `http://127.0.0.1:${closedPort}` } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('could not check: network unreachable');
    } finally {
      pack.cleanup();
    }
  });

  it('does not claim the network is down when one URL answered', async () => {
    const pack = packCiting(['https://www.example.edu/a', `http://localhost.test.invalid:${port}/public`]);
    try {
      const resolver = resolverOf({ 'localhost.test.invalid': ['127.0.0.1'] });
      const r = await checkLinks(pack.root, { ...FIXED, retries: 0, resolver, allowPrivate: true });
      expect(r.report!.networkUnreachable).toBe(false);
      expect(r.report!.results.map((c) => c.status).sort()).toEqual(['ok', 'unreachable']);
      expect(existsSync(pack.root)).toBe(true);
    } finally {
      pack.cleanup();
    }
  });
});
