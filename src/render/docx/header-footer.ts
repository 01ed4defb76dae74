import { Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import { STYLE } from './styles';
import { documentText } from './xml-text';

/** The running header, e.g. "IMT Mines Alès · SDG 7", above a rule in the SDG colour. */
export function runningHeader(text: string): Header {
  return new Header({ children: [new Paragraph({ style: STYLE.header, children: [new TextRun(documentText(text))] })] });
}

/** The first page's header: the cover carries the institution and SDG in full, so no running header. */
export function emptyHeader(): Header {
  // A plain paragraph: the header style would draw its accent rule on the cover.
  return new Header({ children: [new Paragraph({})] });
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
