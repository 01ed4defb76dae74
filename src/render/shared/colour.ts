/**
 * Accent colour arithmetic, shared by the PDF, DOCX and HTML writers so that all three show the same shades.
 *
 * The accent is the SDG's official colour, and several of them are too light to read as text on white
 * (SDG 7 is #FCC30B, SDG 6 #26BDE2). Writers therefore use the colour as given for rules and borders, and a
 * darkened shade that meets WCAG AA contrast for heading text.
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Used when the IR carries no valid accent; a dark blue readable on white. */
export const FALLBACK_ACCENT = '#1f4e79';

/** WCAG 2 contrast for normal-size text (AA). */
export const TEXT_CONTRAST = 4.5;

const WHITE: Rgb = { r: 255, g: 255, b: 255 };

/** Reads '#rrggbb' (either case). Anything else, including CSS colour names, is refused: the value is spliced into CSS and XML. */
export function parseHexColour(text: string): Rgb | undefined {
  const match = /^#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})$/.exec(text);
  if (!match) return undefined;
  return { r: parseInt(match[1], 16), g: parseInt(match[2], 16), b: parseInt(match[3], 16) };
}

/** The accent to draw with: the given one when it is '#rrggbb', else the fallback (and `valid` says which). */
export function resolveAccent(text: string): { colour: Rgb; valid: boolean } {
  const colour = parseHexColour(text);
  return colour ? { colour, valid: true } : { colour: parseHexColour(FALLBACK_ACCENT) as Rgb, valid: false };
}

/** '#rrggbb' in lower case. */
export function toHex(colour: Rgb): string {
  return '#' + [colour.r, colour.g, colour.b].map((channel) => channel.toString(16).padStart(2, '0')).join('');
}

function linearChannel(channel: number): number {
  const s = channel / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance. */
export function relativeLuminance(colour: Rgb): number {
  return 0.2126 * linearChannel(colour.r) + 0.7152 * linearChannel(colour.g) + 0.0722 * linearChannel(colour.b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Moves each channel towards `target` by `amount` (0 keeps the colour, 1 gives the target), rounding to whole values. */
export function mix(colour: Rgb, target: Rgb, amount: number): Rgb {
  const blend = (from: number, to: number) => Math.round(from + (to - from) * amount);
  return { r: blend(colour.r, target.r), g: blend(colour.g, target.g), b: blend(colour.b, target.b) };
}

/**
 * The accent darkened in fixed 5% steps towards black until it reads on white with at least `minimum` contrast.
 * Fixed steps keep the result a pure function of the input; an accent that already reads is returned unchanged.
 */
export function readableOnWhite(accent: Rgb, minimum: number = TEXT_CONTRAST): Rgb {
  const black: Rgb = { r: 0, g: 0, b: 0 };
  for (let step = 0; step <= 20; step++) {
    const candidate = mix(accent, black, step / 20);
    if (contrastRatio(candidate, WHITE) >= minimum) return candidate;
  }
  return black;
}

/** A pale background tint of the accent, for shaded call-outs. */
export function tintTowardsWhite(accent: Rgb, amount: number): Rgb {
  return mix(accent, WHITE, amount);
}
