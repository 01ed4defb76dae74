/**
 * Greedy (first-fit) line breaking of measured words. A word wider than the whole line (a URL,
 * a SHA-256 hash, a long file path) starts a new line and is cut by character, preferably just
 * after URL punctuation, never between a letter and its combining accent.
 */
import type { FontMetrics } from './font-metrics';
import type { TextPiece, Word } from './inline-words';

export interface TextLine {
  /** Pieces in drawing order, spaces included; adjacent pieces of identical style are merged. */
  pieces: TextPiece[];
  width: number;
}

/** Rounding slack, so that a word measured to exactly the line width still fits. */
const EPSILON = 1e-6;

/** Characters after which an overlong word is preferably cut. */
const PREFERRED_CUT_AFTER = new Set(['/', '-', '_', '.', '?', '&', '=', '#', ':', ',', ';', '\u2010']);

/** A preferred cut is taken only if it keeps at least this share of the line filled. */
const PREFERRED_CUT_MIN_FILL = 0.5;

const COMBINING_MARK = /^\p{M}$/u;

export function breakIntoLines(words: Word[], maxWidth: number, metrics: FontMetrics): TextLine[] {
  const lines: TextLine[] = [];
  let current: TextPiece[] = [];
  let currentWidth = 0;

  const flush = (): void => {
    if (current.length > 0) lines.push({ pieces: mergePieces(current), width: currentWidth });
    current = [];
    currentWidth = 0;
  };
  const append = (word: Word, withSpace: boolean): void => {
    if (withSpace && word.spaceBefore) {
      current.push(word.spaceBefore);
      currentWidth += word.spaceBefore.width;
    }
    current.push(...word.pieces);
    currentWidth += word.width;
  };

  for (const word of words) {
    if (current.length > 0) {
      const gap = word.spaceBefore?.width ?? 0;
      if (currentWidth + gap + word.width <= maxWidth + EPSILON) {
        append(word, true);
        continue;
      }
      flush();
    }
    if (word.width <= maxWidth + EPSILON) {
      append(word, false);
      continue;
    }
    const chunks = cutOverlongWord(word, maxWidth, metrics);
    for (const chunk of chunks.slice(0, -1)) {
      append(chunk, false);
      flush();
    }
    append(chunks[chunks.length - 1], false);
  }
  flush();
  return lines;
}

interface Unit {
  char: string;
  width: number;
  piece: TextPiece;
}

/** Cuts a word into chunks no wider than maxWidth (a single character wider than that gets a chunk of its own). */
export function cutOverlongWord(word: Word, maxWidth: number, metrics: FontMetrics): Word[] {
  const units: Unit[] = [];
  for (const piece of word.pieces) {
    const face = metrics[piece.face];
    for (const char of piece.text) {
      const width = ((face.advance(char.codePointAt(0) as number) ?? 0) * piece.size) / 1000;
      units.push({ char, width, piece });
    }
  }

  const chunks: Word[] = [];
  let start = 0;
  while (start < units.length) {
    let end = start;
    let width = 0;
    let preferredEnd = -1;
    let widthAtPreferred = 0;
    // Always take one character, so that an absurdly narrow column still makes progress.
    while (end < units.length && (end === start || width + units[end].width <= maxWidth + EPSILON)) {
      width += units[end].width;
      end++;
      if (end < units.length && PREFERRED_CUT_AFTER.has(units[end - 1].char) && !isMark(units[end])) {
        preferredEnd = end;
        widthAtPreferred = width;
      }
    }
    if (end < units.length) {
      if (preferredEnd > start && widthAtPreferred >= maxWidth * PREFERRED_CUT_MIN_FILL) {
        end = preferredEnd;
      } else {
        while (end > start + 1 && isMark(units[end])) end--;
      }
    }
    chunks.push(wordFromUnits(units.slice(start, end), start === 0 ? word.spaceBefore : undefined));
    start = end;
  }
  return chunks;
}

function isMark(unit: Unit | undefined): boolean {
  return unit !== undefined && COMBINING_MARK.test(unit.char);
}

function wordFromUnits(units: Unit[], spaceBefore: TextPiece | undefined): Word {
  const pieces: TextPiece[] = [];
  for (const unit of units) {
    const last = pieces[pieces.length - 1];
    if (last && sameStyle(last, unit.piece)) {
      last.text += unit.char;
      last.width += unit.width;
    } else {
      pieces.push({ ...unit.piece, text: unit.char, width: unit.width });
    }
  }
  return { pieces, width: units.reduce((sum, unit) => sum + unit.width, 0), spaceBefore };
}

function sameStyle(a: TextPiece, b: TextPiece): boolean {
  return (
    a.face === b.face &&
    a.size === b.size &&
    sameColour(a.color, b.color) &&
    a.underline === b.underline &&
    sameLink(a.link, b.link)
  );
}

function sameColour(a: TextPiece['color'], b: TextPiece['color']): boolean {
  return a.r === b.r && a.g === b.g && a.b === b.b;
}

function sameLink(a: TextPiece['link'], b: TextPiece['link']): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind === 'uri' && b.kind === 'uri') return a.uri === b.uri;
  if (a.kind === 'anchor' && b.kind === 'anchor') return a.anchor === b.anchor;
  return false;
}

/** Merges neighbours of identical style so that each line is drawn with as few text operations as possible. */
function mergePieces(pieces: TextPiece[]): TextPiece[] {
  const merged: TextPiece[] = [];
  // The open run is a copy, so the words' own pieces are never modified.
  let open: TextPiece | undefined;
  for (const piece of pieces) {
    if (open && sameStyle(open, piece)) {
      open.text += piece.text;
      open.width += piece.width;
    } else {
      open = { ...piece };
      merged.push(open);
    }
  }
  return merged;
}
