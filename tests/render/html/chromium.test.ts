/**
 * Opens the HTML in a real browser: headless Chromium (Debian package chromium) driven by playwright-core.
 * Checks what a reviewer's browser does with the file: no console errors, nothing fetched but the file itself,
 * the logo decoded from its data: URI, working table-of-contents and internal links, no sideways scrolling on a
 * phone, and a printout with the page furniture. Chromium must be installed; without it the test fails with
 * instructions instead of skipping.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderHtml } from '../../../src/render/html';
import { pdfToText } from '../../helpers/pdf-tools';
import { SAMPLE_BLOCKS, sampleDocument } from '../docx/sample-document';
import { logoAsset } from '../support/logo';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));

function requireChromium(): string {
  const probe = CHROMIUM ? spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 60_000 }) : undefined;
  if (!CHROMIUM || !probe || probe.error || probe.status !== 0) {
    throw new Error('Chromium is not installed. The HTML tests open the documents in it: install the Debian package chromium (apt-get install -y chromium).');
  }
  return CHROMIUM;
}

describe('the HTML as Chromium shows it', () => {
  let folder: string;
  let url: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const messages: string[] = [];

  beforeAll(async () => {
    const executablePath = requireChromium();
    folder = mkdtempSync(path.join(tmpdir(), 'impact-pack-html-'));
    const file = path.join(folder, 'sdg-07.html');
    const logo = { type: 'figure' as const, image: logoAsset(), alt: 'IMT Mines Alès logo', maxWidth: 226.77, maxHeight: 68.03 };
    const { value, diagnostics } = renderHtml(sampleDocument([logo, ...SAMPLE_BLOCKS]));
    expect(diagnostics).toEqual([]);
    writeFileSync(file, value);
    url = pathToFileURL(file).href;
    // Root in containers cannot use Chromium's sandbox; the page is our own file, loaded offline.
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    // A short window, so that following a link has to scroll.
    page = await browser.newPage({ viewport: { width: 1000, height: 500 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
    // Anything but the document itself would be a request to the outside world: refuse it, and count it.
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('loads with no console message and no script error', () => {
    expect(messages).toEqual([]);
  });

  it('requests nothing but the file itself', () => {
    expect(requests.filter((request) => !request.startsWith('data:'))).toEqual([url]);
  });

  it('decodes the logo from the file and shows it at the documents\u2019 size', async () => {
    const logo = await page.$eval('figure img', (image) => {
      const img = image as HTMLImageElement;
      return { complete: img.complete, natural: [img.naturalWidth, img.naturalHeight], shown: [img.width, img.height], alt: img.alt };
    });
    expect(logo).toEqual({ complete: true, natural: [240, 80], shown: [272, 91], alt: 'IMT Mines Alès logo' });
  });

  it('takes every table-of-contents entry to its heading', async () => {
    const entries = await page.$$eval('nav.toc a', (links) => links.map((link) => (link as HTMLAnchorElement).hash));
    expect(entries.length).toBeGreaterThanOrEqual(4);
    for (const hash of entries) {
      expect({ hash, target: await page.$eval(hash, (element) => element.tagName) }).toEqual({ hash, target: expect.stringMatching(/^H[1-3]$/) });
    }
    await page.click('nav.toc a[href="#metric-7-3-1"]');
    const landed = await page.evaluate(() => {
      const box = document.getElementById('metric-7-3-1')!.getBoundingClientRect();
      return { hash: location.hash, scrolled: window.scrollY > 0, visible: box.top >= 0 && box.bottom <= window.innerHeight };
    });
    expect(landed).toEqual({ hash: '#metric-7-3-1', scrolled: true, visible: true });
  });

  it('follows an internal link in the text', async () => {
    await page.click('a[href="#metric-7-2-1"]:not(nav a)');
    expect(await page.evaluate(() => location.hash)).toBe('#metric-7-2-1');
  });

  it('keeps a phone-width page from scrolling sideways', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await phone.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await phone.goto(url);
    const widths = await phone.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    await phone.close();
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  });

  it('prints on A4 with the running header and "Page N of M"', async () => {
    const printed = new Uint8Array(await page.pdf({ format: 'A4' }));
    const text = pdfToText(printed);
    const pages = text.split('\f').slice(0, -1);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toContain('IMT Mines Alès · SDG 7');
    expect(pages[pages.length - 1]).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(text).toContain('7.2.1 Energy-efficient renovation and building');
  });
});
