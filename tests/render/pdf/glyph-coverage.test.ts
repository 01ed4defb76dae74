import type { FontFace, FontMetrics } from '../../../src/render/pdf/font-metrics';
import { MissingGlyphTally, splitIntoFaceRuns } from '../../../src/render/pdf/glyph-coverage';
import { syntheticMetrics } from './support/synthetic-metrics';

/** Runs as { face, text }, the shape most assertions care about. */
function runs(text: string, preferred: FontFace, metrics: FontMetrics, missing: MissingGlyphTally) {
  return splitIntoFaceRuns(text, preferred, metrics, missing).map(({ face, text: drawn }) => ({ face, text: drawn }));
}

const CJK = 0x4e2d; // 中
const ARROW = 0x2192; // →
const E_CIRCUMFLEX_ACUTE = 0x1ebf; // ế: DejaVu Sans Mono lacks it, DejaVu Sans has it

describe('glyph coverage and the fallback chain', () => {
  const metrics = syntheticMetrics({
    lacks: (face, codePoint) =>
      codePoint === CJK ||
      (codePoint === ARROW && face !== 'mono') ||
      (codePoint === E_CIRCUMFLEX_ACUTE && face === 'mono') ||
      (codePoint === 0x0141 && face === 'sans-bold-oblique'), // Ł
  });

  it('keeps text in the preferred face when it has every glyph', () => {
    const missing = new MissingGlyphTally();
    expect(runs('Łódź', 'sans', metrics, missing)).toEqual([{ face: 'sans', text: 'Łódź' }]);
    expect(missing.size).toBe(0);
  });

  it('measures each run while resolving it, in thousandths of an em', () => {
    const [run] = splitIntoFaceRuns('Łódź', 'sans', metrics, new MissingGlyphTally());
    expect(run.advance).toBe(4 * 500);
  });

  it('takes a missing glyph from the next face in the chain', () => {
    const missing = new MissingGlyphTally();
    expect(runs('Łódź', 'sans-bold-oblique', metrics, missing)).toEqual([
      { face: 'sans-bold', text: 'Ł' },
      { face: 'sans-bold-oblique', text: 'ódź' },
    ]);
    expect(runs('a → b', 'sans', metrics, missing)).toEqual([
      { face: 'sans', text: 'a ' },
      { face: 'mono', text: '→' },
      { face: 'sans', text: ' b' },
    ]);
    expect(runs('Tiếng', 'mono', metrics, missing)).toEqual([
      { face: 'mono', text: 'Ti' },
      { face: 'sans', text: 'ế' },
      { face: 'mono', text: 'ng' },
    ]);
    expect(missing.size).toBe(0);
  });

  it('replaces a character no face has with U+FFFD and reports it once, with its count', () => {
    const missing = new MissingGlyphTally();
    expect(runs('中文 中', 'sans', metrics, missing)).toEqual([{ face: 'sans', text: '\uFFFD文 \uFFFD' }]);
    const diagnostics = missing.toDiagnostics(metrics);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'GLYPH_MISSING',
      severity: 'warning',
      source: 'render',
      file: '',
      line: 0,
      column: 0,
    });
    expect(diagnostics[0].message).toContain('"中" (U+4E2D)');
    expect(diagnostics[0].message).toContain('2 occurrences');
  });

  it('falls back to "?" when even U+FFFD is missing', () => {
    const bare = syntheticMetrics({ lacks: (_face, codePoint) => codePoint === CJK || codePoint === 0xfffd });
    const missing = new MissingGlyphTally();
    expect(runs('a中', 'sans', bare, missing)).toEqual([{ face: 'sans', text: 'a?' }]);
    expect(missing.size).toBe(1);
  });

  it('orders diagnostics by code point so that output is stable', () => {
    const bare = syntheticMetrics({ lacks: (_face, codePoint) => codePoint >= 0x4e00 });
    const missing = new MissingGlyphTally();
    splitIntoFaceRuns('文中', 'sans', bare, missing);
    expect(missing.toDiagnostics(bare).map((diagnostic) => /U\+[0-9A-F]{4,}/.exec(diagnostic.message)?.[0])).toEqual([
      'U+4E2D',
      'U+6587',
    ]);
  });
});
