import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderDocx } from '../../../src/render/docx';
import { unzipText } from '../../helpers/zip';
import { longDocument } from './long-document';
import { convertWithLibreOffice, requireLibreOffice } from './soffice';

/**
 * The page numbers the DOCX's table of contents shows (LibreOffice shows them as stored) against the pages
 * LibreOffice puts the headings on, for a document whose contents run a page longer in the DOCX than in the PDF.
 */
describe('the DOCX table of contents as LibreOffice lays the document out', () => {
  let workDir: string;
  let stored: { title: string; page: number }[];
  let pages: string[][];

  beforeAll(async () => {
    requireLibreOffice();
    workDir = mkdtempSync(join(tmpdir(), 'impact-pack-docx-toc-'));
    const docxPath = join(workDir, 'long.docx');
    const docx = (await renderDocx(longDocument())).value;
    writeFileSync(docxPath, docx);
    const documentXml = unzipText(docx).get('word/document.xml') ?? '';
    stored = [...documentXml.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r><w:r><w:tab\/><\/w:r><w:r><w:fldChar w:fldCharType="begin"\/><w:instrText xml:space="preserve">PAGEREF [^<]*<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)</g)].map(
      (match) => ({ title: match[1], page: Number(match[2]) }),
    );
    const pdfPath = convertWithLibreOffice(docxPath, workDir);
    pages = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' })
      .split('\f')
      .map((page) => page.split('\n').map((line) => line.trim()));
  }, 180_000);

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test('shows for every heading the page LibreOffice puts it on', () => {
    expect(stored).toHaveLength(39);
    // Each heading is the first line equal to its title from the page of the heading before it on.
    let from = 0;
    const found = stored.map(({ title }) => {
      const index = pages.findIndex((lines, page) => page >= from && lines.includes(title));
      from = Math.max(from, index);
      return { title, page: index + 1 };
    });
    expect(stored).toEqual(found);
  });
});
