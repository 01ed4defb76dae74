import { estimatePageNumbersWith } from 'docx/layout';
import type { PageNumberEstimator } from 'docx';
import { fontFilesForMeasuring } from './fonts';

let estimator: PageNumberEstimator | undefined;

/**
 * docx's layout engine, measuring text with the DejaVu files the document names. With it, docx writes the page
 * numbers of the table of contents and the page count into the fields' results, so LibreOffice and Google Docs
 * (which show field results as stored) print real numbers instead of blanks, and Word opens without asking to
 * update fields. Where the layout meets something it cannot measure it leaves the later numbers blank rather
 * than guess. Built once per process because it parses about 4 MB of fonts.
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
