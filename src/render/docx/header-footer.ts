import { Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import { STYLE } from './styles';
import { documentText } from './xml-text';

/** The running header, e.g. "IMT Mines Alès · SDG 7", above a rule in the SDG colour; a marking (DRAFT) goes first. */
export function runningHeader(text: string, marking?: string): Header {
  return new Header({
    children: [
      ...(marking ? [markingParagraph(marking)] : []),
      new Paragraph({ style: STYLE.header, children: [new TextRun(documentText(text))] }),
    ],
  });
}

/** The first page's header: the cover carries the institution and SDG in full, so no running header; a marking still shows. */
export function emptyHeader(marking?: string): Header {
  // A plain paragraph: the header style would draw its accent rule on the cover.
  return new Header({ children: [marking ? markingParagraph(marking) : new Paragraph({})] });
}

/** "DRAFT: …" in bold capitals' weight, on every page including the cover. */
function markingParagraph(marking: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: documentText(marking), bold: true })] });
}

/**
 * "Page N of M" from the PAGE and NUMPAGES fields, which every word processor computes when it lays the
 * document out (the page-number estimate, when on, also fills in their first result).
 */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}
