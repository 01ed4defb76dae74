import type { IXmlableObject } from 'docx';
import { renderDocx } from '../../../src/render/docx';
import { withLiteralPageReferences } from '../../../src/render/docx/literal-page-references';
import type { DocumentIR } from '../../../src/render/ir/types';
import { renderPdf } from '../../../src/render/pdf';
import { unzipText } from '../../helpers/zip';
import { longDocument } from './long-document';

/** The page numbers the table of contents shows, in order, and the page count the footers show. */
function writtenNumbers(docx: Uint8Array): { toc: number[]; pageCount: number | undefined } {
  const parts = unzipText(docx);
  const documentXml = parts.get('word/document.xml') ?? '';
  const toc = [...documentXml.matchAll(/PAGEREF \S+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)<\/w:t>/g)].map((match) => Number(match[1]));
  const footer = [...parts].filter(([name]) => name.startsWith('word/footer')).map(([, xml]) => xml).join('');
  const count = /NUMPAGES[\s\S]*?<w:t[^>]*>(\d+)<\/w:t>/.exec(footer);
  return { toc, pageCount: count ? Number(count[1]) : undefined };
}

function headingCount(ir: DocumentIR): number {
  return ir.blocks.filter((block) => block.type === 'heading').length;
}

describe('DOCX page numbers from the PDF layout', () => {
  const ir = longDocument();

  it('gets from renderPdf one page per heading, in order, when the PDF has no pages of its own', async () => {
    const pdf = await renderPdf(ir);
    const pages = pdf.headingPages!.pages;
    expect(pages).toHaveLength(headingCount(ir));
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    expect(pages[0]).toBeGreaterThanOrEqual(3);
    expect(pages[pages.length - 1]).toBeLessThanOrEqual(pdf.headingPages!.pageCount);
    expect(pdf.headingPages!.pageCount).toBeGreaterThan(6);
  });

  it('gets none when the PDF appends pages the DOCX does not have', async () => {
    const attachment = { path: 'files/policy.txt', data: new TextEncoder().encode('policy'), sha256: '0'.repeat(64), mediaType: 'text/plain', content: 'text' as const };
    expect((await renderPdf(ir, { attachments: [attachment] })).headingPages).toBeUndefined();
  });

  it('numbers the body with the pages given, shifted by where docx puts the first heading after the contents', async () => {
    const real = (await renderPdf(ir)).headingPages!;
    // Pages docx's own layout could not have found for these headings: every later heading 10 pages further on.
    const given = { pages: real.pages.map((page, index) => page + 10 * index), pageCount: real.pageCount + 10 * real.pages.length };
    const { toc, pageCount } = writtenNumbers((await renderDocx(ir, { headingPages: given })).value);
    expect(toc).toHaveLength(headingCount(ir));
    const shift = toc[0] - given.pages[0];
    expect(toc).toEqual(given.pages.map((page) => page + shift));
    expect(pageCount).toBe(given.pageCount + shift);
  });

  it('puts the first body heading after the contents, which the DOCX makes longer than the PDF does', async () => {
    const pdf = (await renderPdf(ir)).headingPages!;
    const { toc } = writtenNumbers((await renderDocx(ir)).value);
    // The DOCX's contents also list the 27 evidence items: a second page of contents that the PDF's lacks.
    expect(toc[0]).toBe(pdf.pages[0] + 1);
  });

  it('writes the same DOCX whether the IR is laid out for it or the PDF layout is shared', async () => {
    const shared = await renderDocx(ir, { headingPages: (await renderPdf(ir)).headingPages });
    const alone = await renderDocx(ir);
    expect(Buffer.from(shared.value).equals(Buffer.from(alone.value))).toBe(true);
  });

  it("runs docx's layout engine only over the cover and the contents, never the whole body", async () => {
    const laidOut: number[] = [];
    let bodyElements = 0;
    await jest.isolateModulesAsync(async () => {
      jest.doMock('../../../src/render/docx/page-numbers', () => {
        const real = jest.requireActual('../../../src/render/docx/page-numbers') as typeof import('../../../src/render/docx/page-numbers');
        return {
          dejaVuPageNumbers: () => (body: IXmlableObject, context: never) => {
            laidOut.push((body['w:body'] as unknown[]).length);
            return real.dejaVuPageNumbers()(body, context);
          },
        };
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const isolated = require('../../../src/render/docx') as typeof import('../../../src/render/docx');
      const parts = unzipText((await isolated.renderDocx(ir)).value);
      bodyElements = (parts.get('word/document.xml') ?? '').split('<w:p>').length;
    });
    expect(laidOut.length).toBeGreaterThanOrEqual(1);
    expect(laidOut.length).toBeLessThanOrEqual(3);
    // Title, page break, contents title, contents, page break, first heading, section properties.
    for (const elements of laidOut) expect(elements).toBeLessThanOrEqual(8);
    expect(bodyElements).toBeGreaterThan(100);
  });
});

describe('withLiteralPageReferences', () => {
  const pageReference = (bookmark: string) => ({
    'w:r': [
      { 'w:fldChar': { _attr: { 'w:fldCharType': 'begin' } } },
      { 'w:instrText': [{ _attr: { 'xml:space': 'preserve' } }, `PAGEREF ${bookmark} \\h`] },
      { 'w:fldChar': { _attr: { 'w:fldCharType': 'separate' } } },
      { 'w:fldChar': { _attr: { 'w:fldCharType': 'end' } } },
    ],
  });
  const title = { 'w:r': [{ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, '7.1 Research'] }] };
  const entry = (bookmark: string) => ({ 'w:p': [{ 'w:hyperlink': [{ _attr: { 'w:anchor': bookmark } }, title, pageReference(bookmark)] }] });

  it('writes the given bookmarks’ page references as their numbers, and leaves the others as fields', () => {
    const toc = { 'w:sdt': [{ 'w:sdtContent': [entry('_Toc1'), entry('_Toc2')] }] };
    const before = JSON.stringify(toc);
    const written = withLiteralPageReferences(toc, new Map([['_Toc2', '12']])) as typeof toc;
    const [first, second] = written['w:sdt'][0]['w:sdtContent'];
    expect(first).toBe(toc['w:sdt'][0]['w:sdtContent'][0]);
    expect(second['w:p'][0]['w:hyperlink'][2]).toEqual({ 'w:r': [{ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, '12'] }] });
    expect(second['w:p'][0]['w:hyperlink'][1]).toBe(title);
    expect(JSON.stringify(toc)).toBe(before);
  });

  it('returns what has no such reference as it is', () => {
    const paragraph = entry('_Toc1');
    expect(withLiteralPageReferences(paragraph, new Map([['_Toc9', '3']]))).toBe(paragraph);
  });
});
