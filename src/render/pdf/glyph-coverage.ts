/**
 * Which face draws each character. A piece of text asks for a preferred face (bold, oblique,
 * mono…); characters that face lacks fall back along a fixed chain, ending with the faces that
 * cover the most (DejaVu Sans, then DejaVu Sans Mono). A character no face has is drawn as
 * U+FFFD and tallied, so the user gets one GLYPH_MISSING warning per character instead of
 * a crash or a silent blank.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { FontFace, FontMetrics } from './font-metrics';
import { glyphMissing } from './pdf-diagnostics';

export const FALLBACK_CHAIN: Readonly<Record<FontFace, readonly FontFace[]>> = {
  sans: ['sans', 'mono'],
  'sans-bold': ['sans-bold', 'sans', 'mono'],
  'sans-oblique': ['sans-oblique', 'sans', 'mono'],
  'sans-bold-oblique': ['sans-bold-oblique', 'sans-bold', 'sans', 'mono'],
  mono: ['mono', 'sans'],
};

const REPLACEMENT_CHARACTER = 0xfffd;
const LAST_RESORT = '?';
const COMBINING_MARK = /^\p{M}$/u;

export interface FaceRun {
  face: FontFace;
  text: string;
  /** Sum of the glyph advances, thousandths of an em (measured here because the lookup is done anyway). */
  advance: number;
}

/** Counts missing characters across a whole document, in first-seen order. */
export class MissingGlyphTally {
  private readonly counts = new Map<number, number>();

  record(codePoint: number): void {
    this.counts.set(codePoint, (this.counts.get(codePoint) ?? 0) + 1);
  }

  /** Adds another tally's counts to this one. */
  addAll(other: MissingGlyphTally): void {
    for (const [codePoint, count] of other.counts) {
      this.counts.set(codePoint, (this.counts.get(codePoint) ?? 0) + count);
    }
  }

  get size(): number {
    return this.counts.size;
  }

  /** One warning per distinct character, ordered by code point so output is stable. */
  toDiagnostics(metrics: FontMetrics): Diagnostic[] {
    const fontNames = [...new Set(FALLBACK_CHAIN.sans.map((face) => metrics[face].displayName))].join(' or ');
    return [...this.counts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([codePoint, count]) => glyphMissing(codePoint, count, fontNames));
  }
}

/** The face that draws one code point, or undefined when no face in the chain has it. */
export function faceForCodePoint(codePoint: number, preferred: FontFace, metrics: FontMetrics): FontFace | undefined {
  for (const face of FALLBACK_CHAIN[preferred]) {
    if (metrics[face].advance(codePoint) !== undefined) return face;
  }
  return undefined;
}

/**
 * Splits normalised text into runs that each draw in one face, substituting characters no face
 * covers. Combining marks stay with the face of their base character when that face has them,
 * so an accent is not drawn from a different font than its letter.
 */
export function splitIntoFaceRuns(
  text: string,
  preferred: FontFace,
  metrics: FontMetrics,
  missing: MissingGlyphTally,
): FaceRun[] {
  const runs: FaceRun[] = [];
  let current: FaceRun | undefined;
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    let drawn = char;
    let face = faceForCodePoint(codePoint, preferred, metrics);
    if (
      current &&
      face !== current.face &&
      COMBINING_MARK.test(char) &&
      metrics[current.face].advance(codePoint) !== undefined
    ) {
      face = current.face;
    }
    if (face === undefined) {
      missing.record(codePoint);
      face = faceForCodePoint(REPLACEMENT_CHARACTER, preferred, metrics) ?? preferred;
      drawn = metrics[face].advance(REPLACEMENT_CHARACTER) !== undefined ? '\uFFFD' : LAST_RESORT;
    }
    const advance = metrics[face].advance(drawn.codePointAt(0) as number) ?? 0;
    if (current && current.face === face) {
      current.text += drawn;
      current.advance += advance;
    } else {
      current = { face, text: drawn, advance };
      runs.push(current);
    }
  }
  return runs;
}
