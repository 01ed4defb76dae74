/**
 * Turns character offsets into 1-based line and column numbers.
 * Columns count UTF-16 code units, as the yaml package's LineCounter does for evidence files,
 * so positions read the same way across the whole tool.
 */

export interface LinePosition {
  line: number;
  column: number;
}

export type LineLocator = (offset: number) => LinePosition;

export function createLineLocator(text: string): LineLocator {
  // Offsets at which each line starts; a "\r\n" pair ends one line, like a lone "\n" or "\r".
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) lineStarts.push(i + 1);
  }
  return (offset: number): LinePosition => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - lineStarts[low] + 1 };
  };
}
