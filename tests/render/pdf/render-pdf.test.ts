/**
 * End to end: a realistic submission rendered to PDF bytes, then read back by real clients
 * (poppler's pdftotext/pdfinfo/pdffonts, qpdf) and by pdf-lib's parser.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { renderPdf } from '../../../src/render/pdf';
import { pdfFonts, pdfInfo, pdfToText, qpdfCheck, requireTool } from '../../helpers/pdf-tools';
import { document, link, paragraph } from './support/ir';
import { CONTACT, SITE, outlineTitles, submissionIr } from './support/submission-ir';

interface OutlineNode {
  title: string;
  pageIndex: number;
  children: OutlineNode[];
}

function readOutline(pdf: PDFDocument): OutlineNode[] {
  const pageRefs = pdf.getPages().map((page) => page.ref);
  const root = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const chain = (first: PDFDict | undefined): OutlineNode[] => {
    const nodes: OutlineNode[] = [];
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'), PDFHexString).decodeText();
      const dest = item.lookup(PDFName.of('Dest'), PDFArray);
      const pageIndex = pageRefs.indexOf(dest.get(0) as PDFRef);
      nodes.push({ title, pageIndex, children: chain(item.lookupMaybe(PDFName.of('First'), PDFDict)) });
    }
    return nodes;
  };
  return chain(root?.lookupMaybe(PDFName.of('First'), PDFDict));
}

interface LinkAnnotation {
  pageIndex: number;
  uri?: string;
  destPageIndex?: number;
}

function readLinks(pdf: PDFDocument): LinkAnnotation[] {
  const pageRefs = pdf.getPages().map((page) => page.ref);
  const links: LinkAnnotation[] = [];
  pdf.getPages().forEach((page, pageIndex) => {
    const annots = page.node.Annots();
    for (let index = 0; annots && index < annots.size(); index++) {
      const annot = annots.lookup(index, PDFDict);
      expect(annot.lookup(PDFName.of('Subtype'))).toBe(PDFName.of('Link'));
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const dest = annot.lookupMaybe(PDFName.of('Dest'), PDFArray);
      links.push({
        pageIndex,
        uri: action?.lookup(PDFName.of('URI'), PDFString).decodeText(),
        destPageIndex: dest ? pageRefs.indexOf(dest.get(0) as PDFRef) : undefined,
      });
    }
  });
  return links;
}

/** White space (no-break spaces included) collapsed, so line layout does not matter. */
function flat(value: string): string {
  return value.replace(/\s+/gu, ' ');
}

describe('renderPdf', () => {
  const ir = submissionIr();
  let bytes: Uint8Array;
  let diagnostics: Awaited<ReturnType<typeof renderPdf>>['diagnostics'];

  beforeAll(async () => {
    for (const tool of ['pdftotext', 'pdfinfo', 'pdffonts', 'qpdf'] as const) requireTool(tool);
    ({ value: bytes, diagnostics } = await renderPdf(ir));
  });

  it('produces a PDF that qpdf finds free of structural errors', () => {
    const check = qpdfCheck(bytes);
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
    expect(check.stdout).toContain('No syntax or stream encoding errors found');
  });

  it('carries its metadata, as pdfinfo reports it', async () => {
    const info = pdfInfo(bytes);
    const pdf = await PDFDocument.load(bytes);
    expect(Number(info.Pages)).toBe(pdf.getPageCount());
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(6);
    expect(info).toMatchObject({
      Title: 'SDG 7: Affordable and Clean Energy — IMT Mines Alès',
      Author: 'IMT Mines Alès',
      Subject: 'THE Impact Rankings submission',
      Keywords: 'SDG 7, energy, THE Impact Rankings',
      Creator: 'impact-pack',
      Producer: 'impact-pack',
      CreationDate: 'Wed May  1 00:00:00 2024 UTC',
      ModDate: 'Wed May  1 00:00:00 2024 UTC',
      'Page size': '595.28 x 841.89 pts (A4)',
    });
    expect(pdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en');
  });

  it('embeds every font as a subset with a Unicode map', () => {
    const fonts = pdfFonts(bytes);
    expect(fonts.map((font) => font.name).sort()).toEqual([
      'IMPKSA+DejaVuSans',
      'IMPKSB+DejaVuSans-Bold',
      'IMPKSM+DejaVuSansMono',
    ]);
    for (const font of fonts) expect(font).toMatchObject({ embedded: true, subset: true, unicodeMap: true });
  });

  it('gives pdftotext the complete text, in reading order, accents and all', () => {
    const text = flat(pdfToText(bytes, { layout: true }));
    const inOrder = [
      'SDG 7: Affordable',
      'Evidence submitted by IMT Mines Alès',
      'Contents',
      '7.1 Research on clean energy',
      '7.1.1 Affordable and clean energy: CiteScore top-10% journals',
      'une « œuvre » collective; the school’s été campaign cost 5 € per',
      'Łódź Żółć',
      'Şişli İstanbul (with the letters ğ and ı)',
      'sdg7-7-2-1-energy-plan',
      '7.4.1 Local community outreach for energy efficiency',
      'Appendix: supporting files',
      'files/sdg-7/evidence-070.pdf',
      'Campus signage in Chinese (\uFFFD)',
    ];
    let from = 0;
    for (const phrase of inOrder) {
      const at = text.indexOf(phrase, from);
      expect({ phrase, found: at >= 0 }).toEqual({ phrase, found: true });
      from = at + phrase.length;
    }
    // No ligature glyphs: "office" and "efficiency" extract as plain letters.
    expect(text).not.toMatch(/[\uFB00-\uFB06]/u);
  });

  it('prints table-of-contents page numbers that match the pages pdftotext finds the headings on', () => {
    const pages = pdfToText(bytes, { layout: true }).split('\f');
    const contents = pages[1];
    for (const { title } of outlineTitles()) {
      const entry = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ .]*?(\\d+)\\s*$`, 'm').exec(contents);
      expect({ title, listed: entry !== null }).toEqual({ title, listed: true });
      const page = pages[Number(entry![1]) - 1];
      const onPage = page.split('\n').some((line) => line.trim() === title);
      expect({ title, onPage }).toEqual({ title, onPage: true });
    }
  });

  it('repeats the running header from page 2 on and numbers every page', () => {
    const pages = pdfToText(bytes).split('\f').slice(0, -1);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page.includes('IMT Mines Alès · SDG 7')).toBe(index > 0);
    });
  });

  it('has bookmarks for every level-1 and level-2 heading, pointing at their pages', async () => {
    const pdf = await PDFDocument.load(bytes);
    const outline = readOutline(pdf);
    expect(outline.map((node) => ({ title: node.title, children: node.children.map((child) => child.title) }))).toEqual(
      outlineTitles(),
    );
    const pages = pdfToText(bytes).split('\f');
    for (const node of outline.flatMap((entry) => [entry, ...entry.children])) {
      expect({ title: node.title, onPage: pages[node.pageIndex].includes(node.title) }).toEqual({
        title: node.title,
        onPage: true,
      });
    }
    expect(pdf.catalog.lookup(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
  });

  it('has link annotations for web, e-mail and internal links', async () => {
    const pdf = await PDFDocument.load(bytes);
    const links = readLinks(pdf);
    const uris = new Set(links.map((link) => link.uri).filter(Boolean));
    expect(uris).toEqual(new Set([SITE, CONTACT]));
    const metricCount = outlineTitles().reduce((sum, entry) => sum + entry.children.length, 0);
    expect(links.filter((link) => link.uri === SITE)).toHaveLength(metricCount);
    const internal = links.filter((link) => link.destPageIndex !== undefined);
    // Table-of-contents entries (on page 2) plus one "See also" link per metric section.
    const tocEntries = outlineTitles().reduce((sum, entry) => sum + 1 + entry.children.length, 0);
    expect(internal.filter((link) => link.pageIndex === 1)).toHaveLength(tocEntries);
    expect(internal).toHaveLength(tocEntries + metricCount);
    expect(internal.every((link) => link.destPageIndex! >= 2)).toBe(true);
  });

  it('reports the one character no bundled font has', () => {
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'GLYPH_MISSING', severity: 'warning', source: 'render', file: '' });
    expect(diagnostics[0].message).toContain('"中" (U+4E2D)');
  });

  it('renders the same IR to the same bytes', async () => {
    const again = await renderPdf(submissionIr());
    expect(Buffer.from(again.value).equals(Buffer.from(bytes))).toBe(true);
  });

  it('writes URIs as ASCII, with unbalanced parentheses escaped', async () => {
    const href = 'https://fr.wikipedia.org/wiki/Alès_(Gard)_)x';
    const result = await renderPdf(document([paragraph([link(href, 'Alès')])]));
    expect(qpdfCheck(result.value).status).toBe(0);
    const [annotation] = readLinks(await PDFDocument.load(result.value));
    expect(annotation.uri).toBe('https://fr.wikipedia.org/wiki/Al%C3%A8s_(Gard)_)x');
  });

  it('turns a link with a forbidden scheme into plain text and reports it', async () => {
    const result = await renderPdf(
      document([paragraph([link('javascript:alert(1)', 'click')])]),
    );
    const pdf = await PDFDocument.load(result.value);
    expect(readLinks(pdf)).toEqual([]);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['LINK_SCHEME_REJECTED']);
    expect(pdfToText(result.value)).toContain('click');
  });
});
