import type { EstimatedPageNumbers, IXmlableObject, PageNumberEstimator } from 'docx';
import type { HeadingPages } from '../pdf/heading-pages';
import { bodyOutline, type BodyHeading } from './body-headings';
import { withLiteralPageReferences } from './literal-page-references';
import { dejaVuPageNumbers } from './page-numbers';

/** Layouts of the prefix before the shift is taken as it is (see pageNumbersFromPdfLayout). */
const MAX_PASSES = 3;

/**
 * The page numbers of the table of contents and the page count, written into the fields' results so that
 * LibreOffice and Google Docs (which show the table of contents as stored) print real numbers instead of blanks,
 * and Word opens without asking to update fields.
 *
 * The body's pages come from the PDF layout (`headingPages`, one per heading of the IR), which lays out the same
 * blocks in the same DejaVu fonts on A4, with sizes and margins of its own yet body pages that keep close to
 * LibreOffice's layout of the DOCX, in a fraction of the time docx's own layout engine takes over a whole document
 * (about half of a 1,000-item build). Where the two part is before the body: the DOCX's contents also list the
 * level-3 headings and run pages longer. So docx's engine lays out what comes before the body (the cover and the
 * contents, up to the first heading after them), and the later headings keep the PDF's pages shifted by the
 * difference on that first heading.
 *
 * Measured against the pages LibreOffice puts the headings on when it opens the DOCX: on the example pack, 424 of
 * 532 entries right and all within one page (docx's engine over the whole document: 425 right, 515 within one); on
 * a 1,000-item pack (documents of up to 108 pages), 1,029 of 1,340 right and all but one within one page (docx's
 * engine: 412 right, 993 within one, drifting to 3 pages out by page 100).
 *
 * Where docx's engine meets something it cannot lay out before the body, the later numbers stay blank rather
 * than guessed, as docx itself does.
 */
export function pageNumbersFromPdfLayout(headingPages: HeadingPages): PageNumberEstimator {
  return (body, context) => {
    const { elements, headings, lastToc } = bodyOutline(body);
    if (headings.length !== headingPages.pages.length) {
      throw new Error(`the DOCX body has ${headings.length} headings, the PDF layout ${headingPages.pages.length}`);
    }
    if (headings.length === 0) return { bookmarks: new Map(), pageCount: headingPages.pageCount };

    const anchorIndex = anchorHeading(headings, lastToc);
    const anchor = headings[anchorIndex];
    const later = headings.slice(anchorIndex + 1);
    const laterPages = headingPages.pages.slice(anchorIndex + 1);
    const shifted = (shift: number): Map<string, string> => {
      const pages = new Map<string, string>();
      later.forEach((heading, index) => {
        for (const name of heading.bookmarks) pages.set(name, String(laterPages[index] + shift));
      });
      return pages;
    };

    // The contents' entries for later headings carry the numbers of the shift guessed so far, so that they wrap as
    // they will (left blank, a full first page of contents moved the body a page up); a different shift can change
    // the wrapping, so the prefix is laid out again until the shift holds.
    let shift = 0;
    let before: EstimatedPageNumbers | undefined;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      before = dejaVuPageNumbers()(prefixBody(body, elements, anchor.element, shifted(shift)), context);
      const anchorPage = Number(before.bookmarks.get(anchor.bookmarks[0] ?? ''));
      if (!Number.isInteger(anchorPage)) return { bookmarks: before.bookmarks };
      const found = anchorPage - headingPages.pages[anchorIndex];
      if (found === shift) break;
      shift = found;
    }
    // At least one pass ran: MAX_PASSES is above 0.
    return { bookmarks: new Map([...before!.bookmarks, ...shifted(shift)]), pageCount: headingPages.pageCount + shift };
  };
}

/** The first heading after the last table of contents; without one after it, the last heading. */
function anchorHeading(headings: readonly BodyHeading[], lastToc: number): number {
  const after = headings.findIndex((heading) => heading.element > lastToc);
  return after >= 0 ? after : headings.length - 1;
}

/**
 * The body up to and including one element, with the section properties (page size, margins, header, footer), and
 * its page references to later bookmarks written as the page numbers given.
 */
function prefixBody(body: IXmlableObject, elements: readonly IXmlableObject[], last: number, pages: ReadonlyMap<string, string>): IXmlableObject {
  const end = elements.length - 1;
  const sectionProperties = end >= 0 && 'w:sectPr' in elements[end] ? [elements[end]] : [];
  const prefix = elements.slice(0, last + 1).map((element) => withLiteralPageReferences(element, pages) as IXmlableObject);
  return { ...body, 'w:body': [...prefix, ...sectionProperties] };
}
