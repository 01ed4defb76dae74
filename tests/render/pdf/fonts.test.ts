import * as fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { FONT_FACES, textWidth } from '../../../src/render/pdf/font-metrics';
import { DISABLED_SHAPING_FEATURES, loadFontFiles, loadFontMetrics } from '../../../src/render/pdf/fonts';
import { faceForCodePoint } from '../../../src/render/pdf/glyph-coverage';

const EUROPEAN = '« œuvre » ’ é € Łódź Żółć Şişli İstanbul ğ ı — Ærø naïve façade “quotes” …';

describe('bundled DejaVu fonts', () => {
  it('reads the font files and parses the metrics once per process', async () => {
    expect(await loadFontFiles()).toBe(await loadFontFiles());
    expect(await loadFontMetrics()).toBe(await loadFontMetrics());
  });

  it('gives DejaVu Sans ascent and descent in thousandths of an em', async () => {
    const metrics = await loadFontMetrics();
    // DejaVu Sans: 2048 units per em, ascender 1901, descender -483.
    expect(metrics.sans.ascent).toBeCloseTo((1901 * 1000) / 2048, 6);
    expect(metrics.sans.descent).toBeCloseTo((-483 * 1000) / 2048, 6);
  });

  it('covers French, Polish and Turkish text in every face', async () => {
    const metrics = await loadFontMetrics();
    for (const face of FONT_FACES) {
      const uncovered = [...EUROPEAN].filter((char) => faceForCodePoint(char.codePointAt(0)!, face, metrics) !== face);
      expect({ face, uncovered }).toEqual({ face, uncovered: [] });
    }
  });

  it('has no glyph for CJK in any face of the fallback chain', async () => {
    const metrics = await loadFontMetrics();
    expect(faceForCodePoint(0x4e2d, 'sans', metrics)).toBeUndefined();
    expect(faceForCodePoint(0x4e2d, 'mono', metrics)).toBeUndefined();
  });

  it('measures text exactly as wide as pdf-lib draws it, ligature-prone words included', async () => {
    const [files, metrics] = await Promise.all([loadFontFiles(), loadFontMetrics()]);
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.registerFontkit(fontkit);
    const sample = `office affluent fjord flow ${EUROPEAN} 1/2 0123456789`;
    for (const face of FONT_FACES) {
      const font = await pdf.embedFont(files[face], { subset: true, features: DISABLED_SHAPING_FEATURES });
      expect(textWidth(metrics[face], sample, 10)).toBeCloseTo(font.widthOfTextAtSize(sample, 10), 6);
    }
  });
});
