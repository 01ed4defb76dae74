/**
 * The desk's edits that `approve` does not make: relevance and the primary item of an indicator, offered only
 * where the edition reads them (2027: one piece of evidence per indicator, graded by relevance), and the last
 * `links` result shown beside a public URL. Plain HTTP requests, as the desk's own forms send them.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { parse } from 'yaml';
import { startReviewDesk, type ReviewDesk } from '../../src/review/server';
import { saveLinkHistory } from '../../src/urls/link-history';
import { copyToTemp, FIXED } from '../helpers/temp-pack';

const RATINGS_2027 = path.join(__dirname, '../fixtures/packs/ratings-2027');
const VALID_2022 = path.join(__dirname, '../fixtures/packs/valid');

function call(desk: ReviewDesk, method: 'GET' | 'POST', target: string, fields?: Record<string, string>): Promise<{ status: number; body: string }> {
  const host = `127.0.0.1:${desk.port}`;
  const body = fields ? new URLSearchParams({ ...fields, token: desk.token, reviewer: 'R. Viewer', back: '/' }).toString() : undefined;
  const headers: Record<string, string> = { host, cookie: `impact_pack_desk=${desk.token}; impact_pack_reviewer=R.%20Viewer` };
  if (body) Object.assign(headers, { origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded' });
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: desk.port, method, path: target, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('relevance, primary and link results on the desk', () => {
  const ratings = copyToTemp(RATINGS_2027);
  const valid = copyToTemp(VALID_2022);
  let desk2027: ReviewDesk;
  let desk2022: ReviewDesk;
  const item = (file: string) => parse(readFileSync(path.join(ratings.root, 'items', file), 'utf8')) as Record<string, unknown>;

  beforeAll(async () => {
    const seen = '2026-11-20T09:00:00.000Z';
    await saveLinkHistory(valid.root, new Map([['https://www.example.edu/energy-policy', { status: 'broken', httpStatus: 404, finalUrl: 'https://www.example.edu/energy-policy', checkedAt: seen, since: seen }]]));
    desk2027 = await startReviewDesk({ packDir: ratings.root, load: FIXED, now: () => FIXED.now });
    desk2022 = await startReviewDesk({ packDir: valid.root, load: FIXED, now: () => FIXED.now });
  }, 60_000);

  afterAll(async () => {
    await desk2027?.close();
    await desk2022?.close();
    ratings.cleanup();
    valid.cleanup();
  });

  it('offers relevance and primary where the edition reads them, and not in 2022', async () => {
    const page2027 = (await call(desk2027, 'GET', '/item/competing-a')).body;
    expect(page2027).toContain('name="action" value="relevance"');
    expect(page2027).toContain('name="action" value="primary"');
    const page2022 = (await call(desk2022, 'GET', '/item/energy-policy')).body;
    expect(page2022).toContain('name="action" value="owner"');
    expect(page2022).not.toContain('name="action" value="relevance"');
    expect(page2022).not.toContain('name="action" value="primary"');
  });

  it('marks one item of an indicator primary, and the finding that none was chosen goes', async () => {
    const missing = () => desk2027.state.snapshot.diagnostics.filter((d) => d.code === 'PRIMARY_EVIDENCE_MISSING' && d.file.includes('competing'));
    expect(missing().length).toBeGreaterThan(0);
    expect((await call(desk2027, 'POST', '/act', { item: 'competing-b', action: 'primary' })).status).toBe(303);
    expect(item('competing-b.yaml').primary).toBe(true);
    expect(item('competing-a.yaml').primary).toBeUndefined();
    expect(missing()).toEqual([]);
  });

  it('moves the mark when another item of the indicator is made primary', async () => {
    expect(item('primary-duplicate-a.yaml').primary).toBe(true);
    expect((await call(desk2027, 'POST', '/act', { item: 'primary-duplicate-b', action: 'primary' })).status).toBe(303);
    expect(item('primary-duplicate-b.yaml').primary).toBe(true);
    expect(item('primary-duplicate-a.yaml').primary).toBeUndefined();
    expect(desk2027.state.snapshot.diagnostics.filter((d) => d.code === 'PRIMARY_EVIDENCE_DUPLICATE')).toEqual([]);
  });

  it.each([
    ['specific', 'specific'],
    ['general', 'general'],
    ['', undefined],
  ])('sets relevance "%s"', async (value, expected) => {
    expect((await call(desk2027, 'POST', '/act', { item: 'competing-a', action: 'relevance', relevance: value })).status).toBe(303);
    expect(item('competing-a.yaml').relevance).toBe(expected);
  });

  it('refuses a relevance THE does not grade, and writes nothing', async () => {
    const before = readFileSync(path.join(ratings.root, 'items/competing-a.yaml'), 'utf8');
    const reply = await call(desk2027, 'POST', '/act', { item: 'competing-a', action: 'relevance', relevance: 'very' });
    expect(reply.status).toBe(303);
    expect(readFileSync(path.join(ratings.root, 'items/competing-a.yaml'), 'utf8')).toBe(before);
  });

  it('refuses an action on content that changed since the page was shown', async () => {
    const before = readFileSync(path.join(ratings.root, 'items/competing-a.yaml'), 'utf8');
    await call(desk2027, 'POST', '/act', { item: 'competing-a', action: 'owner', owner: 'Somebody', hash: 'sha256:0000' });
    expect(readFileSync(path.join(ratings.root, 'items/competing-a.yaml'), 'utf8')).toBe(before);
  });

  it('links each count of work on the overview to those items', async () => {
    const overview = (await call(desk2022, 'GET', '/')).body;
    const link = /<a href="(\/items\?sdg=17&amp;state=awaiting_review)">(\d+)<\/a>/.exec(overview);
    expect(link).not.toBeNull();
    const list = (await call(desk2022, 'GET', link![1].replace('&amp;', '&'))).body;
    expect(list).toContain(`${link![2]} of 2 item(s).`);
  });

  it('shows the last links result beside a public URL, and says when there is none', async () => {
    const page = (await call(desk2022, 'GET', '/item/energy-policy')).body;
    expect(page).toContain('last <code>links</code> result: broken (404) on 2026-11-20');
    const other = (await call(desk2022, 'GET', `/item/${desk2022.state.snapshot.pack!.items.find((p) => p.item.id !== 'energy-policy')!.item.id}`)).body;
    expect(other).toMatch(/not checked yet|<h2 id="urls">Public URLs<\/h2>\n<p>None/);
  });

  it('shows the evidence as the submission does, and says when the submission leaves an item out', async () => {
    const audiences = copyToTemp(path.join(__dirname, '../fixtures/packs/audiences'));
    const desk = await startReviewDesk({ packDir: audiences.root, load: FIXED });
    try {
      const shown = (await call(desk, 'GET', '/item/fountains-primary')).body;
      expect(shown).toContain('Forty drinking fountains give free water');
      expect(shown).not.toContain('The submission leaves this item out');
      for (const id of ['extraction-not-applicable', 'pollution-confidential']) {
        expect((await call(desk, 'GET', `/item/${id}`)).body).toContain('The submission leaves this item out');
      }
    } finally {
      await desk.close();
      audiences.cleanup();
    }
  });
});
