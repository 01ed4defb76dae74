import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildPack } from '../../src/pipeline/build';
import { checkLinks } from '../../src/urls/check-links';
import { runCli } from '../helpers/run-cli';
import { MINIMAL_CONFIG, FIXED, tempDir } from '../helpers/temp-pack';
import { answer, startServer, type LocalServer } from './local-server';

const HTML = { 'content-type': 'text/html; charset=utf-8' };
const LINK_FARM = `<!doctype html><html><body><h1>Sustainability documents</h1><ul>${Array.from(
  { length: 25 },
  (_, i) => `<li><a href="/doc-${i}.pdf">Sustainability report part ${i}</a></li>`,
).join('')}</ul></body></html>`;
const ARTICLE = `<!doctype html><html><body><h1>Energy policy</h1><p>${'The university adopted its energy policy in 2019 and reviewed it in the data year with students and staff. '.repeat(12)}</p></body></html>`;

/** Items a and b cite the link farm (b beside an article); c cites only the article. */
function packCiting(server: LocalServer) {
  const item = (id: string, urls: string[]) =>
    [`id: ${id}`, 'sdg: 7', 'metric: "7.2.2"', 'kind: practice', `title: Item ${id}`, 'narrative: Renovations carried out in 2020.', 'period: { start: 2020-01-01, end: 2020-12-31 }', 'public_urls:', ...urls.map((u) => `  - ${u}`), 'status: draft', ''].join('\n');
  return tempDir({
    'impact-pack.yaml': MINIMAL_CONFIG,
    'items/a.yaml': item('a', [server.url('/documents')]),
    'items/b.yaml': item('b', [server.url('/article'), server.url('/documents')]),
    'items/c.yaml': item('c', [server.url('/article')]),
  });
}

describe('links: a public URL that is only a list of links', () => {
  let server: LocalServer;
  let pack: { root: string; cleanup: () => void };
  beforeAll(async () => {
    server = await startServer({ '/documents': answer(200, HTML, LINK_FARM), '/article': answer(200, HTML, ARTICLE) });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    pack = packCiting(server);
  });
  afterEach(() => pack.cleanup());

  const run = (snapshot: boolean) => checkLinks(pack.root, { allowPrivate: true, snapshot, ...FIXED, clock: () => new Date('2021-11-01T12:00:00Z'), retries: 0 });

  it('is judged on the saved page and reported on every citing line, naming the other citers', async () => {
    const { diagnostics } = await run(true);
    const found = diagnostics.filter((d) => d.code === 'PUBLIC_URL_LINK_LIST');
    expect(found.map((d) => [d.file, d.line, d.column, d.severity])).toEqual([
      ['items/a.yaml', 9, 5, 'warning'],
      ['items/b.yaml', 10, 5, 'warning'],
    ]);
    expect(found[0].message).toContain(`"${server.url('/documents')}" is only a list of links (25 links`);
    expect(found[0].message).toContain("impact-pack's heuristic, not THE's rule");
    expect(found[0].message).toContain('Also cited by: b.');
    expect(found[1].message).toContain('Also cited by: a.');
  });

  it('is not judged without --snapshot (no body is downloaded), but a recorded verdict is kept', async () => {
    const headersOnly = await run(false);
    expect(headersOnly.diagnostics.filter((d) => d.code === 'PUBLIC_URL_LINK_LIST')).toEqual([]);
    await run(true);
    const again = await run(false);
    const found = again.diagnostics.filter((d) => d.code === 'PUBLIC_URL_LINK_LIST');
    expect(found.map((d) => d.file)).toEqual(['items/a.yaml', 'items/b.yaml']);
    expect(found[0].message).toContain('page saved on 2021-11-01');
  });

  it('withholds the public point in gaps for an item whose only URL is the list; one beside an article keeps it', async () => {
    const before = JSON.parse((await runCli(['gaps', pack.root, '--format', 'json'])).stdout);
    await run(true);
    const after = JSON.parse((await runCli(['gaps', pack.root, '--format', 'json'])).stdout);
    const items = (report: any) => report.sdgs.flatMap((s: any) => s.metrics).find((m: any) => m.metric === '7.2.2').items as any[];
    const strength = (report: any, id: string) => items(report).find((i: any) => i.itemId === id);
    expect(strength(before, 'a').shortfalls.map((s: any) => s.kind)).not.toContain('public_url_not_evidence');
    expect(strength(after, 'a').shortfalls.filter((s: any) => s.kind === 'public_url_not_evidence')).toEqual([
      expect.objectContaining({ heuristic: 'link_list_not_public_evidence', message: expect.stringMatching(/only a list of links.*\(impact-pack's heuristic\)$/) }),
    ]);
    expect(strength(after, 'a').earned).toBeLessThan(strength(before, 'a').earned);
    expect(strength(after, 'b').earned).toBe(strength(before, 'b').earned);
    // In CI the cache folder is not read: the record changes nothing there.
    const inCi = JSON.parse((await runCli(['gaps', pack.root, '--format', 'json'], { env: { CI: 'true' } })).stdout);
    expect(strength(inCi, 'a').earned).toBe(strength(before, 'a').earned);
  });

  it('withholds it in the gap report that build writes as well', async () => {
    await run(true);
    const out = path.join(pack.root, '..', `${path.basename(pack.root)}-out`);
    const built = await buildPack(pack.root, { ...FIXED, outDir: out, formats: ['html'], version: 'test' });
    const report = JSON.parse(readFileSync(path.join(out, 'gap-report.json'), 'utf8'));
    rmSync(out, { recursive: true, force: true });
    expect(built.diagnostics.filter((d) => d.code === 'PUBLIC_URL_LINK_LIST').map((d) => d.file)).toEqual(['items/a.yaml', 'items/b.yaml']);
    const a = report.sdgs.flatMap((s: any) => s.metrics).find((m: any) => m.metric === '7.2.2').items.find((i: any) => i.itemId === 'a');
    expect(a.shortfalls.map((s: any) => s.heuristic)).toContain('link_list_not_public_evidence');
  });
});
