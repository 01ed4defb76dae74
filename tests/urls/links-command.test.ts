import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkLinks } from '../../src/urls/check-links';
import { runCli } from '../helpers/run-cli';
import { MINIMAL_CONFIG, FIXED, tempDir } from '../helpers/temp-pack';
import { answer, later, redirect, startServer, type LocalServer } from './local-server';

const PAGE = '<!DOCTYPE html><html><body>Energy policy, adopted 2019.</body></html>';

/** A pack whose items cite the local server's pages, one URL per line so that the expected lines are easy to read. */
function packCiting(server: LocalServer, extraConfig = '') {
  const item = (id: string, urls: string[]) =>
    [
      `id: ${id}`,
      'sdg: 7',
      'metric: "7.2.2"',
      'kind: practice',
      `title: Item ${id}`,
      'narrative: Renovations carried out in 2020.',
      'public_urls:',
      ...urls.map((u) => `  - ${u}`),
      'status: draft',
      '',
    ].join('\n');
  return tempDir({
    'impact-pack.yaml': `${MINIMAL_CONFIG.replace('    year: 2020\n', `    year: 2020\n    url: ${server.url('/report')}\n`)}${extraConfig}`,
    'items/a.yaml': item('a', [server.url('/policy'), server.url('/moved'), server.url('/gone')]),
    'items/b.yaml': item('b', [server.url('/intranet'), 'mailto:office@example.edu', server.url('/policy')]),
  });
}

describe('impact-pack links', () => {
  let server: LocalServer;
  let gone = 404;
  let pack: { root: string; cleanup: () => void };
  beforeAll(async () => {
    server = await startServer({
      '/policy': answer(200, { 'content-type': 'text/html; charset=utf-8' }, PAGE),
      '/report': answer(200, { 'content-type': 'application/pdf' }, '%PDF-1.4 report'),
      '/moved': redirect(301, '/policy'),
      '/gone': (req, res) => res.writeHead(gone).end(gone === 200 ? 'back' : ''),
      '/intranet': redirect(302, '/sso/login'),
      '/sso/login': answer(200, {}, '<form>password</form>'),
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    gone = 404;
    pack = packCiting(server);
  });
  afterEach(() => pack.cleanup());

  it('reports each problem on the line that cites the URL, and exits 1 on a broken link', async () => {
    const r = await runCli(['links', pack.root, '--allow-private', '--retries', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Checked 5 URL(s) cited 6 time(s) on 2021-11-01: 2 ok, 1 redirected, 1 broken, 1 behind a login, 0 unreachable, 0 timed out.');
    expect(r.stdout).toMatch(new RegExp(`9:5 +info +"${esc(server.url('/moved'))}" redirects to "${esc(server.url('/policy'))}" \\(301\\)\\.\\s+URL_REDIRECTED`));
    expect(r.stdout).toMatch(new RegExp(`10:5 +error +"${esc(server.url('/gone'))}" is broken: HTTP 404 Not Found\\.\\s+URL_BROKEN`));
    expect(r.stdout).toMatch(new RegExp(`8:5 +error +"${esc(server.url('/intranet'))}" is behind a login: redirects to a sign-in page`));
    expect(r.stdout).toMatch(/9:5 +error +"mailto:office@example\.edu" is not a web address .* URL_SCHEME/);
    // The duplicate citation of /policy was checked once.
    expect(server.requests.filter((q) => q.path === '/policy' && q.method === 'HEAD').length).toBeGreaterThanOrEqual(1);
  });

  it('says what changed since the last run', async () => {
    gone = 200;
    const first = await runCli(['links', pack.root, '--allow-private', '--retries', '0']);
    expect(first.stdout).not.toContain('Changed since the last run');
    gone = 404;
    const second = await runCli(['links', pack.root, '--allow-private', '--retries', '0']);
    expect(second.stdout).toContain(`Changed since the last run: 1\n  ${server.url('/gone')}  ok on 2021-11-01, broken now`);
    expect(second.stdout).toContain('is broken: HTTP 404 Not Found (ok on 2021-11-01, broken now).');
    const later = await checkLinks(pack.root, { allowPrivate: true, ...FIXED, clock: () => new Date('2021-11-08T12:00:00Z'), retries: 0 });
    expect(later.diagnostics.find((d) => d.code === 'URL_BROKEN')!.message).toContain('(broken since 2021-11-01)');
    expect(later.report!.changes).toEqual([]);
  });

  it('replaces a damaged record of the last run instead of trusting it', async () => {
    await runCli(['links', pack.root, '--allow-private', '--retries', '0']);
    const file = path.join(pack.root, '.impact-pack-cache', 'link-results.json');
    require('node:fs').writeFileSync(file, '{"format":"impact-pack/link-results","version":1,"results":{"x":{"status":"teapot"}}}');
    const r = await runCli(['links', pack.root, '--allow-private', '--retries', '0']);
    expect(r.stdout).toContain('The record of the last run was damaged and has been replaced');
    expect(JSON.parse(readFileSync(file, 'utf8')).results[server.url('/gone')].status).toBe('broken');
  });

  it('saves a snapshot of what each URL served, with its hash, final URL and status', async () => {
    const r = await runCli(['links', pack.root, '--allow-private', '--snapshot', '--retries', '0']);
    const folder = path.join(pack.root, 'snapshots', '2021-11-01T12-00-00Z');
    // Four pages answered 200, the sign-in page behind /intranet included: it shows what a visitor got.
    expect(r.stdout).toContain(`Snapshot: 4 page(s) saved in ${path.relative(process.cwd(), pack.root)}/snapshots/2021-11-01T12-00-00Z/`);
    const index = JSON.parse(readFileSync(path.join(folder, 'index.json'), 'utf8'));
    expect(index.takenAt).toBe('2021-11-01T12:00:00.000Z');
    const policy = index.entries.find((e: { url: string }) => e.url === server.url('/policy'));
    expect(policy).toMatchObject({ finalUrl: server.url('/policy'), httpStatus: 200, contentType: 'text/html; charset=utf-8', size: PAGE.length, truncated: false });
    expect(readFileSync(path.join(folder, policy.body), 'utf8')).toBe(PAGE);
    expect(policy.sha256).toBe(createHash('sha256').update(PAGE).digest('hex'));
    expect(policy.body).toMatch(/^127\.0\.0\.1-policy-[0-9a-f]{8}\.html$/);
    const moved = index.entries.find((e: { url: string }) => e.url === server.url('/moved'));
    expect(moved).toMatchObject({ finalUrl: server.url('/policy'), redirects: [{ status: 301 }] });
    const gone = index.entries.find((e: { url: string }) => e.url === server.url('/gone'));
    expect(gone).toMatchObject({ httpStatus: 404 });
    expect(gone.body).toBeUndefined();
    expect(readdirSync(folder).filter((f) => f.endsWith('.part'))).toEqual([]);

    // A second snapshot in the same second gets its own folder; the first is left as it was.
    await runCli(['links', pack.root, '--allow-private', '--snapshot', '--retries', '0']);
    expect(readdirSync(path.join(pack.root, 'snapshots')).sort()).toEqual(['2021-11-01T12-00-00Z', '2021-11-01T12-00-00Z-2']);
  });

  it('refuses a snapshots folder inside the evidence', async () => {
    const inside = packCiting(server, 'folders:\n  snapshots: files/snapshots\n');
    try {
      const r = await runCli(['links', inside.root, '--snapshot', '--retries', '0']);
      expect(r.stdout).toContain('No snapshot was saved: the snapshots folder files/snapshots/ overlaps the pack\'s files/ folder');
      expect(existsSync(path.join(inside.root, 'files'))).toBe(false);
    } finally {
      inside.cleanup();
    }
  });

  it('writes JSON for scripts', async () => {
    const r = await runCli(['links', pack.root, '--allow-private', '--format', 'json', '--retries', '0']);
    const json = JSON.parse(r.stdout);
    expect(json.version).toBe(1);
    expect(json.report.counts).toEqual({ ok: 2, redirected: 1, broken: 1, login: 1, unreachable: 0, timeout: 0, refused: 0 });
    expect(json.report.results.map((x: { url: string }) => x.url)).toEqual([...json.report.results.map((x: { url: string }) => x.url)].sort());
    expect(json.diagnostics.find((d: { code: string }) => d.code === 'URL_BROKEN')).toMatchObject({ file: 'items/a.yaml', line: 10, column: 5, itemId: 'a', source: 'urls' });
  });

  it('rejects bad options with exit 2', async () => {
    expect((await runCli(['links', pack.root, '--allow-private', '--format', 'xml'])).code).toBe(2);
    expect((await runCli(['links', pack.root, '--allow-private', '--timeout', 'soon'])).code).toBe(2);
    expect((await runCli(['links', pack.root, '--allow-private', '--per-host', '0'])).code).toBe(2);
    expect((await runCli(['links', pack.root, '--allow-private', '--retries', '-1'])).code).toBe(2);
  });

  it('tells every item citing a broken URL, each naming the others', async () => {
    const item = (id: string) => `id: ${id}\nsdg: 7\nmetric: "7.2.2"\nkind: practice\ntitle: Item ${id}\nnarrative: Renovations in 2020.\npublic_urls:\n  - ${server.url('/gone')}\nstatus: draft\n`;
    const t = tempDir({ 'impact-pack.yaml': MINIMAL_CONFIG, 'items/a.yaml': item('a'), 'items/b.yaml': item('b'), 'items/c.yaml': item('c') });
    try {
      const r = await checkLinks(t.root, { ...FIXED, allowPrivate: true, retries: 0 });
      const broken = r.diagnostics.filter((d) => d.code === 'URL_BROKEN').map((d) => `${d.file}:${d.line} ${d.message.replace(server.url('/gone'), 'URL')}`);
      expect(broken).toEqual([
        'items/a.yaml:8 "URL" is broken: HTTP 404 Not Found. Also cited by: b, c.',
        'items/b.yaml:8 "URL" is broken: HTTP 404 Not Found. Also cited by: a, c.',
        'items/c.yaml:8 "URL" is broken: HTTP 404 Not Found. Also cited by: a, b.',
      ]);
    } finally {
      t.cleanup();
    }
  });
});

describe('validate and build never use the network', () => {
  it('makes no request while validating or building a pack full of URLs', async () => {
    const server = await startServer({ '/policy': answer(200) });
    const pack = packCiting(server);
    try {
      const validated = await runCli(['validate', pack.root]);
      // It did run: the mailto address is a validation error.
      expect(validated.stdout).toContain('URL_SCHEME');
      // The pack has an error (the mailto address), so only a draft is rendered: still without the network.
      const built = await runCli(['build', pack.root, '--draft', '--out', path.join(pack.root, '..', `${path.basename(pack.root)}-out`), '--formats', 'html']);
      expect(built.stdout).toContain('Built Test University');
      expect(server.requests).toEqual([]);
    } finally {
      for (const out of ['-out', '-out-draft']) require('node:fs').rmSync(path.join(pack.root, '..', `${path.basename(pack.root)}${out}`), { recursive: true, force: true });
      pack.cleanup();
      await server.close();
    }
  });
});

describe('bounded concurrency', () => {
  it('never has more requests in flight to one host than the per-host limit', async () => {
    // Each answer is held long enough that every request the limiter lets through is in flight together.
    const slow = (req: unknown, res: import('node:http').ServerResponse) => later(300, () => res.writeHead(200).end());
    const routes = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`/p${i}`, slow]));
    const server = await startServer(routes);
    const urls = Object.keys(routes).map((p) => server.url(p));
    const t = tempDir({
      'impact-pack.yaml': MINIMAL_CONFIG,
      'items/x.yaml': `id: x\nsdg: 17\nmetric: "17.2.2"\nkind: practice\ntitle: Many links\nnarrative: A forum in 2020.\npublic_urls:\n${urls.map((u) => `  - ${u}`).join('\n')}\nstatus: draft\n`,
    });
    try {
      const r = await checkLinks(t.root, { ...FIXED, allowPrivate: true, perHost: 3, concurrency: 8 });
      expect(r.report!.counts.ok).toBe(8);
      expect(server.maxInFlight).toBe(3);
    } finally {
      t.cleanup();
      await server.close();
    }
  });
});

function esc(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
