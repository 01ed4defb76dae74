import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderDocx } from '../../../src/render/docx';
import { listImages } from '../support/poppler';
import { logoAsset } from '../support/logo';
import { FRENCH, POLISH, SAMPLE_BLOCKS, TURKISH, sampleDocument } from './sample-document';
import { convertWithLibreOffice, requireLibreOffice } from './soffice';

/**
 * Opens the DOCX in a real word processor: LibreOffice converts it to PDF headlessly (soffice.ts), and poppler's
 * pdftotext, pdfinfo and pdfimages read the result. One small document, converted once (a few seconds).
 */
describe('the DOCX as LibreOffice renders it', () => {
  let workDir: string;
  let pdfText: string;
  let pdfInfo: string;
  let pdfBytes: Uint8Array;

  beforeAll(async () => {
    requireLibreOffice();
    workDir = mkdtempSync(join(tmpdir(), 'impact-pack-docx-'));
    const docxPath = join(workDir, 'sdg-07.docx');
    const withLogo = [{ type: 'figure' as const, image: logoAsset(), alt: 'IMT Mines Alès logo', maxWidth: 226.77, maxHeight: 68.03 }, ...SAMPLE_BLOCKS];
    writeFileSync(docxPath, (await renderDocx(sampleDocument(withLogo))).value);
    const pdfPath = convertWithLibreOffice(docxPath, workDir);
    pdfBytes = new Uint8Array(readFileSync(pdfPath));
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

  test('prints "Page N of M" on each page and the running header from page 2 on, as the PDF does', () => {
    expect(pdfInfo).toMatch(/Pages:\s+2/);
    const pages = pdfText.split('\f');
    expect(pages[0]).toContain('Page 1 of 2');
    expect(pages[1]).toContain('Page 2 of 2');
    expect(pages[0]).not.toContain('IMT Mines Alès · SDG 7');
    expect(pages[1]).toContain('IMT Mines Alès · SDG 7');
  });

  test('shows the cover logo, once, as the image it is', () => {
    expect(listImages(pdfBytes).filter((image) => image.colour !== 'smask')).toEqual([{ page: 1, width: 240, height: 80, colour: 'rgb' }]);
  });

  test('carries the document properties into the PDF', () => {
    expect(pdfInfo).toMatch(/Title:\s+SDG 7 submission: IMT Mines Alès/);
    expect(pdfInfo).toMatch(/Author:\s+IMT Mines Alès/);
    expect(pdfInfo).toMatch(/Subject:\s+THE Impact Rankings 2022, SDG 7 Affordable and Clean Energy/);
  });
});
