/**
 * Font metrics as the pure layout engine sees them: advance widths and vertical extents,
 * with no dependency on pdf-lib or on the font files. fonts.ts builds them from the bundled
 * DejaVu fonts; tests can build synthetic ones so that expected positions are easy to compute.
 */

/** The five faces the PDF backend draws with. */
export type FontFace = 'sans' | 'sans-bold' | 'sans-oblique' | 'sans-bold-oblique' | 'mono';

/** Fixed order, used wherever faces are enumerated so that output stays deterministic. */
export const FONT_FACES: readonly FontFace[] = ['sans', 'sans-bold', 'sans-oblique', 'sans-bold-oblique', 'mono'];

export interface FaceMetrics {
  /** Human-readable family and style, used in diagnostics ("DejaVu Sans Bold"). */
  readonly displayName: string;
  /**
   * Horizontal advance of the glyph the face maps the code point to, in thousandths of an em;
   * undefined when the face has no glyph for it.
   */
  advance(codePoint: number): number | undefined;
  /** Ascender above the baseline, thousandths of an em (positive). */
  readonly ascent: number;
  /** Descender below the baseline, thousandths of an em (negative). */
  readonly descent: number;
}

export type FontMetrics = Readonly<Record<FontFace, FaceMetrics>>;

/**
 * Width in points of text drawn in one face. Text reaching this function has already been
 * resolved to a face that covers every code point (glyph-coverage.ts), so an unknown code
 * point only happens through a bug and counts as zero width rather than throwing mid-layout.
 */
export function textWidth(face: FaceMetrics, text: string, size: number): number {
  let thousandths = 0;
  for (const char of text) {
    thousandths += face.advance(char.codePointAt(0) as number) ?? 0;
  }
  return (thousandths * size) / 1000;
}
