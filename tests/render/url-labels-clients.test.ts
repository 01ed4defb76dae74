import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pdfText } from '../helpers/pdf-text';
import { runCli } from '../helpers/run-cli';
import { MINIMAL_CONFIG, tempDir } from '../helpers/temp-pack';
import { launchChromium } from '../report/chromium';

/**
 * A public URL without a label, or with a label that only repeats the address, must not read "url: url"
 * in the documents. Checked in what a reader gets: the PDF as pdftotext reads it and the HTML as Chromium
 * shows it.
 */
const ITEM = `id: sdg17-links
sdg: 17
metric: "17.2.2"
kind: practice
title: Forum on the SDGs with the city in 2020
narrative: The university ran a forum with the city council in 2020.
period: { start: "2020-01-01", end: "2020-12-31" }
public_urls:
  - https://www.example.edu/forum
  - url: https://www.example.edu/minutes
  - url: https://www.example.edu/agenda/
    label: www.example.edu/agenda
  - url: https://www.example.edu/report
    label: Forum report
status: draft
`;

const REPEATED = /(https?:\/\/)?(www\.)?example\.edu\/\w+\/?: (https?:\/\/)?(www\.)?example\.edu/;

describe('URL labels in the documents, as real clients read them', () => {
  let work: { root: string; cleanup: () => void };
  let out: string;
  beforeAll(async () => {
    work = tempDir({ 'pack/impact-pack.yaml': MINIMAL_CONFIG, 'pack/items/links.yaml': ITEM });
    out = path.join(work.root, 'out');
    const r = await runCli(['build', path.join(work.root, 'pack'), '--out', out, '--formats', 'pdf,html', '--quiet']);
    expect(r.stderr).toBe('');
  }, 120_000);
  afterAll(() => work.cleanup());

  it('prints each address once in the PDF, with the label only where it says something', () => {
    const text = pdfText(path.join(out, 'sdg-17.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('Forum report: https://www.example.edu/report');
    for (const page of ['forum', 'minutes', 'agenda/']) expect(text).toContain(`https://www.example.edu/${page}`);
    expect(text).not.toMatch(REPEATED);
  });

  it('does the same in the HTML as Chromium shows it', async () => {
    const { context, close } = await launchChromium();
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
      await page.goto(pathToFileURL(path.join(out, 'sdg-17.html')).href);
      const items = await page.locator('li').allInnerTexts();
      const links = items.filter((line) => line.includes('example.edu'));
      expect(links).toEqual([
        'https://www.example.edu/forum',
        'https://www.example.edu/minutes',
        'https://www.example.edu/agenda/',
        'Forum report: https://www.example.edu/report',
      ]);
      expect(readFileSync(path.join(out, 'sdg-17.html'), 'utf8')).not.toMatch(REPEATED);
    } finally {
      await close();
    }
  }, 120_000);
});
