import type { Inline } from '../../../src/render/ir/types';
import type { FontMetrics } from '../../../src/render/pdf/font-metrics';
import { MissingGlyphTally } from '../../../src/render/pdf/glyph-coverage';
import { inlineWords, type InlineContext } from '../../../src/render/pdf/inline-words';
import { breakIntoLines, type TextLine } from '../../../src/render/pdf/line-breaking';
import type { TextStyle } from '../../../src/render/pdf/typography';
import { link, text } from './support/ir';
import { syntheticMetrics } from './support/synthetic-metrics';

// 10 pt text with half-em advances: every character is 5 pt wide, so 50 pt hold 10 characters.
const STYLE: TextStyle = { size: 10, lineHeight: 14, bold: false, italic: false };
const BLACK = { r: 0, g: 0, b: 0 };
const BLUE = { r: 0, g: 0, b: 1 };

function contextFor(metrics: FontMetrics): InlineContext {
  return {
    metrics,
    missing: new MissingGlyphTally(),
    linkColour: BLUE,
    resolveLink: (href) => (href.startsWith('https:') ? { kind: 'uri', uri: href } : undefined),
  };
}

function lines(content: Inline[] | string, width: number, metrics = syntheticMetrics()): TextLine[] {
  const inlines = typeof content === 'string' ? [text(content)] : content;
  return breakIntoLines(inlineWords(inlines, STYLE, BLACK, contextFor(metrics)), width, metrics);
}

function lineTexts(content: Inline[] | string, width: number): string[] {
  return lines(content, width).map((line) => line.pieces.map((piece) => piece.text).join(''));
}

describe('line breaking', () => {
  it('fills lines greedily and breaks at spaces', () => {
    expect(lineTexts('aaaa bbbb cccc dd', 50)).toEqual(['aaaa bbbb', 'cccc dd']);
  });

  it('keeps a word that ends exactly at the line width on the line', () => {
    expect(lineTexts('aaaaa bbbb cc', 50)).toEqual(['aaaaa bbbb', 'cc']);
    expect(lines('aaaaa bbbb cc', 50)[0].width).toBeCloseTo(50, 9);
  });

  it('collapses runs of white space and drops it at the start and end of a block', () => {
    expect(lineTexts('  one \n\t two   three  ', 1000)).toEqual(['one two three']);
    expect(lineTexts([text('one '), text(' two')], 1000)).toEqual(['one two']);
  });

  it('never breaks at a no-break space', () => {
    expect(lineTexts('xxxx «\u00a0œuvre\u00a0»', 50)).toEqual(['xxxx', '«\u00a0œuvre\u00a0»']);
  });

  it('cuts a word wider than the line into pieces that fit', () => {
    const hash = '0123456789abcdef0123456789abcdef';
    const result = lineTexts(`sha ${hash}`, 50);
    expect(result).toEqual(['sha', '0123456789', 'abcdef0123', '456789abcd', 'ef']);
    expect(result.slice(1).join('')).toBe(hash);
  });

  it('prefers to cut a long URL just after a slash', () => {
    const url = 'https://ex.org/abc/defghijklmnop';
    expect(lineTexts(url, 100)).toEqual(['https://ex.org/abc/', 'defghijklmnop']);
  });

  it('does not separate a combining accent from its letter', () => {
    // Marks are given a width here so that the cut would otherwise fall between letter and accent.
    const metrics = syntheticMetrics({ markAdvance: 500 });
    // NFC turns e + U+0301 + U+0323 into U+1EB9 (ẹ) + U+0301: still one letter and one mark.
    const cut = breakIntoLines(
      inlineWords([text('aaaaaaaaae\u0301\u0323bbb')], STYLE, BLACK, contextFor(metrics)),
      50,
      metrics,
    ).map((line) => line.pieces.map((piece) => piece.text).join(''));
    expect(cut).toEqual(['aaaaaaaaa', '\u1EB9\u0301bbb']);
  });

  it('composes text to NFC before measuring', () => {
    const composed = lines('e\u0301te\u0301', 1000)[0];
    expect(composed.pieces.map((piece) => piece.text).join('')).toBe('été');
    expect(composed.width).toBeCloseTo(15, 9);
  });

  it('may break after the hyphen of a hyphenated compound, but not inside code', () => {
    expect(lineTexts('xx evidence-based', 55)).toEqual(['xx', 'evidence-', 'based']);
    expect(lineTexts('xx evidence-based', 75)).toEqual(['xx evidence-', 'based']);
    expect(lineTexts([text('xx '), text('evidence-based', { code: true })], 75)).toEqual(['xx', 'evidence-based']);
  });

  it('treats U+200B as a break opportunity of zero width and draws nothing for it', () => {
    expect(lineTexts('aaaaaa\u200Bbbbbbb', 50)).toEqual(['aaaaaa', 'bbbbbb']);
    expect(lineTexts('aa\u200Bbb', 50)).toEqual(['aabb']);
  });

  it('keeps words that mix styles together and merges same-style neighbours', () => {
    const result = lines([text('SDG', { bold: true }), text("'s goal is "), text('clean', { italic: true })], 1000)[0];
    expect(result.pieces.map((piece) => [piece.face, piece.text])).toEqual([
      ['sans-bold', 'SDG'],
      ['sans', "'s goal is "],
      ['sans-oblique', 'clean'],
    ]);
  });

  it('marks link pieces with their target, colour and underline; unusable links stay plain', () => {
    const content = [text('see '), link('https://example.org', 'the site'), text(' or '), link('ftp://x', 'ftp')];
    const [line] = lines(content, 1000);
    const site = line.pieces.find((piece) => piece.text === 'the site');
    expect(site).toMatchObject({ link: { kind: 'uri', uri: 'https://example.org' }, color: BLUE, underline: true });
    const ftp = line.pieces.find((piece) => piece.text.includes('ftp'));
    expect(ftp).toMatchObject({ underline: false, color: BLACK });
    expect(ftp?.link).toBeUndefined();
  });

  it('makes progress even when a single character is wider than the line', () => {
    expect(lineTexts('abc', 3)).toEqual(['a', 'b', 'c']);
  });

  it('returns no lines for an empty paragraph', () => {
    expect(lines('   ', 100)).toEqual([]);
  });
});
