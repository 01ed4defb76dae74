/**
 * Font metrics for layout tests: every face gives every character the same advance (half an em
 * by default), so a 10 pt character is exactly 5 pt wide and expected positions can be computed
 * by hand. A predicate can take characters away from chosen faces to exercise the fallback chain.
 */
import { FONT_FACES, type FaceMetrics, type FontFace, type FontMetrics } from '../../../../src/render/pdf/font-metrics';

export interface SyntheticOptions {
  /** Thousandths of an em; 500 unless given. */
  advance?: number;
  /** Advance of combining marks; 0 unless given, as in real fonts. */
  markAdvance?: number;
  /** True when the face has no glyph for the code point. */
  lacks?: (face: FontFace, codePoint: number) => boolean;
}

export const SYNTHETIC_ASCENT = 800;
export const SYNTHETIC_DESCENT = -200;

export function syntheticMetrics(options: SyntheticOptions = {}): FontMetrics {
  const advance = options.advance ?? 500;
  const markAdvance = options.markAdvance ?? 0;
  const lacks = options.lacks ?? (() => false);
  const faces = FONT_FACES.map((face): [FontFace, FaceMetrics] => [
    face,
    {
      displayName: `Synthetic ${face}`,
      ascent: SYNTHETIC_ASCENT,
      descent: SYNTHETIC_DESCENT,
      advance: (codePoint) =>
        lacks(face, codePoint) ? undefined : /\p{M}/u.test(String.fromCodePoint(codePoint)) ? markAdvance : advance,
    },
  ]);
  return Object.fromEntries(faces) as Record<FontFace, FaceMetrics>;
}
