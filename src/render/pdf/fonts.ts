/**
 * The bundled DejaVu fonts: their files (for embedding) and their metrics (for layout).
 * Both are read once per process and shared by every document rendered in it, because
 * parsing 750 KB fonts for each SDG document would dominate the render time.
 */
import { readFile } from 'node:fs/promises';
import * as fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import { FONT_FACES, type FaceMetrics, type FontFace, type FontMetrics } from './font-metrics';

export interface FaceSource {
  /** File inside the npm package dejavu-fonts-ttf. */
  file: string;
  /**
   * Name of the embedded subset (pdf-lib's customName). A fixed name keeps the output free of
   * pdf-lib's random suffixes; the six-capital-letter tag and "+" mark it as a subset, as PDF
   * 32000-1 (9.6.4) requires, so that viewers and preflight tools do not take it for the whole font.
   */
  embeddedName: string;
  displayName: string;
}

export const FACE_SOURCES: Readonly<Record<FontFace, FaceSource>> = {
  sans: { file: 'DejaVuSans.ttf', embeddedName: 'IMPKSA+DejaVuSans', displayName: 'DejaVu Sans' },
  'sans-bold': {
    file: 'DejaVuSans-Bold.ttf',
    embeddedName: 'IMPKSB+DejaVuSans-Bold',
    displayName: 'DejaVu Sans Bold',
  },
  'sans-oblique': {
    file: 'DejaVuSans-Oblique.ttf',
    embeddedName: 'IMPKSO+DejaVuSans-Oblique',
    displayName: 'DejaVu Sans Oblique',
  },
  'sans-bold-oblique': {
    file: 'DejaVuSans-BoldOblique.ttf',
    embeddedName: 'IMPKSP+DejaVuSans-BoldOblique',
    displayName: 'DejaVu Sans Bold Oblique',
  },
  mono: { file: 'DejaVuSansMono.ttf', embeddedName: 'IMPKSM+DejaVuSansMono', displayName: 'DejaVu Sans Mono' },
};

export type FontFiles = Readonly<Record<FontFace, Uint8Array>>;

/**
 * OpenType features switched off when pdf-lib shapes a line (it calls fontkit's layout() for
 * every drawText). pdf-lib keeps only the glyph ids from shaping and ignores the positions, so
 * kerning and mark positioning never reach the page anyway; ligatures would harm (an "ffi"
 * glyph's ToUnicode entry is U+FB03, so text search would stop finding "office"). With every
 * feature off, each character maps to its cmap glyph, exactly what the layout measured, and
 * shaping runs about six times faster, which matters at thousands of lines per document.
 */
export const DISABLED_SHAPING_FEATURES = Object.fromEntries(
  [
    'rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig',
    'mark', 'mkmk', 'calt', 'clig', 'liga', 'dlig', 'rclt', 'curs', 'kern',
  ].map((feature) => [feature, false]),
) as Readonly<Record<string, boolean>>;

let filesOnce: Promise<FontFiles> | undefined;
let metricsOnce: Promise<FontMetrics> | undefined;

export function fontFilePath(face: FontFace): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${FACE_SOURCES[face].file}`);
}

/** Reads the five font files; later calls get the same bytes. */
export function loadFontFiles(): Promise<FontFiles> {
  if (!filesOnce) {
    filesOnce = readAllFaces().catch((error: unknown) => {
      // A failed read (package not installed) must not poison the cache for a retry.
      filesOnce = undefined;
      throw error;
    });
  }
  return filesOnce;
}

/** Metrics of the five faces, parsed with fontkit; later calls get the same objects. */
export function loadFontMetrics(): Promise<FontMetrics> {
  if (!metricsOnce) {
    metricsOnce = loadFontFiles().then(fontMetricsFromFiles, (error: unknown) => {
      metricsOnce = undefined;
      throw error;
    });
  }
  return metricsOnce;
}

/** Metrics of the five faces, parsed with fontkit from their files. */
export function fontMetricsFromFiles(files: FontFiles): FontMetrics {
  const entries = FONT_FACES.map((face) => [face, metricsFromFontkit(fontkit.create(files[face]), FACE_SOURCES[face].displayName)] as const);
  return Object.fromEntries(entries) as Record<FontFace, FaceMetrics>;
}

async function readAllFaces(): Promise<FontFiles> {
  const contents = await Promise.all(FONT_FACES.map((face) => readFile(fontFilePath(face))));
  const entries = FONT_FACES.map((face, index) => [face, new Uint8Array(contents[index])] as const);
  return Object.fromEntries(entries) as Record<FontFace, Uint8Array>;
}

/**
 * Adapts a fontkit font to the layout's FaceMetrics. Advances are cached per code point:
 * the layout asks for the same few hundred characters millions of times in a long document,
 * and fontkit's glyph lookup costs far more than a Map hit.
 */
export function metricsFromFontkit(font: Font, displayName: string): FaceMetrics {
  const toThousandths = 1000 / font.unitsPerEm;
  const advances = new Map<number, number | undefined>();
  return {
    displayName,
    ascent: font.ascent * toThousandths,
    descent: font.descent * toThousandths,
    advance(codePoint: number): number | undefined {
      if (advances.has(codePoint)) return advances.get(codePoint);
      const advance = font.hasGlyphForCodePoint(codePoint)
        ? font.glyphForCodePoint(codePoint).advanceWidth * toThousandths
        : undefined;
      advances.set(codePoint, advance);
      return advance;
    },
  };
}
