/**
 * Bookmarks (/Outlines). pdf-lib has no API for them, so the outline tree is built from
 * low-level dictionaries: a root with First/Last/Count, and per item Title, Parent, Prev/Next,
 * First/Last/Count for its children and a Dest [page /XYZ left top zoom] to the heading.
 * Level-1 items (metric groups) are open, so readers list every metric straight away; metrics are
 * closed, and open on a click to list their evidence items. A closed item's Count is negative
 * (PDF 32000-1, 12.3.3): minus the number of descendants that opening it would show.
 */
import { PDFHexString, PDFName, type PDFDocument, type PDFObject, type PDFRef } from 'pdf-lib';
import type { OutlineEntry } from './layout-types';

export function addOutline(pdf: PDFDocument, entries: OutlineEntry[], pageRefs: PDFRef[]): void {
  if (entries.length === 0) return;
  const rootRef = pdf.context.nextRef();
  const items = addItems(pdf, entries, rootRef, pageRefs);
  pdf.context.assign(
    rootRef,
    pdf.context.obj({ Type: 'Outlines', First: items.first, Last: items.last, Count: items.visible }),
  );
  pdf.catalog.set(PDFName.of('Outlines'), rootRef);
  // Open the bookmarks panel: for a long submission the outline is the quickest way around.
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Items of a level below this one (the metric groups) are shown open; deeper ones closed. */
const OPEN_BELOW_LEVEL = 2;

interface ItemChain {
  first: PDFRef;
  last: PDFRef;
  /** Items visible when this level is open: the items themselves plus their open descendants. */
  visible: number;
}

function addItems(pdf: PDFDocument, entries: OutlineEntry[], parent: PDFRef, pageRefs: PDFRef[]): ItemChain {
  const { context } = pdf;
  const refs = entries.map(() => context.nextRef());
  let visible = entries.length;
  entries.forEach((entry, index) => {
    const item: Record<string, PDFObject | number> = {
      Title: PDFHexString.fromText(entry.title),
      Parent: parent,
      Dest: context.obj([pageRefs[entry.pageIndex], 'XYZ', null, entry.y, null]),
    };
    if (index > 0) item.Prev = refs[index - 1];
    if (index < entries.length - 1) item.Next = refs[index + 1];
    if (entry.children.length > 0) {
      const children = addItems(pdf, entry.children, refs[index], pageRefs);
      const open = entry.level < OPEN_BELOW_LEVEL;
      item.First = children.first;
      item.Last = children.last;
      item.Count = open ? children.visible : -children.visible;
      if (open) visible += children.visible;
    }
    context.assign(refs[index], context.obj(item));
  });
  return { first: refs[0], last: refs[refs.length - 1], visible };
}
