/**
 * Page geometry of the submission documents, in twips (twentieths of a point; "DXA" in WordprocessingML).
 * A4 with 2 cm side margins and 2.5 cm top and bottom margins, which leave room for the running header and footer.
 */
export const PAGE = {
  width: 11906,
  height: 16838,
  marginTop: 1418,
  marginBottom: 1418,
  marginLeft: 1134,
  marginRight: 1134,
  /** Distance from the page edge to the header and footer text. */
  header: 709,
  footer: 709,
} as const;

/** Width available to text and tables; table column widths are computed from it. */
export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;
