/**
 * A submission of about two hundred pages: what a university with rich evidence produces. The
 * time it takes is measured by hand (see the PDF backend's report), not asserted here; this test
 * checks that size breaks nothing: contents spanning several pages, numbering, bookmarks, validity.
 */
import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { renderPdf } from '../../../src/render/pdf';
import { pdfInfo, pdfToText, qpdfCheck, requireTool } from '../../helpers/pdf-tools';
import { outlineTitles, submissionIr } from './support/submission-ir';

describe('a 200-page submission', () => {
  const copies = 48;
  let bytes: Uint8Array;

  beforeAll(async () => {
    for (const tool of ['pdftotext', 'pdfinfo', 'qpdf'] as const) requireTool(tool);
    const result = await renderPdf(submissionIr(copies));
    bytes = result.value;
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['GLYPH_MISSING']);
  });

  it('is a valid PDF of at least 200 pages', () => {
    expect(qpdfCheck(bytes).status).toBe(0);
    expect(Number(pdfInfo(bytes).Pages)).toBeGreaterThanOrEqual(200);
  });

  it('numbers the last page "Page N of N"', () => {
    const pages = Number(pdfInfo(bytes).Pages);
    expect(pdfToText(bytes, { firstPage: pages, lastPage: pages })).toContain(`Page ${pages} of ${pages}`);
  });

  it('has a multi-page table of contents whose last entry points at the right page', () => {
    const pages = pdfToText(bytes, { layout: true }).split('\f');
    const contentsPages = pages.filter((page) => / \. \. \. /.test(page));
    expect(contentsPages.length).toBeGreaterThan(5);
    const appendix = /Appendix: supporting files[ .]*?(\d+)\s*$/m.exec(contentsPages.join('\n'));
    expect(appendix).not.toBeNull();
    expect(pages[Number(appendix![1]) - 1]).toMatch(/^\s*Appendix: supporting files\s*$/m);
  });

  it('has one bookmark per level-1 and level-2 heading', async () => {
    const pdf = await PDFDocument.load(bytes);
    const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const expected = outlineTitles(copies).reduce((sum, entry) => sum + 1 + entry.children.length, 0);
    expect(outlines.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBe(expected);
  });
});
