import { checkUrl, type CheckSettings } from '../../src/urls/check-url';
import { answer, later, redirect, startServer, type LocalServer } from './local-server';

/** Short timeouts and a recorded sleep: the tests check which waits were asked for, never how long anything took. */
const SETTINGS: CheckSettings = { timeoutMs: 300, retries: 2, maxRedirects: 5, backoffMs: 7, maxWaitMs: 5000, userAgent: 'impact-pack tests', policy: { allowPrivate: true, allowedHosts: [] } };

describe('checkUrl against a local server', () => {
  let server: LocalServer;
  let sleeps: number[];
  const deps = () => ({ sleep: async (ms: number) => void sleeps.push(ms), nowMs: () => Date.parse('2026-11-02T10:00:00Z') });
  const check = (path: string, settings: Partial<CheckSettings> = {}) => checkUrl(server.url(path), { ...SETTINGS, ...settings }, deps());

  beforeAll(async () => {
    server = await startServer({
      '/ok': answer(200, { 'content-type': 'text/html' }, '<html>ok</html>'),
      '/a': redirect(301, '/b'),
      '/b': redirect(302, '/c'),
      '/c': answer(200),
      '/missing': answer(404),
      '/flaky': (req, res, hit) => (hit < 2 ? res.writeHead(500).end() : res.writeHead(200).end()),
      '/busy': (req, res, hit) => (hit === 0 ? res.writeHead(429, { 'retry-after': '1' }).end() : res.writeHead(200).end()),
      '/busy-date': (req, res, hit) =>
        hit === 0 ? res.writeHead(503, { 'retry-after': 'Mon, 02 Nov 2026 10:00:03 GMT' }).end() : res.writeHead(200).end(),
      '/very-busy': answer(429, { 'retry-after': '3600' }),
      '/intranet': redirect(302, '/cas/login?service=%2Fintranet'),
      '/cas/login': answer(200, { 'content-type': 'text/html' }, '<form>password</form>'),
      '/private': answer(401, { 'www-authenticate': 'Basic' }),
      '/staff-only': answer(403),
      '/slow': (req, res) => later(3000, () => res.writeHead(200).end()),
      '/reset': (req) => req.socket.destroy(),
      '/no-head': (req, res) => (req.method === 'HEAD' ? res.writeHead(405).end() : res.writeHead(200).end('body')),
      '/loop': redirect(302, '/loop2'),
      '/loop2': redirect(302, '/loop'),
      '/ftp': redirect(301, 'ftp://files.example.edu/report.pdf'),
      '/far': redirect(302, '/far1'),
      '/far1': redirect(302, '/far2'),
      '/far2': redirect(302, '/far3'),
      '/far3': answer(200),
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    sleeps = [];
  });

  it('is ok on a 200 answer to HEAD', async () => {
    expect(await check('/ok')).toMatchObject({ status: 'ok', httpStatus: 200, method: 'HEAD', attempts: 1, redirects: [] });
  });

  it('follows and records a redirect chain', async () => {
    const r = await check('/a');
    expect(r).toMatchObject({ status: 'redirected', httpStatus: 200, finalUrl: server.url('/c') });
    expect(r.redirects).toEqual([
      { from: server.url('/a'), to: server.url('/b'), status: 301 },
      { from: server.url('/b'), to: server.url('/c'), status: 302 },
    ]);
  });

  it('reports a 404 as broken after confirming it with GET', async () => {
    expect(await check('/missing')).toMatchObject({ status: 'broken', httpStatus: 404, method: 'GET', detail: 'HTTP 404 Not Found' });
  });

  it('retries a 500 with backoff and reports the page ok once it answers', async () => {
    const r = await check('/flaky');
    expect(r).toMatchObject({ status: 'ok', httpStatus: 200, attempts: 3 });
    // HEAD 500, then GET 500 (HEAD might simply be unsupported), then one backoff and GET 200.
    expect(sleeps).toEqual([7]);
  });

  it('waits as long as Retry-After says on a 429, in seconds or as a date', async () => {
    expect(await check('/busy')).toMatchObject({ status: 'ok', attempts: 2 });
    expect(sleeps).toEqual([1000]);
    sleeps = [];
    expect(await check('/busy-date')).toMatchObject({ status: 'ok' });
    expect(sleeps).toEqual([3000]);
  });

  it('does not wait an hour because a server asks to; it reports the answer', async () => {
    expect(await check('/very-busy')).toMatchObject({ status: 'broken', httpStatus: 429, detail: 'HTTP 429 Too Many Requests' });
    expect(sleeps).toEqual([]);
  });

  it('recognises a redirect to a sign-in page as a login wall', async () => {
    const r = await check('/intranet');
    expect(r.status).toBe('login');
    expect(r.detail).toBe(`redirects to a sign-in page (${server.url('/cas/login?service=%2Fintranet')})`);
  });

  it('treats 401 and 403 as a login wall', async () => {
    expect(await check('/private')).toMatchObject({ status: 'login', httpStatus: 401 });
    expect(await check('/staff-only')).toMatchObject({ status: 'login', httpStatus: 403 });
  });

  it('times out on a server that does not answer in time', async () => {
    expect(await check('/slow', { timeoutMs: 150 })).toMatchObject({ status: 'timeout', detail: 'no answer within 0.2 s' });
  });

  it('retries a server that resets connections, then reports it unreachable', async () => {
    const r = await check('/reset');
    expect(r).toMatchObject({ status: 'unreachable', detail: 'the connection was reset', attempts: 4 });
    expect(sleeps).toEqual([7, 14]);
  });

  it('falls back to GET when HEAD is refused', async () => {
    expect(await check('/no-head')).toMatchObject({ status: 'ok', method: 'GET', attempts: 2 });
  });

  it('reports redirect loops, too many redirects and redirects to other schemes as broken', async () => {
    expect((await check('/loop')).detail).toBe(`redirect loop back to ${server.url('/loop')}`);
    expect(await check('/far', { maxRedirects: 2 })).toMatchObject({ status: 'broken', detail: 'more than 2 redirects' });
    expect(await check('/far', { maxRedirects: 3 })).toMatchObject({ status: 'redirected', finalUrl: server.url('/far3') });
    expect(await check('/ftp')).toMatchObject({ status: 'broken', detail: 'redirect to a ftp: address' });
  });

  it('reports a refused connection as unreachable without retrying it', async () => {
    const closed = await startServer({});
    const url = closed.url('/gone');
    await closed.close();
    const r = await checkUrl(url, SETTINGS, deps());
    expect(r).toMatchObject({ status: 'unreachable', detail: 'the connection was refused' });
    expect(sleeps).toEqual([]);
  });
});
