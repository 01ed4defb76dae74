import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-pack';
import { unzipText } from '../helpers/zip';
import { hostilePack, PAYLOADS } from './hostile-pack';

/**
 * Evidence text never becomes markup or script. A pack full of payloads is built into every format; each
 * HTML output is then opened in headless Chromium with scripts enabled, and every link in the PDFs (as
 * poppler's pdfinfo lists them) and the DOCX files (their relationships) is checked against the allowed
 * schemes. Chromium is required: a missing browser fails the test with the command that installs it.
 */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));
const ALLOWED_LINK = /^(https?:\/\/|mailto:)/i;

let outDir: string;
let cleanup: () => void;
let buildCode: number;
let buildErr: string;

beforeAll(async () => {
  const pack = hostilePack();
  const work = tempDir();
  cleanup = () => {
    pack.cleanup();
    work.cleanup();
  };
  // The pack has errors (its URLs), so only a draft renders it: --draft writes into out-draft/.
  const run = await runCli(['build', pack.root, '--out', path.join(work.root, 'out'), '--draft']);
  outDir = path.join(work.root, 'out-draft');
  buildCode = run.code;
  buildErr = run.stderr;
}, 300_000);

afterAll(() => cleanup?.());

const outputs = (extension: string) => readdirSync(outDir).filter((name) => name.endsWith(extension)).sort();

test('the hostile pack builds as a draft (its javascript:, data: and file: URLs are errors, not crashes)', () => {
  expect(buildErr).toContain('URL_SCHEME');
  expect(buildCode).toBe(1);
  expect(outputs('.html').length).toBeGreaterThanOrEqual(3);
  expect(outputs('.pdf').length).toBeGreaterThanOrEqual(2);
  expect(outputs('.docx').length).toBeGreaterThanOrEqual(2);
});

describe('in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    const probe = CHROMIUM ? spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 60_000 }) : undefined;
    if (!CHROMIUM || !probe || probe.status !== 0) {
      throw new Error('Chromium is not installed. These tests open the HTML outputs in it: apt-get install -y chromium (.ci/run does this).');
    }
    // Root in containers cannot use Chromium's sandbox; the pages are our own files, loaded offline.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 120_000);
  afterAll(async () => browser?.close());

  it('no payload runs, becomes an element or an attribute, or loads anything, and every payload reads as text', async () => {
    // The review edition and the portal page show the same evidence text to the office.
    const review = readdirSync(path.join(outDir, 'review')).filter((name) => name.endsWith('.html')).map((name) => `review/${name}`);
    const files = [...outputs('.html'), ...review, 'portal/index.html'];
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const name of files) {
      const url = pathToFileURL(path.join(outDir, name)).href;
      const page = await browser.newPage();
      const events: string[] = [];
      page.on('dialog', (dialog) => {
        events.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => events.push(`pageerror: ${error.message}`));
      page.on('request', (request) => {
        if (request.url() !== url) events.push(`request: ${request.url()}`);
      });
      await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
      await page.goto(url, { waitUntil: 'load' });
      // Hovering and clicking is what an attribute-borne payload waits for.
      for (const link of await page.locator('a').all()) await link.hover({ timeout: 2_000 }).catch(() => undefined);

      const found = await page.evaluate(() => {
        const all = [...document.querySelectorAll('*')];
        return {
          pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
          handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
          // The gap report draws its own chart as an <svg role="img" aria-label=…> of shapes; a payload's <svg> has neither.
          embedded: all
            .filter((el) => /^(iframe|object|embed|svg|frame|base|link)$/i.test(el.tagName))
            .filter((el) => !(el.tagName.toLowerCase() === 'svg' && el.getAttribute('role') === 'img' && el.hasAttribute('aria-label') && !el.querySelector('script, foreignObject, a')))
            .map((el) => el.tagName),
          scripts: [...document.scripts].map((s) => s.textContent ?? '').filter((text) => text.includes('__pwned')),
          styles: [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').filter((text) => text.includes('display: none }')),
          images: [...document.images].map((img) => img.getAttribute('src') ?? '').filter((src) => !src.startsWith('data:image/')),
          links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
          text: document.body.innerText,
          visible: document.body.offsetHeight > 0,
        };
      });
      expect({ name, events }).toEqual({ name, events: [] });
      expect({ name, ...found, text: undefined, links: undefined }).toEqual({
        name,
        pwned: null,
        handlers: [],
        embedded: [],
        scripts: [],
        styles: [],
        images: [],
        text: undefined,
        links: undefined,
        visible: true,
      });
      // The portal page also links the files to upload, beside it under stable names.
      const upload = (href: string) => name === 'portal/index.html' && /^sdg-\d\d\/[A-Za-z0-9._-]+$/.test(href);
      for (const href of found.links) expect({ name, href, allowed: ALLOWED_LINK.test(href) || href.startsWith('#') || upload(href) }).toEqual({ name, href, allowed: true });
      if (/^(review\/)?sdg-/.test(name)) {
        // The document shows each payload exactly as typed (HTML collapses runs of white space only).
        for (const payload of PAYLOADS) expect({ name, shown: found.text.includes(payload.replace(/\s+/g, ' ')) }).toEqual({ name, shown: true });
      }
      await page.close();
    }
  }, 300_000);
});

test('PDF links are http, https or mailto only', () => {
  for (const name of outputs('.pdf')) {
    const listed = execFileSync('pdfinfo', ['-url', path.join(outDir, name)], { encoding: 'utf8' });
    const urls = listed.split('\n').slice(1).map((line) => line.trim().split(/\s+/).slice(2).join(' ')).filter(Boolean);
    for (const url of urls) expect({ name, url, allowed: ALLOWED_LINK.test(url) }).toEqual({ name, url, allowed: true });
  }
});

test('DOCX links are http, https or mailto only', () => {
  for (const name of outputs('.docx')) {
    const parts = unzipText(readFileSync(path.join(outDir, name)));
    for (const [part, xml] of parts) {
      if (!part.endsWith('.rels')) continue;
      for (const rel of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
        if (!/TargetMode="External"/.test(rel)) continue;
        const target = (/Target="([^"]*)"/.exec(rel)?.[1] ?? '').replace(/&amp;/g, '&');
        expect({ name, target, allowed: ALLOWED_LINK.test(target) }).toEqual({ name, target, allowed: true });
      }
    }
    // And the payloads are text in Word's runs, escaped, not markup.
    const body = parts.get('word/document.xml') ?? '';
    if (name.startsWith('sdg-')) expect(body).toContain('&lt;script&gt;window.__pwned = ');
    expect(body).not.toContain('<script');
  }
});
