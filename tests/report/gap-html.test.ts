import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { smallPack } from '../analyse/small-pack';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from './chromium';

const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

describe('the HTML gap report in Chromium', () => {
  let pack: { root: string; cleanup: () => void };
  let html: string;
  let report: { sdgs: { sdg: number; submitted: boolean; items: number; metrics: { kind: string; status: string }[] }[] };
  let browser: { context: BrowserContext; close: () => Promise<void> };
  beforeAll(async () => {
    browser = await launchChromium();
    pack = smallPack({
      'items/sdg-12/hostile.yaml': [
        'id: hostile-text',
        'sdg: 12',
        'metric: "12.2.1"',
        'kind: policy',
        `title: '${HOSTILE}'`,
        'narrative: A policy whose text holds markup.',
        'policy: { created: "2019", last_reviewed: "2020" }',
        `owner: '<b onmouseover="window.__pwned = 3">Purchasing</b>'`,
        'missing_documents:',
        `  - { title: '${HOSTILE}', note: '</td></tr></table><script>window.__pwned = 4</script>' }`,
        'status: in_review',
        '',
      ].join('\n'),
    });
    const out = await runCli(['gaps', pack.root, '--format', 'html', '--as-of', '2021-11-01']);
    expect(out.code).toBe(0);
    html = path.join(pack.root, 'gap-report.html');
    writeFileSync(html, out.stdout);
    report = JSON.parse((await runCli(['gaps', pack.root, '--format', 'json', '--as-of', '2021-11-01'])).stdout);
  });
  afterAll(async () => {
    await browser.close();
    pack.cleanup();
  });

  it('loads with no console error and no request beyond the file itself, and runs no evidence text', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${html}`);
    await page.waitForLoadState('load');
    expect(errors).toEqual([]);
    expect(requests).toEqual([`file://${html}`]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Shown as text: the literal markup is readable on the page, and no element came from it.
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain(HOSTILE);
    expect(text).toContain('<b onmouseover="window.__pwned = 3">Purchasing</b>');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('main script, main b').count()).toBe(0);
    expect(await page.locator('svg .sdg-bar').count()).toBe(report.sdgs.filter((s) => s.submitted || s.items > 0).length);
  });

  it('filters the metrics table by status, SDG, submitted SDGs and text', async () => {
    const page = await browser.context.newPage();
    await page.goto(`file://${html}`);
    const rows = page.locator('#metrics-table tbody tr');
    const visible = () => page.locator('#metrics-table tbody tr:not([hidden])');
    const shown = report.sdgs.filter((s) => s.submitted || s.items > 0);
    const all = shown.flatMap((s) => s.metrics.filter((m) => m.kind !== 'bibliometric'));
    expect(await rows.count()).toBe(all.length);
    expect(await page.textContent('[data-count-for="metrics-table"]')).toBe(`${all.length} of ${all.length} shown`);

    await page.selectOption('select[data-filter="status"]', 'missing');
    const missing = all.filter((m) => m.status === 'missing').length;
    expect(await visible().count()).toBe(missing);
    expect(new Set(await visible().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status'))))).toEqual(new Set(['missing']));

    await page.selectOption('select[data-filter="sdg"]', '7');
    const sdg7 = report.sdgs.find((s) => s.sdg === 7)!.metrics.filter((m) => m.status === 'missing').length;
    expect(await visible().count()).toBe(sdg7);

    await page.selectOption('select[data-filter="status"]', '');
    await page.selectOption('select[data-filter="sdg"]', '');
    await page.check('input[data-filter="submitted"]');
    const submitted = report.sdgs.filter((s) => s.submitted).flatMap((s) => s.metrics.filter((m) => m.kind !== 'bibliometric')).length;
    expect(await visible().count()).toBe(submitted);

    await page.fill('#metrics .filters input[data-search]', 'energy-efficient');
    expect(await visible().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-metric')))).toEqual(['7.2.1']);
  });

  it('sorts a table by a column, both ways', async () => {
    const page = await browser.context.newPage();
    await page.goto(`file://${html}`);
    const weights = () => page.locator('#metrics-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-weight') ?? ''));
    const numeric = (list: string[]) => list.filter((w) => w !== '').map(Number);
    await page.click('#metrics-table th[data-sort="weight"] button');
    const up = numeric(await weights());
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(await page.getAttribute('#metrics-table th[data-sort="weight"]', 'aria-sort')).toBe('ascending');
    await page.click('#metrics-table th[data-sort="weight"] button');
    const down = numeric(await weights());
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(new Set(up)).toEqual(new Set(down));
  });
});
