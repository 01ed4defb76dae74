/** Queries over a laid-out document, so tests read like what a reader sees on each page. */
import type { LaidOutDocument, PageSpec, PositionedText } from '../../../../src/render/pdf/layout-types';

/** A small page, so pagination happens after a few lines: 240 pt text width, 290 pt body. */
export const TEST_PAGE: PageSpec = {
  width: 300,
  height: 400,
  marginTop: 60,
  marginBottom: 50,
  marginLeft: 30,
  marginRight: 30,
};

function inBody(text: PositionedText, page: PageSpec): boolean {
  return text.y > page.marginBottom && text.y < page.height - page.marginTop;
}

/** Texts of the page body (running header and footer excluded), in drawing order. */
export function bodyTexts(doc: LaidOutDocument, pageIndex: number): PositionedText[] {
  return doc.pages[pageIndex].texts.filter((text) => inBody(text, doc.page));
}

/** The body's visual lines, top to bottom, each the concatenation of its fragments left to right. */
export function bodyLines(doc: LaidOutDocument, pageIndex: number): string[] {
  const byBaseline = new Map<number, PositionedText[]>();
  for (const text of bodyTexts(doc, pageIndex)) {
    const line = byBaseline.get(text.y) ?? [];
    line.push(text);
    byBaseline.set(text.y, line);
  }
  return [...byBaseline.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, texts]) =>
      texts
        .sort((a, b) => a.x - b.x)
        .map((text) => text.text)
        .join(''),
    );
}

/** Every page's body lines. */
export function allBodyLines(doc: LaidOutDocument): string[][] {
  return doc.pages.map((_, index) => bodyLines(doc, index));
}

/** Index of the page whose body has a text fragment equal to (or, with partial, containing) the needle. */
export function pageOf(doc: LaidOutDocument, needle: string, partial = false): number {
  return doc.pages.findIndex((_, index) =>
    bodyTexts(doc, index).some((text) => (partial ? text.text.includes(needle) : text.text === needle)),
  );
}

export function textsOutsideBody(doc: LaidOutDocument, pageIndex: number): PositionedText[] {
  return doc.pages[pageIndex].texts.filter((text) => !inBody(text, doc.page));
}
