import { estimatePageNumbersWith } from 'docx/layout';
import type { PageNumberEstimator } from 'docx';
import { fontFilesForMeasuring } from './fonts';

let estimator: PageNumberEstimator | undefined;

/**
 * docx's layout engine, measuring text with the DejaVu files the document names: it lays pages out as Word would.
 * Laying out a whole document with it costs about half the build time, so it lays out only what comes before the
 * body (the cover and the table of contents) and the PDF layout gives the body's pages (pdf-page-numbers.ts).
 * Where it meets something it cannot measure it leaves the later numbers blank rather than guess. Built once per
 * process because it parses about 4 MB of fonts.
 */
export function dejaVuPageNumbers(): PageNumberEstimator {
  if (!estimator) {
    const withListNumbers = estimatePageNumbersWith({ fonts: fontFilesForMeasuring() });
    // Without its `listNumbers`: docx would read the whole body once more (a fifth of the DOCX time on a large pack)
    // to number table-of-contents entries of numbered headings, and our headings are never numbered (lists.ts).
    estimator = (body, context) => withListNumbers(body, context);
  }
  return estimator;
}
