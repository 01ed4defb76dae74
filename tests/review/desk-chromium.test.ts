/**
 * The review desk in a real browser (issue 16): headless Chromium via playwright-core opens the address the
 * command prints, and a reviewer approves and flags with the keyboard and the mouse. The files must then be
 * exactly what `impact-pack approve` writes for the same sign-off; an edit made on disk must show on the open
 * page without a reload; two browsers flagging one item at once must both be kept; hostile evidence must stay
 * text; and the page must request nothing but the desk.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { startReviewDesk, type ReviewDesk } from '../../src/review/server';
import { hostilePack, PAYLOADS } from '../hardening/hostile-pack';
import { runCli } from '../helpers/run-cli';
import { copyToTemp, FIXED } from '../helpers/temp-pack';

const VALID = path.join(__dirname, '../fixtures/packs/valid');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));
const POLICY = 'items/sdg-07/energy-policy.yaml';
const PHOTO = path.join(__dirname, '../fixtures/packs/files-checks/files/photo.png');
const DIALOGUE = 'items/sdg-17/dialogue.yaml';
/** Waits in the browser are bounded; none of them measures time. */
const WAIT = { timeout: 20_000 };

describe('the review desk in Chromium', () => {
  const viaDesk = copyToTemp(VALID);
  const viaCli = copyToTemp(VALID);
  const hostile = hostilePack();
  const desks: ReviewDesk[] = [];
  let browser: Browser;
  const requests: string[] = [];
  const errors: string[] = [];

  async function open(desk: ReviewDesk): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(desk.url, { waitUntil: 'load' });
    return { context, page };
  }

  async function setName(page: Page, name: string): Promise<void> {
    await page.goto(new URL('/', page.url()).href);
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('button', { name: 'Remember' }).click();
    await page.waitForLoadState('load');
  }

  beforeAll(async () => {
    const probe = CHROMIUM ? spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 60_000 }) : undefined;
    if (!CHROMIUM || !probe || probe.status !== 0) throw new Error('Chromium is not installed. The review desk test drives it: apt-get install -y chromium (.ci/run does this).');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    desks.push(await startReviewDesk({ packDir: viaDesk.root, load: FIXED, now: () => FIXED.now }));
    desks.push(await startReviewDesk({ packDir: hostile.root, load: FIXED, now: () => FIXED.now }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const desk of desks) await desk.close();
    viaDesk.cleanup();
    viaCli.cleanup();
    hostile.cleanup();
  });

  it('approves an item exactly as impact-pack approve does, and flags another with a comment, comments kept', async () => {
    // A comment of the coordinator's in the file must survive both edits.
    // And an image among its supporting files, which the item page shows inline.
    for (const root of [viaDesk.root, viaCli.root]) {
      const file = path.join(root, DIALOGUE);
      writeFileSync(file, `# kept: the coordinator's comment\n${readFileSync(file, 'utf8')}supporting_files:\n  - files/photo.png\n`);
      copyFileSync(PHOTO, path.join(root, 'files/photo.png'));
    }
    await desks[0].state.reload();
    const { context, page } = await open(desks[0]);
    await setName(page, 'R. Viewer');

    await page.goto(new URL('/items', page.url()).href);
    await page.getByRole('link', { name: 'Energy-efficient building policy' }).click();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('alert').innerText()).toContain('Approved');

    await page.goto(new URL('/sdg/17', page.url()).href);
    const dialogue = parse(readFileSync(path.join(viaDesk.root, DIALOGUE), 'utf8')) as { id: string; title: string };
    await page.getByRole('link', { name: dialogue.title }).click();
    // Keyboard only: the comment field is labelled and the button reachable with Tab.
    // The image is shown inline, loaded from the desk under its Content-Security-Policy.
    const photo = page.locator('img[alt="files/photo.png"]');
    expect(await photo.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : img.decode().then(() => img.naturalWidth)))).toBe(1);
    await page.getByLabel('Comment').focus();
    await page.keyboard.type('Which year is the attendance figure from?');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForLoadState('load');
    expect(await page.getByRole('alert').innerText()).toContain('Flagged');
    await context.close();

    expect((await runCli(['approve', viaCli.root, '--item', 'energy-policy', '--reviewer', 'R. Viewer'])).code).toBe(0);
    expect((await runCli(['approve', viaCli.root, '--item', dialogue.id, '--reviewer', 'R. Viewer', '--flag', 'Which year is the attendance figure from?'])).code).toBe(0);
    for (const file of [POLICY, DIALOGUE]) expect(readFileSync(path.join(viaDesk.root, file), 'utf8')).toBe(readFileSync(path.join(viaCli.root, file), 'utf8'));
    expect(readFileSync(path.join(viaDesk.root, DIALOGUE), 'utf8')).toContain("# kept: the coordinator's comment");
  }, 120_000);

  it('shows an edit made on disk on the open page without a reload', async () => {
    const { context, page } = await open(desks[0]);
    await page.goto(new URL('/items', page.url()).href);
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    const file = path.join(viaDesk.root, POLICY);
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Energy-efficient building policy', 'title: Low-energy renovation policy'));
    await page.getByRole('link', { name: 'Low-energy renovation policy' }).waitFor(WAIT);
    // Still the same document: the data was reloaded into it, the page was not.
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    // The edit changed what was approved: the desk says so.
    await page.getByRole('row', { name: /Low-energy renovation policy/ }).getByText('Changed since approval').waitFor(WAIT);
    await context.close();
  }, 60_000);

  it('keeps both flags when two browsers flag the same item at once', async () => {
    const a = await open(desks[0]);
    const b = await open(desks[0]);
    await setName(a.page, 'First Reviewer');
    await setName(b.page, 'Second Reviewer');
    for (const { page } of [a, b]) await page.goto(new URL('/item/energy-policy', page.url()).href);
    await a.page.getByLabel('Comment').fill('note from the first browser');
    await b.page.getByLabel('Comment').fill('note from the second browser');
    await Promise.all([a, b].map(({ page }) => page.getByRole('button', { name: 'Flag with this comment' }).click()));
    for (const { page } of [a, b]) expect(await page.getByRole('alert').innerText()).toContain('Flagged');
    const notes = (parse(readFileSync(path.join(viaDesk.root, POLICY), 'utf8')) as { review_notes: { note: string; author: string }[] }).review_notes;
    expect(notes.map((n) => `${n.author}: ${n.note}`).sort()).toEqual(['First Reviewer: note from the first browser', 'Second Reviewer: note from the second browser']);

    // Clearing the flag keeps both comments as history and sends the item back to review.
    await a.page.reload();
    await a.page.getByRole('button', { name: 'Clear the flag (keep the comments)' }).click();
    expect(await a.page.getByRole('alert').innerText()).toContain('Flag cleared');
    expect(await a.page.locator('main').innerText()).toContain('Awaiting review');
    const cleared = (parse(readFileSync(path.join(viaDesk.root, POLICY), 'utf8')) as { review_notes: { note: string; resolved_by?: string }[] }).review_notes;
    expect(cleared.map((n) => `${n.note} / ${n.resolved_by}`).sort()).toEqual(['note from the first browser / First Reviewer', 'note from the second browser / First Reviewer']);
    await a.context.close();
    await b.context.close();
  }, 60_000);

  it('shows hostile evidence as text: nothing in it runs, no link leads to a script', async () => {
    const { context, page } = await open(desks[1]);
    for (const target of ['/', '/items', '/sdg/7', '/item/hostile-seven', '/item/hostile-seventeen']) {
      await page.goto(new URL(target, page.url()).href, { waitUntil: 'load' });
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    }
    await page.goto(new URL('/item/hostile-seven', page.url()).href);
    const text = await page.locator('main').innerText();
    for (const payload of [PAYLOADS[0], PAYLOADS[5]]) expect(text).toContain(payload);
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => !/^(\/|#|https?:\/\/)/.test(h))).toEqual([]);
    expect(await page.locator('main script, main iframe, main svg, main style').count()).toBe(0);
    await context.close();
  }, 60_000);

  it('requested nothing but the desk and met no error (the CSP admits its own style and script)', () => {
    const origins = new Set(requests.map((r) => new URL(r).origin));
    expect([...origins].sort()).toEqual(desks.map((d) => `http://127.0.0.1:${d.port}`).filter((o) => origins.has(o)).sort());
    expect(requests.some((r) => r.endsWith('/desk.js'))).toBe(true);
    expect(errors).toEqual([]);
  });
});
