import type { BrowserContext } from 'playwright-core';
import { runCli } from '../helpers/run-cli';
import { smallPack } from '../analyse/small-pack';
import { launchChromium } from './chromium';

interface Parsed {
  error: string | null;
  totals: Record<string, string | null>;
  suites: { name: string | null; tests: string | null; failures: string | null; cases: { name: string | null; failure: string | null; skipped: string | null }[] }[];
}

describe('JUnit XML output', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());

  it('is well-formed XML (read by Chromium\'s XML parser) with a failing test per gap of a submitted SDG', async () => {
    const pack = smallPack({
      'items/sdg-07/odd.yaml': 'id: odd\nsdg: 7\nmetric: "7.2.2"\nkind: practice\ntitle: T\nnarrative: N\nstatus: not_applicable\nstatus_reason: "No <plant> & no \\"fleet\\" \\u0001]]>"\n',
    });
    try {
      const r = await runCli(['gaps', pack.root, '--format', 'junit', '--as-of', '2021-11-01']);
      expect(r.code).toBe(0);
      const page = await browser.context.newPage();
      const parsed: Parsed = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        const error = doc.querySelector('parsererror')?.textContent ?? null;
        const root = doc.documentElement;
        return {
          error,
          totals: { tests: root.getAttribute('tests'), failures: root.getAttribute('failures'), skipped: root.getAttribute('skipped') },
          suites: Array.from(doc.querySelectorAll('testsuite')).map((s) => ({
            name: s.getAttribute('name'),
            tests: s.getAttribute('tests'),
            failures: s.getAttribute('failures'),
            cases: Array.from(s.querySelectorAll('testcase')).map((c) => ({
              name: c.getAttribute('name'),
              failure: c.querySelector('failure')?.getAttribute('type') ?? null,
              skipped: c.querySelector('skipped')?.getAttribute('message') ?? null,
            })),
          })),
        };
      }, r.stdout);
      expect(parsed.error).toBeNull();
      const sdg7 = parsed.suites.find((s) => s.name === 'SDG 7: Affordable and Clean Energy')!;
      expect(sdg7.cases.find((c) => c.name?.startsWith('7.2.1'))).toMatchObject({ failure: null, skipped: null });
      // Markup, quotes, a control character and a CDATA end in the reason survive as text.
      expect(sdg7.cases.find((c) => c.name?.startsWith('7.2.2'))?.skipped).toBe('not applicable: No <plant> & no "fleet" ]]>');
      expect(sdg7.cases.find((c) => c.name?.startsWith('7.4.1'))?.failure).toBe('missing');
      const sdg6 = parsed.suites.find((s) => s.name?.startsWith('SDG 6'))!;
      expect(sdg6.cases.every((c) => c.failure === null)).toBe(true);
      expect(sdg6.cases.find((c) => c.name?.startsWith('6.2.2'))?.skipped).toMatch(/not submitted/);
      const files = parsed.suites.find((s) => s.name === 'Evidence files')!;
      expect(files.cases.find((c) => c.name === 'items/sdg-06/water.yaml')?.failure).toBe('warning');
      const failures = parsed.suites.reduce((n, s) => n + Number(s.failures), 0);
      expect(Number(parsed.totals.failures)).toBe(failures);
      await page.close();
    } finally {
      pack.cleanup();
    }
  });
});
