/**
 * Invisible notes in rendered markup saying which template produced which part, so that a markup
 * error found later names the partial that wrote it (the one a pack author overrode) rather than the
 * main template. Markers are processing instructions: evidence text can never produce them, because
 * Handlebars escapes "<" in everything it outputs, and they are removed before the markup is parsed.
 */
import type { MarkupSourceSpan } from '../ir/parse';

const MARKER = /<\?impact-pack-source (\d+|end)\?>/g;

export function sourceStartMarker(fileIndex: number): string {
  return `<?impact-pack-source ${fileIndex}?>`;
}

export const SOURCE_END_MARKER = '<?impact-pack-source end?>';

export interface UnmarkedMarkup {
  markup: string;
  /** Which file produced the markup from each offset on; before the first span, the main template. */
  spans: MarkupSourceSpan[];
}

/** Removes the markers; `files[i]` is the file of marker i, `baseFile` that of unmarked text. */
export function stripSourceMarkers(annotated: string, files: readonly string[], baseFile: string): UnmarkedMarkup {
  const open: string[] = [];
  const spans: MarkupSourceSpan[] = [];
  let markup = '';
  let copiedUpTo = 0;

  for (const match of annotated.matchAll(MARKER)) {
    markup += annotated.slice(copiedUpTo, match.index);
    copiedUpTo = match.index + match[0].length;
    if (match[1] === 'end') open.pop();
    else open.push(files[Number(match[1])] ?? baseFile);
    // A span that would cover no text (a partial that wrote nothing) is replaced, and one that
    // repeats the file before it is not recorded, so the spans stay minimal.
    if (spans[spans.length - 1]?.start === markup.length) spans.pop();
    const file = open[open.length - 1] ?? baseFile;
    if ((spans[spans.length - 1]?.file ?? baseFile) !== file) spans.push({ start: markup.length, file });
  }
  markup += annotated.slice(copiedUpTo);
  return { markup, spans };
}
