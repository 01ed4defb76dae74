import { layoutDocument } from '../../../src/render/pdf/layout';
import type { PositionedRect } from '../../../src/render/pdf/layout-types';
import { BOX, TEXT } from '../../../src/render/pdf/typography';
import { document, heading, paragraph, text } from './support/ir';
import { TEST_PAGE, allBodyLines, bodyLines, bodyTexts } from './support/inspect';
import { syntheticMetrics } from './support/synthetic-metrics';

const metrics = syntheticMetrics();
const LEFT = TEST_PAGE.marginLeft;

function rects(doc: ReturnType<typeof layoutDocument>, pageIndex: number): PositionedRect[] {
  return doc.pages[pageIndex].shapes.filter((shape): shape is PositionedRect => shape.kind === 'rect');
}

describe('block layout', () => {
  it('draws a note as a shaded box with an accent bar, its text inside the padding', () => {
    const note = paragraph('Nothing was submitted for this metric.', 'note');
    const doc = layoutDocument(document([note]), metrics, TEST_PAGE);
    const [shade, bar] = rects(doc, 0);
    const lines = bodyTexts(doc, 0);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line.x).toBeCloseTo(LEFT + BOX.noteBarWidth + BOX.notePadding, 3);
      expect(line.y).toBeGreaterThan(shade.y);
      expect(line.y).toBeLessThan(shade.y + shade.height);
      expect(line.x + line.width).toBeLessThanOrEqual(shade.x + shade.width - BOX.notePadding + 1e-6);
    }
    expect(shade.fill).toBeDefined();
    expect(bar).toMatchObject({ x: LEFT, y: shade.y, height: shade.height, width: BOX.noteBarWidth });
    // The bar carries the accent colour (#FCC30B).
    expect(bar.fill).toEqual({ r: 0xfc / 255, g: 0xc3 / 255, b: 0x0b / 255 });
  });

  it('continues a note taller than a page on the next page, shaded on both', () => {
    // About 40 lines of 13.5 pt: more than the 290 pt page body.
    const words = Array.from({ length: 400 }, (_, index) => `n${index}`).join(' ');
    const doc = layoutDocument(document([paragraph(words, 'note')]), metrics, TEST_PAGE);
    expect(doc.pages.length).toBeGreaterThan(1);
    for (let pageIndex = 0; pageIndex < doc.pages.length; pageIndex++) {
      for (const line of bodyTexts(doc, pageIndex)) {
        const shaded = rects(doc, pageIndex).some(
          (rect) => rect.width > BOX.noteBarWidth && line.y > rect.y && line.y < rect.y + rect.height,
        );
        expect(shaded).toBe(true);
      }
    }
    expect(allBodyLines(doc).flat().join(' ').match(/n\d+/g)).toHaveLength(400);
  });

  it('sets numbered lists with right-aligned numbers and a hanging indent', () => {
    const items = Array.from({ length: 12 }, (_, index) => [
      text(index === 9 ? 'a long item that wraps onto a second line of text' : `item ${index + 1}`),
    ]);
    const doc = layoutDocument(document([{ type: 'list', ordered: true, items }]), metrics, TEST_PAGE);
    const texts = bodyTexts(doc, 0);
    const markers = texts.filter((candidate) => /^\d+\.$/.test(candidate.text));
    expect(markers.map((marker) => marker.text)).toEqual(Array.from({ length: 12 }, (_, index) => `${index + 1}.`));
    const markerEnds = new Set(markers.map((marker) => (marker.x + marker.width).toFixed(3)));
    expect(markerEnds.size).toBe(1);
    const itemTexts = texts.filter((candidate) => !/^\d+\.$/.test(candidate.text));
    const indents = new Set(itemTexts.map((candidate) => candidate.x.toFixed(3)));
    // Every line, wrapped ones included, starts at the same indent, right of the widest number.
    expect(indents.size).toBe(1);
    expect(itemTexts[0].x).toBeGreaterThanOrEqual(Math.max(...markers.map((marker) => marker.x + marker.width)));
    expect(bodyLines(doc, 0).slice(8, 12)).toEqual([
      '9.item 9',
      '10.a long item that wraps onto a second line of',
      'text',
      '11.item 11',
    ]);
  });

  it('sets bullet lists with a bullet in the indent', () => {
    const doc = layoutDocument(
      document([{ type: 'list', ordered: false, items: [[text('first')], [text('second')]] }]),
      metrics,
      TEST_PAGE,
    );
    const texts = bodyTexts(doc, 0);
    expect(texts.map((candidate) => candidate.text)).toEqual(['\u2022', 'first', '\u2022', 'second']);
    expect(texts[0].x).toBe(LEFT);
    expect(texts[1].x).toBeCloseTo(LEFT + BOX.listIndent, 3);
  });

  it('sets the cover title large, bold and in the accent colour, under an accent band', () => {
    const doc = layoutDocument(
      document([paragraph('SDG 7 evidence', 'title'), paragraph('IMT Mines Alès', 'subtitle')]),
      metrics,
      TEST_PAGE,
    );
    const [title, subtitle] = bodyTexts(doc, 0);
    expect(title).toMatchObject({ text: 'SDG 7 evidence', size: TEXT.title.size, font: 'sans-bold' });
    expect(subtitle).toMatchObject({ text: 'IMT Mines Alès', size: TEXT.subtitle.size, font: 'sans' });
    const [band] = rects(doc, 0);
    expect(band.y).toBeGreaterThan(title.y);
    // #FCC30B is too pale for text on white; the title uses a darker shade of the same hue.
    expect(title.color.r).toBeLessThan(0xfc / 255);
    expect(title.color.r / title.color.g).toBeCloseTo(0xfc / 0xc3, 1);
  });

  it('draws headings in the accent colour with a rule under level 1 only', () => {
    const headings = [heading(1, 'One'), heading(2, 'Two'), heading(3, 'Three')];
    const doc = layoutDocument(document(headings), metrics, TEST_PAGE);
    const rules = doc.pages[0].shapes.filter((shape) => shape.kind === 'line');
    expect(rules).toHaveLength(1);
    const [one, two, three] = bodyTexts(doc, 0);
    expect(one.color).toEqual(two.color);
    expect(three.color).not.toEqual(one.color);
    expect([one.size, two.size, three.size]).toEqual([TEXT.heading1.size, TEXT.heading2.size, TEXT.heading3.size]);
  });

  it('reports an accent colour that is not #rrggbb and falls back to a default', () => {
    const doc = layoutDocument(document([heading(1, 'One')], { accent: 'yellow' }), metrics, TEST_PAGE);
    expect(doc.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['ACCENT_INVALID']);
    expect(bodyTexts(doc, 0)[0].color).toBeDefined();
  });

  it('reports each character no font has, and draws U+FFFD in its place', () => {
    const withoutCjk = syntheticMetrics({ lacks: (_face, codePoint) => codePoint >= 0x4e00 && codePoint <= 0x9fff });
    const doc = layoutDocument(document([paragraph('Campus 中 and 中文'), heading(1, '中')]), withoutCjk, TEST_PAGE);
    expect(bodyLines(doc, 0)[0]).toBe('Campus \uFFFD and \uFFFD\uFFFD');
    expect(doc.diagnostics.map((diagnostic) => diagnostic.message.match(/U\+[0-9A-F]+|\d+ occurrences?/g))).toEqual([
      ['U+4E2D', '3 occurrences'],
      ['U+6587', '1 occurrence'],
    ]);
  });
});
