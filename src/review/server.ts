import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isoDay } from '../model/dates';
import type { LoadOptions } from '../pipeline/load-pack';
import { BACKUP_FOLDER, EditRefused } from '../write/evidence-edit';
import { OutputLocked } from '../write/output-errors';
import { itemContentHash } from '../analyse/content-hash';
import { DESK_CSS, DESK_JS } from './assets';
import { DeskState } from './desk-state';
import { itemPage, itemsPage, messagePage, NO_OWNER, overviewPage, sdgPage, type Filters, type PageContext } from './pages';
import { recordReview, type DeskAction } from './record-review';
import { watchForChanges, type ChangeWatch } from './watch-changes';

/**
 * The review desk's HTTP server, on Node's own http module. It listens on 127.0.0.1 only and answers a request
 * only when all of these hold:
 * - the Host header names this server (127.0.0.1:PORT or localhost:PORT, or an origin given with --allow-origin),
 *   which defeats DNS rebinding;
 * - an Origin header, when the browser sends one, is this server's own;
 * - the request carries the run's random token: in the query of the printed address the first time (it is then
 *   moved into an HttpOnly, SameSite=Strict cookie and taken out of the address), in the cookie afterwards;
 * - a request that changes anything is a POST whose form repeats the token and whose Origin is this server's.
 */

export interface DeskOptions {
  packDir: string;
  /** 0 (the default) lets the OS choose a free port. */
  port?: number;
  load?: LoadOptions;
  /** Origins (scheme://host[:port]) besides the server's own that may reach it: an authenticating proxy in front. */
  allowOrigins?: string[];
  /** The clock for dates recorded with approvals (tests); default: now. */
  now?: () => Date;
}

export interface ReviewDesk {
  /** The address to open, with the token. */
  url: string;
  port: number;
  token: string;
  state: DeskState;
  close(): Promise<void>;
}

const COOKIE = 'impact_pack_desk';
const REVIEWER_COOKIE = 'impact_pack_reviewer';
const MAX_FORM_BYTES = 64 * 1024;
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/** Supporting files are shown as documents of their own: no script, no request, no form (PDFs keep the viewer). */
const FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";
/**
 * A PDF is shown by the browser's own viewer, which Chromium embeds as a plugin in the document it makes for it:
 * `object-src 'none'` (or default-src 'none') would leave that document empty. The PDF still cannot be framed by
 * another site, and PDF JavaScript does not run in Chromium's viewer.
 */
const PDF_CSP = "frame-ancestors 'self'";
const FILE_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/plain; charset=utf-8',
};

export async function startReviewDesk(options: DeskOptions): Promise<ReviewDesk> {
  const token = randomBytes(24).toString('base64url');
  const state = new DeskState(options.packDir, options.load ?? {});
  await state.reload();
  const notices = new Map<string, { kind: 'ok' | 'problem'; text: string }>();
  const streams = new Set<ServerResponse>();
  let port = 0;
  const allowed = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, ...(options.allowOrigins ?? []).map((o) => new URL(o).host)]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`, ...(options.allowOrigins ?? []).map((o) => new URL(o).origin)]);

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `The desk failed on this request: ${(error as Error).message}`);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!allowed().has(host.toLowerCase())) return send(res, 403, 'text/plain; charset=utf-8', 'Refused: this desk answers only to its own address (Host).');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return send(res, 403, 'text/plain; charset=utf-8', 'Refused: request from another site (Origin).');
    const url = new URL(req.url ?? '/', `http://${host}`);
    const cookies = parseCookies(req.headers.cookie);
    const queryToken = url.searchParams.get('token');
    const hasToken = same(cookies.get(COOKIE), token) || same(queryToken ?? undefined, token);
    if (!hasToken) return send(res, 403, 'text/plain; charset=utf-8', 'Refused: open the address printed by impact-pack review (it carries this run\'s token).');
    if (queryToken !== null && req.method === 'GET') {
      // The token moves from the address into a cookie, so that it is not left in history or shown on screen.
      url.searchParams.delete('token');
      res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      return redirect(res, url.pathname + url.search);
    }
    const reviewer = cookies.get(REVIEWER_COOKIE) ?? '';
    const snapshot = state.snapshot;
    const noticeId = url.searchParams.get('n');
    const notice = noticeId ? notices.get(noticeId) : undefined;
    url.searchParams.delete('n');
    const here = url.pathname + url.search;
    const ctx: PageContext = { snapshot, token, reviewer, here, notice };

    if (req.method === 'POST') {
      if (origin === undefined) return send(res, 403, 'text/plain; charset=utf-8', 'Refused: a change must come from a page of this desk (Origin missing).');
      const form = await readForm(req);
      if (!form || !same(form.get('token') ?? undefined, token)) return send(res, 403, 'text/plain; charset=utf-8', 'Refused: the form does not carry this run\'s token.');
      const back = safeBack(form.get('back'));
      if (url.pathname === '/reviewer') {
        const name = (form.get('reviewer') ?? '').trim().slice(0, 200);
        res.setHeader('Set-Cookie', `${REVIEWER_COOKIE}=${encodeURIComponent(name)}; SameSite=Strict; Path=/`);
        return redirect(res, back);
      }
      if (url.pathname === '/act') {
        const result = await act(form, reviewer);
        const id = randomBytes(6).toString('hex');
        notices.set(id, result);
        if (notices.size > 100) notices.delete(notices.keys().next().value as string);
        return redirect(res, `${back}${back.includes('?') ? '&' : '?'}n=${id}`);
      }
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD, POST');
      return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
    }
    if (url.pathname === '/desk.css') return send(res, 200, 'text/css; charset=utf-8', DESK_CSS);
    if (url.pathname === '/desk.js') return send(res, 200, 'text/javascript; charset=utf-8', DESK_JS);
    if (url.pathname === '/events' && req.method === 'GET') return events(res);
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204, securityHeaders());
      return void res.end();
    }
    if (url.pathname === '/') return page(res, overviewPage(ctx));
    if (url.pathname === '/items') return page(res, itemsPage(ctx, filtersOf(url)));
    const sdg = /^\/sdg\/(\d{1,2})$/.exec(url.pathname);
    if (sdg) return page(res, sdgPage(ctx, Number(sdg[1])) ?? messagePage(ctx, 'Not found', 'No such SDG in this edition.'), 200);
    const item = /^\/item\/([^/]+)$/.exec(url.pathname);
    if (item) {
      const catalogue = snapshot.pack?.catalogue;
      let id: string;
      try {
        id = decodeURIComponent(item[1]);
      } catch {
        return page(res, messagePage(ctx, 'Not found', 'No item has this id.'), 404);
      }
      const text = itemPage(ctx, id, {
        relevanceGraded: !!catalogue?.pointRules.some((r) => r.components.some((c) => c.grades !== undefined)),
        primaryRead: typeof catalogue?.evidence?.perIndicator === 'number',
      });
      return text ? page(res, text) : page(res, messagePage(ctx, 'Not found', 'No item has this id (it may have been renamed or removed).'), 404);
    }
    if (url.pathname.startsWith('/file/')) return serveFile(res, url.pathname.slice('/file/'.length));
    return page(res, messagePage(ctx, 'Not found', 'There is no such page on the desk.'), 404);
  }

  async function act(form: URLSearchParams, cookieReviewer: string): Promise<{ kind: 'ok' | 'problem'; text: string }> {
    const reviewer = (form.get('reviewer') ?? cookieReviewer).trim();
    const id = form.get('item') ?? '';
    const kind = form.get('action') ?? '';
    const snapshot = state.snapshot;
    const pack = snapshot.pack;
    if (!pack) return { kind: 'problem', text: 'The pack cannot be read now; nothing was changed.' };
    if (!reviewer) return { kind: 'problem', text: 'Give your name first; nothing was changed.' };
    const matches = pack.items.filter((p) => String(p.item.id) === id);
    if (matches.length !== 1) return { kind: 'problem', text: matches.length === 0 ? `No item has the id "${id}"; nothing was changed.` : `The id "${id}" is used by several files; make the ids unique first.` };
    const target = matches[0];
    const seen = form.get('hash');
    if (seen && seen !== itemContentHash(target.item)) return { kind: 'problem', text: 'The item changed on disk since this page was shown; read it again, then act. Nothing was changed.' };
    const date = isoDay((options.now ?? (() => new Date()))());
    let action: DeskAction;
    if (kind === 'approve') {
      const errors = snapshot.validation.filter((d) => d.file === target.file && d.severity === 'error');
      if (errors.length > 0) return { kind: 'problem', text: `An item with errors cannot be approved; fix them first (${errors.length} error(s)). Nothing was changed.` };
      action = { kind: 'approve', reviewer, date, contentHash: itemContentHash(target.item) };
    } else if (kind === 'flag') {
      const comment = (form.get('comment') ?? '').trim();
      if (!comment) return { kind: 'problem', text: 'A flag needs a comment; nothing was changed.' };
      action = { kind: 'flag', reviewer, date, comment };
    } else if (kind === 'clear') {
      action = { kind: 'clear', reviewer, date };
    } else if (kind === 'owner') {
      action = { kind: 'owner', owner: (form.get('owner') ?? '').trim() || null };
    } else if (kind === 'relevance') {
      const value = form.get('relevance') ?? '';
      if (value !== '' && value !== 'specific' && value !== 'general') return { kind: 'problem', text: 'Relevance is specific or general; nothing was changed.' };
      action = { kind: 'relevance', relevance: value === '' ? null : value };
    } else if (kind === 'primary') {
      action = { kind: 'primary' };
    } else return { kind: 'problem', text: 'Unknown action; nothing was changed.' };
    const stamp = (options.now ?? (() => new Date()))().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    try {
      const outcome = await recordReview(pack.root, [target], action, { stamp, allItems: pack.items });
      await state.reload();
      if ('problem' in outcome) return { kind: 'problem', text: `${outcome.problem}.` };
      const done = { approve: 'Approved', flag: 'Flagged', clear: 'Flag cleared', owner: 'Owner set', relevance: 'Relevance set', primary: 'Marked as primary' }[action.kind];
      return { kind: 'ok', text: `${done}: ${outcome.edits.map((e) => `${e.file} (previous version in ${e.backup})`).join(', ')}.` };
    } catch (error) {
      if (error instanceof OutputLocked) return { kind: 'problem', text: 'Another impact-pack command is editing this pack; try again in a minute. Nothing was changed.' };
      if (error instanceof EditRefused) return { kind: 'problem', text: `${error.message}; nothing was written.` };
      throw error;
    }
  }

  function events(res: ServerResponse): void {
    res.writeHead(200, { ...securityHeaders(), 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(`retry: 2000\nevent: changed\ndata: ${state.snapshot.version}\n\n`);
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }
  const unsubscribe = state.onChange((s) => {
    for (const res of streams) res.write(`event: changed\ndata: ${s.version}\n\n`);
  });

  async function serveFile(res: ServerResponse, encoded: string): Promise<void> {
    let rel: string;
    try {
      rel = decodeURIComponent(encoded);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'Bad file name.');
    }
    const pack = state.snapshot.pack;
    // Only files an item cites, and only when their real path (links resolved) lies inside the pack.
    const cited = pack ? [...pack.files.byItem.values()].some((files) => files.includes(rel)) : false;
    const refuse = () => send(res, 404, 'text/plain; charset=utf-8', 'No such supporting file in this pack.');
    if (!pack || !cited || rel.includes('\0') || path.isAbsolute(rel) || rel.split('/').includes('..')) return refuse();
    const root = await realpath(pack.root);
    const real = await realpath(path.join(pack.root, rel)).catch(() => undefined);
    if (!real || !real.startsWith(root + path.sep) || real.startsWith(path.join(root, BACKUP_FOLDER) + path.sep)) return refuse();
    const info = await stat(real).catch(() => undefined);
    if (!info?.isFile()) return refuse();
    const type = FILE_TYPES[path.extname(real).toLowerCase()];
    res.writeHead(200, {
      'Content-Type': type ?? 'application/octet-stream',
      'Content-Length': String(info.size),
      'Content-Security-Policy': type === 'application/pdf' ? PDF_CSP : FILE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      // Anything that is not a PDF, an image or plain text is downloaded, never shown as a page of the desk.
      ...(type ? {} : { 'Content-Disposition': `attachment; filename="${path.basename(real).replace(/[^\w.-]/g, '_')}"` }),
    });
    createReadStream(real).pipe(res);
  }

  let watch: ChangeWatch | undefined;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  watch = await watchForChanges(state, () => void state.reload().catch(() => undefined));

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    state,
    async close() {
      unsubscribe();
      await watch?.close();
      for (const res of streams) res.end();
      streams.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    // same-origin, not no-referrer: under no-referrer Chromium sends "Origin: null" with the desk's own forms.
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { ...securityHeaders(), 'Content-Type': type, 'Content-Length': String(bytes.length) });
  res.end(bytes);
}

function page(res: ServerResponse, text: string, status = 200): void {
  send(res, status, 'text/html; charset=utf-8', text);
}

function redirect(res: ServerResponse, to: string): void {
  res.writeHead(303, { ...securityHeaders(), Location: to, 'Content-Length': '0' });
  res.end();
}

/** A path of this desk to go back to after a form; anything else (another site, a scheme) goes to the overview. */
function safeBack(back: string | null): string {
  if (!back || !back.startsWith('/') || back.startsWith('//') || /[\\\s]/.test(back)) return '/';
  return back.replace(/([?&])n=[^&]*&?/, '$1').replace(/[?&]$/, '');
}

function same(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const value = part.slice(eq + 1).trim();
    try {
      out.set(part.slice(0, eq).trim(), decodeURIComponent(value));
    } catch {
      // A cookie that is not valid percent-encoding is ignored.
    }
  }
  return out;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function filtersOf(url: URL): Filters {
  const sdg = Number(url.searchParams.get('sdg'));
  const owner = url.searchParams.get('owner');
  return {
    owner: owner === NO_OWNER ? '' : owner ? owner : undefined,
    state: url.searchParams.get('state') || undefined,
    sdg: Number.isInteger(sdg) && sdg > 0 ? sdg : undefined,
    mine: url.searchParams.get('mine') === '1',
  };
}
