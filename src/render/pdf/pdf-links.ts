/**
 * Link annotations (/Annot /Link), built from low-level objects because pdf-lib has no link API:
 * a /URI action for web and e-mail links, a /Dest [page /XYZ left top zoom] for links to a
 * heading of the document. No border is drawn: the text is already coloured and underlined.
 */
import { PDFString, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import type { LinkArea } from './layout-types';
import { isEmittableUri } from './link-policy';
import { asciiUri, escapePdfLiteral } from './pdf-strings';

export function addLinkAnnotation(pdf: PDFDocument, page: PDFPage, area: LinkArea, pageRefs: PDFRef[]): void {
  const { context } = pdf;
  const common = {
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [area.x, area.y, area.x + area.width, area.y + area.height],
    Border: [0, 0, 0],
  };
  let annotation;
  if (area.target.kind === 'uri') {
    // The layout only produces emittable URIs; checked again because this is the last gate.
    if (!isEmittableUri(area.target.uri)) return;
    annotation = context.obj({
      ...common,
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(escapePdfLiteral(asciiUri(area.target.uri))) },
    });
  } else {
    const pageRef = pageRefs[area.target.pageIndex];
    if (!pageRef) return;
    annotation = context.obj({ ...common, Dest: [pageRef, 'XYZ', null, area.target.y, null] });
  }
  page.node.addAnnot(context.register(annotation));
}
