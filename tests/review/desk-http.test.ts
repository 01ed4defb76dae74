/**
 * The review desk refuses what it must (issue 16): plain HTTP requests, as a page of another site, a DNS
 * rebinding attack or a local program without the run's token would send them. Each refusal is checked
 * against an accepted twin, so that a desk refusing everything would fail too.
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { startReviewDesk, type ReviewDesk } from '../../src/review/server';
import { copyToTemp, FIXED, tempDir } from '../helpers/temp-pack';

const VALID = path.join(__dirname, '../fixtures/packs/valid');
const ITEM = 'items/sdg-07/energy-policy.yaml';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw request with exactly the headers given (fetch would not let a test set Host). */
function raw(port: number, method: string, target: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: target, headers, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the review desk over plain HTTP', () => {
  const pack = copyToTemp(VALID);
  const outside = tempDir({ 'secret.pdf': '%PDF-1.4 secret outside the pack' });
  let desk: ReviewDesk;
  let host: string;
  let cookie: string;
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  beforeAll(async () => {
    // A cited supporting file that is a symbolic link to a file outside the pack.
    symlinkSync(path.join(outside.root, 'secret.pdf'), path.join(pack.root, 'files/linked.pdf'));
    const text = readFileSync(path.join(pack.root, ITEM), 'utf8').replace('  - files/energy-policy.pdf', '  - files/energy-policy.pdf\n  - files/linked.pdf');
    writeFileSync(path.join(pack.root, ITEM), text);
    desk = await startReviewDesk({ packDir: pack.root, load: FIXED, now: () => FIXED.now });
    host = `127.0.0.1:${desk.port}`;
    cookie = `impact_pack_desk=${desk.token}`;
  }, 60_000);

  afterAll(async () => {
    await desk?.close();
    pack.cleanup();
    outside.cleanup();
  });

  it('listens on 127.0.0.1 only, on a port the OS chose', () => {
    expect(desk.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${desk.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('moves the token from the printed address into an HttpOnly, SameSite=Strict cookie', async () => {
    const reply = await raw(desk.port, 'GET', `/?token=${desk.token}`, { host });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(String(reply.headers['set-cookie'])).toBe(`impact_pack_desk=${desk.token}; HttpOnly; SameSite=Strict; Path=/`);
  });

  it.each([
    ['no token', '/', {}],
    ['a wrong token in the address', '/?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', {}],
    ['a wrong token in the cookie', '/', { cookie: 'impact_pack_desk=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ['no token, for a supporting file', '/file/files/energy-policy.pdf', {}],
    ['no token, for the event stream', '/events', {}],
  ])('refuses a request with %s', async (_what, target, headers) => {
    const reply = await raw(desk.port, 'GET', target, { host, ...headers });
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('Energy');
  });

  it('answers the same request with the token', async () => {
    const reply = await raw(desk.port, 'GET', '/items', { host, cookie });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Energy-efficient building policy');
    expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it.each([
    ['another host name (DNS rebinding)', { host: 'evil.example' }],
    ['another port', { host: '127.0.0.1:1' }],
    ['no host', { host: '' }],
    ['another origin', { origin: 'http://evil.example' }],
    ['another port as origin', { origin: 'http://127.0.0.1:1' }],
  ])('refuses a tokened request from %s', async (_what, headers) => {
    const reply = await raw(desk.port, 'GET', '/items', { host, cookie, ...headers });
    expect(reply.status).toBe(403);
  });

  it.each([
    ['an unknown item', '/item/no-such-item'],
    ['a malformed item id', '/item/%E0%A4%A'],
    ['an unknown page', '/nothing-here'],
  ])('answers %s with 404, not an error', async (_what, target) => {
    expect((await raw(desk.port, 'GET', target, { host, cookie })).status).toBe(404);
  });

  it('accepts localhost as the host and its own origin', async () => {
    expect((await raw(desk.port, 'GET', '/items', { host: `localhost:${desk.port}`, cookie, origin: `http://localhost:${desk.port}` })).status).toBe(200);
  });

  describe('changes', () => {
    const approve = { item: 'energy-policy', action: 'owner', owner: 'Changed Owner', reviewer: 'R. Viewer', back: '/' };
    const before = () => readFileSync(path.join(pack.root, ITEM), 'utf8');

    it.each([
      ['by GET (with the cookie)', 'GET', { origin: '' }, approve],
      ['without the token in the form (cross-site form with the cookie)', 'POST', {}, approve],
      ['with another token in the form', 'POST', {}, { ...approve, token: 'x'.repeat(32) }],
      ['without an Origin', 'POST', { origin: '' }, { ...approve, token: '' }],
      ['from another Origin', 'POST', { origin: 'http://evil.example' }, { ...approve, token: '' }],
    ])('refuses a change %s, and the file stays as it was', async (_what, method, extra, fields) => {
      const text = before();
      const headers: Record<string, string> = { host, cookie, origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded', ...extra };
      if (headers.origin === '') delete headers.origin;
      const given = (fields as { token?: string }).token;
      const body = form(given === undefined ? fields : { ...fields, token: given === '' ? desk.token : given });
      const reply = await raw(desk.port, method, method === 'GET' ? `/act?${body}` : '/act', headers, method === 'GET' ? undefined : body);
      expect([403, 404, 405]).toContain(reply.status);
      expect(before()).toBe(text);
    });

    it('makes the same change when it is a POST of this desk with the token', async () => {
      const headers = { host, cookie, origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded' };
      const reply = await raw(desk.port, 'POST', '/act', headers, form({ ...approve, token: desk.token }));
      expect(reply.status).toBe(303);
      expect(reply.headers.location).toMatch(/^\/\?n=[0-9a-f]+$/);
      expect(before()).toContain('owner: "Changed Owner"');
    });

    it('goes back only to a page of the desk', async () => {
      const headers = { host, cookie, origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded' };
      const reply = await raw(desk.port, 'POST', '/act', headers, form({ ...approve, owner: 'Estates office', token: desk.token, back: '//evil.example/x' }));
      expect(reply.headers.location).toMatch(/^\/\?n=/);
    });
  });

  it('accepts the Host and Origin of an authenticating proxy given with --allow-origin, and still needs the token', async () => {
    const behind = await startReviewDesk({ packDir: pack.root, load: FIXED, allowOrigins: ['https://desk.example.ac.uk'] });
    try {
      const proxied = { host: 'desk.example.ac.uk', origin: 'https://desk.example.ac.uk' };
      expect((await raw(behind.port, 'GET', '/items', { ...proxied, cookie: `impact_pack_desk=${behind.token}` })).status).toBe(200);
      expect((await raw(behind.port, 'GET', '/items', proxied)).status).toBe(403);
      expect((await raw(behind.port, 'GET', '/items', { ...proxied, origin: 'https://evil.example', cookie: `impact_pack_desk=${behind.token}` })).status).toBe(403);
      // Without --allow-origin the same Host is refused.
      expect((await raw(desk.port, 'GET', '/items', { ...proxied, cookie })).status).toBe(403);
    } finally {
      await behind.close();
    }
  });

  describe('supporting files', () => {
    it('serves a file an item cites, from inside the pack', async () => {
      const reply = await raw(desk.port, 'GET', '/file/files/energy-policy.pdf', { host, cookie });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('application/pdf');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['content-security-policy']).toBe("frame-ancestors 'self'");
    });

    it('offers a cited file of another type as a download, never as a page of the desk', async () => {
      writeFileSync(path.join(pack.root, 'files/page.html'), '<script>window.__pwned = 1</script>');
      const item = path.join(pack.root, ITEM);
      writeFileSync(item, readFileSync(item, 'utf8').replace('  - files/linked.pdf', '  - files/linked.pdf\n  - files/page.html'));
      await desk.state.reload();
      const reply = await raw(desk.port, 'GET', '/file/files/page.html', { host, cookie });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('application/octet-stream');
      expect(reply.headers['content-disposition']).toBe('attachment; filename="page.html"');
      expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
    });

    it.each([
      ['a cited file that is a link to outside the pack', '/file/files/linked.pdf'],
      ['a file of the pack no item cites', '/file/impact-pack.yaml'],
      ['a path that climbs out', '/file/files/../../../../etc/passwd'],
      ['an encoded climb', '/file/files/%2e%2e/%2e%2e/etc/passwd'],
      ['an absolute path', '/file/%2Fetc%2Fpasswd'],
      ['a backup', '/file/.impact-pack-backups/x'],
    ])('refuses %s', async (_what, target) => {
      const reply = await raw(desk.port, 'GET', target, { host, cookie });
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('secret');
      expect(reply.body).not.toContain('root:');
    });
  });
});
