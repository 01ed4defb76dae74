import type { IXmlableObject } from 'docx';

/**
 * Reads the headings and the table of contents out of a document body as docx formats it for writing
 * (`{ 'w:body': [{ 'w:p': [...] }, { 'w:sdt': [...] }, ..., { 'w:sectPr': [...] }] }`), for the page-number
 * estimate (page-numbers.ts). Pure.
 */

const HEADING_STYLES = new Set(['Heading1', 'Heading2', 'Heading3']);

export interface BodyHeading {
  /** Index of the heading's paragraph among the body's elements. */
  element: number;
  /** The names of the bookmarks the paragraph starts: ours (bookmarks.ts) and the "_Toc…" one docx adds for the contents. */
  bookmarks: string[];
}

export interface BodyOutline {
  /** The body's elements: paragraphs, tables, tables of contents, and the section properties last. */
  elements: readonly IXmlableObject[];
  /** Every Heading 1–3 paragraph, in order: one per heading of the IR (blocks.ts). */
  headings: BodyHeading[];
  /** Index of the last table of contents among the elements, or -1 without one. */
  lastToc: number;
}

/** The children of an element such as `{ 'w:p': [...] }`, or none when it has no element content. */
function childrenOf(element: IXmlableObject, tag: string): IXmlableObject[] {
  const content: unknown = element[tag];
  return Array.isArray(content) ? (content as IXmlableObject[]) : [];
}

function paragraphStyle(paragraph: IXmlableObject[]): string | undefined {
  for (const child of paragraph) {
    for (const property of childrenOf(child, 'w:pPr')) {
      const style = property['w:pStyle'] as IXmlableObject | undefined;
      if (style) return String(style._attr?.['w:val']);
    }
  }
  return undefined;
}

function bookmarksStarted(paragraph: IXmlableObject[]): string[] {
  const names: string[] = [];
  for (const child of paragraph) {
    const start = child['w:bookmarkStart'] as IXmlableObject | undefined;
    if (start) names.push(String(start._attr?.['w:name']));
  }
  return names;
}

export function bodyOutline(body: IXmlableObject): BodyOutline {
  const elements = childrenOf(body, 'w:body');
  const headings: BodyHeading[] = [];
  let lastToc = -1;
  elements.forEach((element, index) => {
    if ('w:sdt' in element) lastToc = index;
    const paragraph = childrenOf(element, 'w:p');
    const style = paragraph.length > 0 ? paragraphStyle(paragraph) : undefined;
    if (style !== undefined && HEADING_STYLES.has(style)) headings.push({ element: index, bookmarks: bookmarksStarted(paragraph) });
  });
  return { elements, headings, lastToc };
}
