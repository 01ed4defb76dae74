/**
 * The layout engine's handling of images, of a heading taller than a page, and of pages reserved for
 * merged PDFs; pure, with synthetic metrics, so positions can be checked by hand.
 */
import type { Block, Figure } from '../../../src/render/ir/types';
import { layoutDocument } from '../../../src/render/pdf/layout';
import { A4 } from '../../../src/render/pdf/layout-types';
import { attachedFilesNote, mergedPdfsAppendix, type PdfBlock } from '../../../src/render/pdf/pdf-blocks';
import { SPACING, TEXT } from '../../../src/render/pdf/typography';
import { logoAsset } from '../support/logo';
import { document, heading, paragraph } from './support/ir';
import { TEST_PAGE, allBodyLines, bodyLines, pageOf, textsOutsideBody } from './support/inspect';
import { syntheticMetrics } from './support/synthetic-metrics';

const metrics = syntheticMetrics();
const TEXT_WIDTH = TEST_PAGE.width - TEST_PAGE.marginLeft - TEST_PAGE.marginRight; // 240 pt
const BODY_TOP = TEST_PAGE.height - TEST_PAGE.marginTop; // 340 pt

const layout = (blocks: Block[], pdfOnly: PdfBlock[] = []) => layoutDocument(document(blocks), metrics, TEST_PAGE, pdfOnly);
const logo: Figure = { type: 'figure', image: logoAsset(), alt: 'Test University logo', maxWidth: 150, maxHeight: 40 };

describe('figures', () => {
  it('places the image against the left margin at the top of the body, at the shared figure size', () => {
    const doc = layout([logo, paragraph('Test University', 'title')]);
    expect(doc.pages[0].images).toEqual([{ image: logo.image, x: TEST_PAGE.marginLeft, y: BODY_TOP - 40, width: 120, height: 40 }]);
  });

  it('keeps the text below the image, with the figure spacing between them', () => {
    const doc = layout([logo, paragraph('Below the logo')]);
    const line = doc.pages[0].texts.find((text) => text.text.startsWith('Below'))!;
    // Baseline of the first body line under the image: image height, figure spacing, then the line's own offset.
    const baselineOffset = (TEXT.body.lineHeight - 10) / 2 + 8;
    expect(line.y).toBeCloseTo(BODY_TOP - 40 - SPACING.figure.after - baselineOffset, 6);
  });

  it('shrinks an image wider than the text column to the column', () => {
    const wide: Figure = { ...logo, maxWidth: undefined, maxHeight: 100 };
    const [image] = layout([wide]).pages[0].images;
    expect(image.width).toBe(TEXT_WIDTH);
    expect(image.height).toBe(80);
  });

  it('moves an image that does not fit under the text before it to the next page, whole', () => {
    const filler = paragraph(Array.from({ length: 18 }, (_, index) => `w${index}`.padEnd(47, 'x')).join(' '));
    const doc = layout([filler, logo]);
    expect(doc.pages).toHaveLength(2);
    expect(doc.pages[0].images).toEqual([]);
    expect(doc.pages[1].images[0].y).toBe(BODY_TOP - 40);
  });
});

describe('a heading taller than a page', () => {
  it('is cut between its lines instead of running off the page, and keeps its anchor on the first line', () => {
    // 30 words of 47 characters, one per 240 pt line: 30 lines of heading 1, far taller than the 290 pt body.
    const title = Array.from({ length: 30 }, (_, index) => `h${index}`.padEnd(47, 'x')).join(' ');
    const doc = layout([heading(1, title, 'long'), paragraph('After the heading')]);
    const lines = allBodyLines(doc).flat();
    expect(lines.filter((line) => line.startsWith('h'))).toHaveLength(30);
    for (let pageIndex = 0; pageIndex < doc.pages.length; pageIndex++) {
      const footerY = Math.min(...textsOutsideBody(doc, pageIndex).map((text) => text.y));
      for (const text of doc.pages[pageIndex].texts.filter((candidate) => candidate.y > footerY)) {
        expect(text.y).toBeGreaterThan(TEST_PAGE.marginBottom);
      }
    }
    expect(doc.outline[0]).toMatchObject({ pageIndex: 0, y: BODY_TOP });
    expect(pageOf(doc, 'After the heading')).toBe(doc.pages.length - 1);
  });
});

describe('pages of merged PDFs', () => {
  const merged = mergedPdfsAppendix([
    { path: 'files/policy.pdf', size: '120.0 KB', sha256: 'a'.repeat(64), pageCount: 3 },
    { path: 'files/report.pdf', size: '2.0 MB', sha256: 'b'.repeat(64), pageCount: 1 },
  ]);
  // On A4, so that each file's summary fits on one page.
  const blocks: Block[] = [paragraph('Cover'), { type: 'pagebreak' }, { type: 'toc', title: 'Contents' }, { type: 'pagebreak' }, heading(1, 'Body')];
  const doc = layoutDocument(document(blocks), metrics, A4, merged);

  it('reserves whole pages, in order, after a summary page for each file', () => {
    expect(doc.pages.map((page) => page.foreign ?? null)).toEqual([
      null, // cover
      null, // contents
      null, // body
      null, // appendix title and the first file's summary
      { document: 0, page: 0 },
      { document: 0, page: 1 },
      { document: 0, page: 2 },
      null, // the second file's summary
      { document: 1, page: 0 },
    ]);
    expect(bodyLines(doc, 3)[0]).toBe('Appendix: supporting PDF documents');
    expect(bodyLines(doc, 7)[0]).toBe('files/report.pdf');
  });

  it('draws nothing on a reserved page, and numbers the others out of the total the reader sees', () => {
    for (const page of doc.pages.filter((candidate) => candidate.foreign)) {
      expect([page.texts, page.shapes, page.links, page.images]).toEqual([[], [], [], []]);
    }
    expect(textsOutsideBody(doc, 7).map((text) => text.text).join('')).toContain('Page 8 of 9');
  });

  it('lists the appendix and each file in the contents and the bookmarks', () => {
    const appendix = doc.outline.find((entry) => entry.title === 'Appendix: supporting PDF documents')!;
    expect(appendix.children.map((entry) => [entry.title, entry.pageIndex])).toEqual([
      ['files/policy.pdf', 3],
      ['files/report.pdf', 7],
    ]);
    expect(bodyLines(doc, 1).some((line) => line.startsWith('files/report.pdf') && line.endsWith('8'))).toBe(true);
  });

  it('starts a file on a page of its own even when nothing precedes it', () => {
    const only = layoutDocument(document([]), metrics, A4, [{ type: 'foreign-pages', document: 0, pageCount: 2 }, { type: 'heading', level: 1, children: [{ type: 'text', text: 'After' }] }]);
    expect(only.pages.map((page) => page.foreign?.page ?? null)).toEqual([0, 1, null]);
  });
});

describe('the note on attached files', () => {
  it('is a note naming how many files are attached, and nothing when none are', () => {
    expect(attachedFilesNote([])).toEqual([]);
    const [note] = attachedFilesNote(['files/a.pdf', 'files/b.csv']);
    expect(note).toMatchObject({ type: 'paragraph', style: 'note' });
    const doc = layout([paragraph('Appendix')], attachedFilesNote(['files/a.pdf', 'files/b.csv']));
    expect(allBodyLines(doc).flat().join(' ')).toContain('The 2 supporting files listed in this document are attached to this PDF.');
  });
});
