import type { Block } from '../../../src/render/ir/types';
import { layoutDocument } from '../../../src/render/pdf/layout';
import { SPACING, TEXT } from '../../../src/render/pdf/typography';
import { document, heading, link, paragraph } from './support/ir';
import { TEST_PAGE, allBodyLines, bodyLines, bodyTexts, pageOf, textsOutsideBody } from './support/inspect';
import { syntheticMetrics } from './support/synthetic-metrics';

const metrics = syntheticMetrics();
const BODY_HEIGHT = TEST_PAGE.height - TEST_PAGE.marginTop - TEST_PAGE.marginBottom; // 290 pt
const LINES_PER_PAGE = Math.floor(BODY_HEIGHT / TEXT.body.lineHeight); // 20 lines of 14.5 pt

/** A paragraph of n lines: each word is 47 characters (235 pt), so two never share a 240 pt line. */
function paragraphOfLines(n: number, label: string): Block {
  const words = Array.from({ length: n }, (_, index) => `${label}${index}`.padEnd(47, 'x'));
  return paragraph(words.join(' '));
}

function layout(blocks: Block[]) {
  return layoutDocument(document(blocks), metrics, TEST_PAGE);
}

describe('pagination', () => {
  it('fills each page to the bottom margin, exactly', () => {
    expect(LINES_PER_PAGE).toBe(20);
    const doc = layout([paragraphOfLines(50, 'p')]);
    expect(allBodyLines(doc).map((lines) => lines.length)).toEqual([20, 20, 10]);
    // The 20th line box ends on the bottom margin: its baseline is 19 lines plus the baseline
    // offset (leading split evenly around an 8 + 2 pt glyph extent) below the body top.
    const bodyTop = TEST_PAGE.height - TEST_PAGE.marginTop;
    const baselineOffset = (TEXT.body.lineHeight - 10) / 2 + 8;
    const lowest = Math.min(...bodyTexts(doc, 0).map((text) => text.y));
    expect(lowest).toBeCloseTo(bodyTop - 19 * TEXT.body.lineHeight - baselineOffset, 6);
    expect(lowest - (TEXT.body.lineHeight - baselineOffset)).toBeCloseTo(TEST_PAGE.marginBottom, 6);
  });

  it('keeps the text in reading order across pages', () => {
    const doc = layout([paragraphOfLines(45, 'w')]);
    const words = allBodyLines(doc).flat().map((line) => line.replace(/x+$/, ''));
    expect(words).toEqual(Array.from({ length: 45 }, (_, index) => `w${index}`));
  });

  it('leaves no widow: the last line of a paragraph never starts a page alone', () => {
    const doc = layout([paragraphOfLines(21, 'p')]);
    expect(allBodyLines(doc).map((lines) => lines.length)).toEqual([19, 2]);
  });

  it('leaves no orphan: the first line of a paragraph never ends a page alone', () => {
    // 18 lines + 7 pt paragraph spacing leave room for one more line, not two.
    const doc = layout([paragraphOfLines(18, 'a'), paragraphOfLines(5, 'b')]);
    expect(allBodyLines(doc).map((lines) => lines.length)).toEqual([18, 5]);
  });

  it('keeps a heading with the first lines of the next block', () => {
    // After 17 lines, 43.5 pt remain: enough for the heading (14 + 17 pt) but not for the
    // heading plus the two lines that must follow it.
    const doc = layout([paragraphOfLines(17, 'a'), heading(2, 'Stranded?'), paragraphOfLines(3, 'b')]);
    expect(pageOf(doc, 'Stranded?')).toBe(1);
    expect(bodyLines(doc, 1)[0]).toBe('Stranded?');
    expect(bodyLines(doc, 0)).toHaveLength(17);
  });

  it('keeps a chain of headings together with what follows them', () => {
    // 87 pt remain after 14 lines: room for both headings, not for them and two lines.
    const doc = layout([
      paragraphOfLines(14, 'a'),
      heading(1, 'Part'),
      heading(2, 'Chapter'),
      paragraphOfLines(4, 'b'),
    ]);
    expect(pageOf(doc, 'Part')).toBe(1);
    expect(pageOf(doc, 'Chapter')).toBe(1);
  });

  it('keeps about three lines of what follows with a heading, across short blocks', () => {
    // A metric: heading, a one-line label, a one-line question, then the "nothing submitted" note.
    // After 15 lines, 72.5 pt remain: room for heading, label and question (about 60 pt), not for the note too.
    const metric = (title: string): Block[] => [
      heading(2, title),
      paragraph('Evidence question', 'small'),
      paragraph('What THE asks.'),
      paragraph('Nothing submitted for this metric.', 'note'),
    ];
    const doc = layout([paragraphOfLines(15, 'a'), ...metric('7.4.5 Assistance')]);
    expect(pageOf(doc, '7.4.5 Assistance')).toBe(1);
    expect(pageOf(doc, 'Nothing submitted for this metric.')).toBe(1);
    expect(bodyLines(doc, 0)).toHaveLength(15);
  });

  it('never leaves a heading as the last thing on a page', () => {
    const blocks: Block[] = [];
    for (let index = 0; index < 30; index++) {
      const level = ((index % 3) + 1) as 1 | 2 | 3;
      blocks.push(heading(level, `Heading ${index}`), paragraphOfLines((index % 4) + 1, `t${index}`));
    }
    const doc = layout(blocks);
    expect(doc.pages.length).toBeGreaterThan(3);
    doc.pages.forEach((_, pageIndex) => {
      const lines = bodyLines(doc, pageIndex);
      expect(lines[lines.length - 1]).not.toMatch(/^Heading/);
    });
  });

  it('drops the space above a block at the top of a page', () => {
    const doc = layout([paragraphOfLines(20, 'a'), heading(1, 'Top')]);
    const [headingText] = bodyTexts(doc, 1);
    expect(headingText.text).toBe('Top');
    const firstLineTop = TEST_PAGE.height - TEST_PAGE.marginTop;
    // The baseline sits within the heading's own line box, not 20 pt (spaceBefore) lower.
    expect(firstLineTop - headingText.y).toBeLessThan(TEXT.heading1.lineHeight);
    expect(SPACING.heading1.before).toBeGreaterThan(0);
  });

  it('starts a new page at a page break, but never makes a blank page', () => {
    const doc = layout([
      { type: 'pagebreak' },
      paragraph('one'),
      { type: 'pagebreak' },
      { type: 'pagebreak' },
      paragraph('two'),
      { type: 'pagebreak' },
    ]);
    expect(allBodyLines(doc)).toEqual([['one'], ['two']]);
  });

  it('gives an empty document one page with its footer', () => {
    const doc = layout([]);
    expect(doc.pages).toHaveLength(1);
    expect(textsOutsideBody(doc, 0).map((text) => text.text)).toEqual(['Page 1 of 1']);
  });

  it('puts "Page N of M" on every page and the running header on every page but the first', () => {
    const doc = layout([paragraphOfLines(50, 'p')]);
    doc.pages.forEach((_, index) => {
      const furniture = textsOutsideBody(doc, index).map((text) => text.text);
      const expected = index === 0 ? [] : ['IMT Mines Alès · SDG 7'];
      expect(furniture).toEqual([...expected, `Page ${index + 1} of 3`]);
    });
    // The header sits above the body, the footer below it.
    const [header, footer] = textsOutsideBody(doc, 1);
    expect(header.y).toBeGreaterThan(TEST_PAGE.height - TEST_PAGE.marginTop);
    expect(footer.y).toBeLessThan(TEST_PAGE.marginBottom);
  });

  it('cuts a running header that is wider than the page with an ellipsis', () => {
    const long = 'IMT Mines Alès · SDG 7 · '.repeat(10);
    const doc = layoutDocument(document([paragraphOfLines(30, 'p')], { header: long }), metrics, TEST_PAGE);
    const [header] = textsOutsideBody(doc, 1);
    expect(header.text.endsWith('\u2026')).toBe(true);
    expect(header.x + header.width).toBeLessThanOrEqual(TEST_PAGE.width - TEST_PAGE.marginRight + 1e-6);
  });

  it('lays out the same IR identically every time', () => {
    const blocks = [heading(1, 'A', 'a'), paragraphOfLines(30, 'x'), paragraph([link('#a', 'back')])];
    expect(JSON.stringify(layout(blocks))).toBe(JSON.stringify(layout(blocks)));
  });
});
