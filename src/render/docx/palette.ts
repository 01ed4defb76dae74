import type { Rgb } from '../shared/colour';
import { readableOnWhite, tintTowardsWhite, toHex } from '../shared/colour';

/** Colours as WordprocessingML writes them: six hex digits, no '#'. */
export interface DocxPalette {
  /** The SDG colour as given: rules under headings, table header borders, the note bar. */
  accent: string;
  /** The accent darkened to WCAG AA contrast on white: heading text. */
  accentText: string;
  /** A pale tint of the accent: shading of notes and table header rows. */
  accentTint: string;
  /** Secondary text: header, footer, subtitle, fine print. */
  muted: string;
  /** Table grid lines. */
  rule: string;
  link: string;
}

const wordHex = (colour: Rgb) => toHex(colour).slice(1).toUpperCase();

export function paletteFor(accent: Rgb): DocxPalette {
  return {
    accent: wordHex(accent),
    accentText: wordHex(readableOnWhite(accent)),
    accentTint: wordHex(tintTowardsWhite(accent, 0.88)),
    muted: '4A4A4A',
    rule: '9A9A9A',
    link: '0B57B0',
  };
}
