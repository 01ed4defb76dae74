/**
 * Turns IR inlines into measured words: the units the line breaker may not split (unless a word
 * is wider than the line). A word can mix styles ("**SDG** 7's") and faces (a fallback glyph);
 * each uniform part is a TextPiece. Spaces between words are kept as pieces too, so a space
 * inside a link is underlined and clickable like the words around it.
 */
import type { Inline, TextRun } from '../ir/types';
import type { PendingLinkTarget } from './flow-types';
import type { FontFace, FontMetrics } from './font-metrics';
import { splitIntoFaceRuns, type MissingGlyphTally } from './glyph-coverage';
import type { Rgb } from './layout-types';
import { BREAK_OPPORTUNITY, normaliseText } from './text-normalise';
import type { TextStyle } from './typography';

export interface TextPiece {
  text: string;
  face: FontFace;
  size: number;
  color: Rgb;
  width: number;
  link?: PendingLinkTarget;
  /** Links are underlined so that they remain recognisable on paper. */
  underline: boolean;
}

export interface Word {
  pieces: TextPiece[];
  width: number;
  /** The collapsible space separating it from the previous word; absent after a zero-width break. */
  spaceBefore?: TextPiece;
}

export interface InlineContext {
  metrics: FontMetrics;
  missing: MissingGlyphTally;
  linkColour: Rgb;
  /** Decides what a link's href becomes in the PDF; undefined draws the text as plain text. */
  resolveLink(href: string): PendingLinkTarget | undefined;
}

interface Span {
  text: string;
  face: FontFace;
  color: Rgb;
  link?: PendingLinkTarget;
}

/** Hyphenated compounds may break after the hyphen ("evidence-|based"), never elsewhere. */
const AFTER_HYPHEN_BETWEEN_LETTERS = /(?<=\p{L}[-\u2010])(?=\p{L})/u;

export function faceFor(run: Pick<TextRun, 'bold' | 'italic' | 'code'>, style: TextStyle): FontFace {
  if (run.code) return 'mono';
  const bold = style.bold || run.bold === true;
  const italic = style.italic || run.italic === true;
  if (bold && italic) return 'sans-bold-oblique';
  if (bold) return 'sans-bold';
  if (italic) return 'sans-oblique';
  return 'sans';
}

/** Plain text of inlines, for outline titles and table-of-contents entries. */
export function plainText(inlines: Inline[]): string {
  const parts = inlines.map((inline) =>
    inline.type === 'text' ? inline.text : inline.children.map((child) => child.text).join(''),
  );
  return normaliseText(parts.join('')).split(BREAK_OPPORTUNITY).join('').trim();
}

export function inlineWords(inlines: Inline[], style: TextStyle, colour: Rgb, context: InlineContext): Word[] {
  const builder = new WordBuilder(style.size, context);
  for (const span of spansOf(inlines, style, colour, context)) builder.add(span);
  return builder.finish();
}

function spansOf(inlines: Inline[], style: TextStyle, colour: Rgb, context: InlineContext): Span[] {
  const spans: Span[] = [];
  for (const inline of inlines) {
    if (inline.type === 'text') {
      spans.push({ text: normaliseText(inline.text), face: faceFor(inline, style), color: colour });
      continue;
    }
    const link = context.resolveLink(inline.href);
    for (const child of inline.children) {
      spans.push({
        text: normaliseText(child.text),
        face: faceFor(child, style),
        color: link ? context.linkColour : colour,
        link,
      });
    }
  }
  return spans;
}

class WordBuilder {
  private readonly words: Word[] = [];
  private pieces: TextPiece[] = [];
  private pendingSpace: TextPiece | undefined;
  /** True once something visible was added, so leading spaces of the block are dropped. */
  private started = false;

  constructor(
    private readonly size: number,
    private readonly context: InlineContext,
  ) {}

  add(span: Span): void {
    for (const token of span.text.split(/( |\u200B)/)) {
      if (token === '') continue;
      if (token === ' ') {
        this.endWord();
        // Consecutive spaces (across runs too) collapse into the first one, as in HTML.
        if (this.started && !this.pendingSpace) this.pendingSpace = this.piecesFor(' ', span)[0];
      } else if (token === BREAK_OPPORTUNITY) {
        this.endWord();
      } else {
        // Identifiers and hashes in code keep their hyphens unbroken unless they overflow the line.
        const hyphenated = span.face !== 'mono' && (token.includes('-') || token.includes('\u2010'));
        const parts = hyphenated ? token.split(AFTER_HYPHEN_BETWEEN_LETTERS) : [token];
        parts.forEach((part, index) => {
          if (index > 0) this.endWord();
          this.addText(part, span);
        });
      }
    }
  }

  finish(): Word[] {
    this.endWord();
    return this.words;
  }

  private addText(text: string, span: Span): void {
    this.pieces.push(...this.piecesFor(text, span));
    this.started = true;
  }

  /** Pieces for text of one span, one per face the fallback chain picks. */
  private piecesFor(text: string, span: Span): TextPiece[] {
    return splitIntoFaceRuns(text, span.face, this.context.metrics, this.context.missing).map((run) => ({
      text: run.text,
      face: run.face,
      size: this.size,
      color: span.color,
      width: (run.advance * this.size) / 1000,
      link: span.link,
      underline: span.link !== undefined,
    }));
  }

  private endWord(): void {
    if (this.pieces.length === 0) return;
    const width = this.pieces.reduce((sum, piece) => sum + piece.width, 0);
    this.words.push({ pieces: this.pieces, width, spaceBefore: this.pendingSpace });
    this.pieces = [];
    this.pendingSpace = undefined;
  }
}
