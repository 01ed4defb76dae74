/**
 * The portal page in a real browser (issue 13, point 4): headless Chromium via playwright-core opens
 * portal/index.html as the coordinator would (a file on disk), and every copy button puts its field's text on the
 * clipboard. Nothing is requested beyond the file itself, and the Content-Security-Policy lets the page's own
 * style and script run (a mismatched hash would block them and show as a console error).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { PortalAnswers } from '../../src/portal/answers';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-pack';

const AUDIENCES_PACK = path.join(__dirname, '../fixtures/packs/audiences');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));

describe('the portal page in Chromium', () => {
  const work = tempDir();
  const out = path.join(work.root, 'out');
  let url: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const messages: string[] = [];

  beforeAll(async () => {
    const probe = CHROMIUM ? spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 60_000 }) : undefined;
    if (!CHROMIUM || !probe || probe.status !== 0) {
      throw new Error('Chromium is not installed. The portal test opens the page in it: apt-get install -y chromium (.ci/run does this).');
    }
    expect((await runCli(['build', AUDIENCES_PACK, '--out', out, '--formats', 'html'])).code).toBe(0);
    url = pathToFileURL(path.join(out, 'portal', 'index.html')).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // Root in containers cannot use Chromium's sandbox; the page is our own file, loaded offline.
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => undefined);
    page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url, { waitUntil: 'load' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    work.cleanup();
  });

  it('requests nothing beyond the file and reports no error (the CSP admits its own style and script)', async () => {
    expect(requests).toEqual([url]);
    expect(messages).toEqual([]);
    // The inline style applied: the copy buttons sit in a grid row beside their field.
    expect(await page.locator('.field').first().evaluate((el) => getComputedStyle(el).display)).toBe('grid');
  });

  it('shows every indicator of the answers, in the same order as answers.json', async () => {
    const answers = JSON.parse(readFileSync(path.join(out, 'portal', 'answers.json'), 'utf8')) as PortalAnswers;
    const expected = answers.sdgs.flatMap((s) => s.indicators.map((i) => `indicator-${i.indicator}`));
    expect(await page.locator('section.indicator').evaluateAll((els) => els.map((el) => el.id))).toEqual(expected);
  });

  it('copies each field with its button: statement, URL, file name, public, policy years, description', async () => {
    const buttons = page.locator('button[data-copy]');
    const count = await buttons.count();
    expect(count).toBeGreaterThan(20);
    const copied: string[] = [];
    for (let i = 0; i < count; i++) {
      const button = buttons.nth(i);
      const expected = await page.locator(`#${await button.getAttribute('data-copy')}`).textContent();
      await button.click();
      await page.waitForFunction((text) => document.body.getAttribute('data-last-copied') === text, expected, { timeout: 5_000 });
      // The real clipboard, read back through the permission granted above.
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
      copied.push(expected ?? '');
    }
    expect(copied).toEqual(
      expect.arrayContaining([
        '6.4.1',
        'Measured across the whole university',
        'https://www.example.edu/water-metering',
        'sdg-06/6.4.1-water-reuse-policy.pdf',
        'No',
        '2019',
        '2021',
        "The university's water reuse policy commits every new building to collect rainwater for its toilets.",
      ]),
    );
    expect(requests).toEqual([url]);
  }, 120_000);

  it('links the file to upload, copied beside the page under its stable name', () => {
    const copy = path.join(out, 'portal', 'sdg-06', '6.4.1-water-reuse-policy.pdf');
    expect(readFileSync(copy).equals(readFileSync(path.join(AUDIENCES_PACK, 'files', 'water-reuse-policy.pdf')))).toBe(true);
  });
});
