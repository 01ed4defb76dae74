/**
 * The look of the PDF submission documents: sizes, leading, spacing and colours, in one place so
 * that the layout code only says which role a piece of text plays.
 */
import { readableOnWhite, resolveAccent, tintTowardsWhite, type Rgb as Rgb255 } from '../shared/colour';
import type { Rgb } from './layout-types';

export interface TextStyle {
  size: number;
  /** Distance between consecutive baselines. */
  lineHeight: number;
  bold: boolean;
  italic: boolean;
}

export interface BlockSpacing {
  /** Space above the block; collapses with the previous block's spaceAfter, dropped at a page top. */
  before: number;
  after: number;
}

export interface Theme {
  /** The SDG colour itself, for rules, bars and fills. */
  accent: Rgb;
  /** The SDG colour darkened where needed so that headings stay readable on white. */
  headingText: Rgb;
  text: Rgb;
  muted: Rgb;
  link: Rgb;
  noteFill: Rgb;
  tableBorder: Rgb;
  /** The accent mixed with white, behind table header rows. */
  tableHeaderFill: Rgb;
}

const regular = (size: number, lineHeight: number): TextStyle => ({ size, lineHeight, bold: false, italic: false });
const bold = (size: number, lineHeight: number): TextStyle => ({ size, lineHeight, bold: true, italic: false });

export const TEXT = {
  body: regular(10, 14.5),
  small: regular(8, 11),
  note: regular(9.5, 13.5),
  title: bold(26, 32),
  subtitle: regular(15, 20),
  heading1: bold(17, 22),
  heading2: bold(13, 17),
  heading3: bold(11, 15),
  table: regular(8.5, 11.5),
  tocEntry1: bold(10.5, 15),
  tocEntry2: regular(10, 14),
  runningHeader: regular(8, 10),
  footer: regular(8, 10),
} as const;

export const SPACING = {
  paragraph: { before: 0, after: 7 },
  small: { before: 0, after: 6 },
  note: { before: 4, after: 10 },
  title: { before: 0, after: 10 },
  subtitle: { before: 0, after: 18 },
  heading1: { before: 20, after: 8 },
  heading2: { before: 14, after: 6 },
  heading3: { before: 10, after: 4 },
  list: { before: 0, after: 7 },
  table: { before: 4, after: 10 },
  toc: { before: 0, after: 12 },
  figure: { before: 0, after: 14 },
} as const satisfies Record<string, BlockSpacing>;

export const BOX = {
  /** Inner padding of a note call-out. */
  notePadding: 8,
  /** Width of the accent bar on a note's left edge. */
  noteBarWidth: 3,
  /** Gap between list items. */
  listItemGap: 3,
  /** Indent of a bullet list's text; numbered lists widen it to their widest number. */
  listIndent: 16,
  /** Space between a list marker and the item text. */
  listMarkerGap: 5,
  tableCellPaddingX: 4,
  tableCellPaddingY: 3,
  tableBorderWidth: 0.5,
  /** Rule drawn under level-1 headings and under the running header. */
  ruleWidth: 0.8,
  /** Indent of level-2 entries in the table of contents. */
  tocIndent: 14,
  /** Gap between a table-of-contents entry and its page number column. */
  tocNumberGap: 8,
  /** Width reserved for page numbers ("9999"), so entries wrap the same whatever the numbers are. */
  tocNumberDigits: 4,
} as const;

/** Where the running header and the footer sit, measured from the top and bottom page edges. */
export const PAGE_FURNITURE = {
  headerBaselineFromTop: 34,
  headerRuleFromTop: 40,
  footerBaselineFromBottom: 30,
} as const;

/** pdf-lib takes colour components from 0 to 1; the shared colour arithmetic works in 0–255. */
function unit({ r, g, b }: Rgb255): Rgb {
  return { r: r / 255, g: g / 255, b: b / 255 };
}

/**
 * Builds the theme around the SDG's accent colour, with the same colour arithmetic as the HTML and
 * DOCX writers so that all three outputs show the same shades: fills and rules keep the official
 * colour, heading text uses it darkened until it reads on white (SDG 7's yellow would not).
 * `accentValid` is false when the accent is not '#rrggbb' and the shared fallback was used.
 */
export function themeFor(accentText: string): { theme: Theme; accentValid: boolean } {
  const { colour, valid } = resolveAccent(accentText);
  return {
    accentValid: valid,
    theme: {
      accent: unit(colour),
      headingText: unit(readableOnWhite(colour)),
      text: { r: 0.13, g: 0.13, b: 0.14 },
      muted: { r: 0.38, g: 0.38, b: 0.4 },
      link: { r: 0.05, g: 0.33, b: 0.68 },
      noteFill: { r: 0.95, g: 0.95, b: 0.95 },
      tableBorder: { r: 0.6, g: 0.6, b: 0.62 },
      tableHeaderFill: unit(tintTowardsWhite(colour, 0.82)),
    },
  };
}
