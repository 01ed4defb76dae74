import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderDocx } from '../../../src/render/docx';
import { FRENCH, POLISH, TURKISH, sampleDocument } from './sample-document';

/**
 * Opens the DOCX in a real word processor: LibreOffice converts it to PDF headlessly, and poppler's pdftotext
 * and pdfinfo read the result. Slow (several seconds) and needs LibreOffice, so it runs only when asked:
 *   IMPACT_PACK_TEST_LIBREOFFICE=1 npx jest tests/render/docx/libreoffice.test.ts
 */
const enabled = process.env.IMPACT_PACK_TEST_LIBREOFFICE === '1';
const describeWithLibreOffice = enabled ? describe : describe.skip;

describeWithLibreOffice('the DOCX as LibreOffice renders it', () => {
  let workDir: string;
  let pdfText: string;
  let pdfInfo: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'impact-pack-docx-'));
    const docxPath = join(workDir, 'sdg-07.docx');
    writeFileSync(docxPath, (await renderDocx(sampleDocument())).value);
    // A fresh profile per run: a profile left by another soffice (or a crashed one) blocks or slows conversion.
    const profile = pathToFileURL(join(workDir, 'profile')).href;
    const started = performance.now();
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', workDir, docxPath], { stdio: 'pipe', timeout: 170_000 });
    const seconds = (performance.now() - started) / 1000;
    console.log(`LibreOffice converted the DOCX to PDF in ${seconds.toFixed(1)} s`);
    const pdfPath = join(workDir, 'sdg-07.pdf');
    pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    pdfInfo = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  }, 180_000);

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test('shows every heading, paragraph, list item and table cell', () => {
    const flat = pdfText.replace(/\s+/g, ' ');
    for (const expected of [
      'SDG 7: Affordable and Clean Energy',
      '7.2 University measures towards affordable and clean energy',
      '7.2.1 Energy-efficient renovation and building',
      FRENCH,
      POLISH,
      TURKISH,
      'Share of purchases 2020',
      '38 % low-carbon, 10 % renewable',
      'Nothing submitted: the table of energy purchased in 2020 is missing from the report.',
      'Energy policy: four lines of action',
      'Back to measure 7.2.1.',
    ]) {
      expect(flat).toContain(expected);
    }
  });

  test('lists the headings in the table of contents with page numbers', () => {
    expect(pdfText).toMatch(/7\.2\.1 Energy-efficient renovation and building\.{3,}\s*2/);
    expect(pdfText).toMatch(/Energy policy: four lines of action\.{3,}\s*2/);
  });

  test('prints the running header and "Page N of M" on each page', () => {
    expect(pdfInfo).toMatch(/Pages:\s+2/);
    expect(pdfText).toContain('Page 1 of 2');
    expect(pdfText).toContain('Page 2 of 2');
    expect(pdfText.match(/IMT Mines Alès · SDG 7/g)?.length).toBeGreaterThanOrEqual(2);
  });

  test('carries the document properties into the PDF', () => {
    expect(pdfInfo).toMatch(/Title:\s+SDG 7 submission: IMT Mines Alès/);
    expect(pdfInfo).toMatch(/Author:\s+IMT Mines Alès/);
    expect(pdfInfo).toMatch(/Subject:\s+THE Impact Rankings 2022, SDG 7 Affordable and Clean Energy/);
  });
});

if (!enabled) {
  test.skip('LibreOffice conversion (set IMPACT_PACK_TEST_LIBREOFFICE=1 to run)', () => undefined);
}
