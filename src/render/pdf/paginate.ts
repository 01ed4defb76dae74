/**
 * Stacks slices onto pages. A slice goes on the current page if it fits together with the slices
 * it must keep with (a heading and the first lines after it); otherwise a new page starts. Space
 * between blocks collapses (the larger of spaceAfter and spaceBefore) and disappears at a page
 * top. When a table row opens a page, the table's header row is drawn above it first. Another
 * PDF's pages (--merge-pdfs) take whole pages of their own, marked for the writer to copy.
 */
import type { FlowItem, PendingLinkTarget, Slice } from './flow-types';
import type { ForeignPage, PageSpec, PositionedImage, PositionedShape, PositionedText } from './layout-types';

export interface DraftLink {
  x: number;
  y: number;
  width: number;
  height: number;
  target: PendingLinkTarget;
}

export interface DraftPage {
  texts: PositionedText[];
  shapes: PositionedShape[];
  links: DraftLink[];
  images: PositionedImage[];
  foreign?: ForeignPage;
}

export interface AnchorPosition {
  pageIndex: number;
  /** Top edge of the anchored slice, PDF user space. */
  y: number;
}

export interface Pagination {
  pages: DraftPage[];
  anchors: Map<string, AnchorPosition>;
}

/** Tolerance for floating-point sums of heights. */
const EPSILON = 1e-6;

export function paginate(flow: FlowItem[], page: PageSpec): Pagination {
  const bodyTop = page.height - page.marginTop;
  const bodyBottom = page.marginBottom;
  const bodyHeight = bodyTop - bodyBottom;

  const pages: DraftPage[] = [];
  const anchors = new Map<string, AnchorPosition>();
  let current = newPage(pages);
  let cursor = bodyTop;
  let empty = true;
  let previousSpaceAfter = 0;

  const startPage = (): void => {
    current = newPage(pages);
    cursor = bodyTop;
    empty = true;
    previousSpaceAfter = 0;
  };
  const place = (slice: Slice, gap: number): void => {
    const top = cursor - gap;
    drawSlice(slice, top, current);
    for (const anchor of slice.anchors) {
      if (!anchors.has(anchor)) anchors.set(anchor, { pageIndex: pages.length - 1, y: round(top) });
    }
    cursor = top - slice.height;
    empty = false;
    previousSpaceAfter = slice.spaceAfter;
  };

  // A break takes effect when content follows it: a break on an empty page, or at the end of
  // the document, would only produce a blank page.
  let breakPending = false;
  flow.forEach((item, index) => {
    if (item.kind === 'pagebreak') {
      breakPending = !empty;
      return;
    }
    if (breakPending) {
      startPage();
      breakPending = false;
    }
    if (item.kind === 'foreign') {
      if (item.pageCount === 0) return;
      // The pages start on a page of their own (the current one if nothing is on it yet)…
      if (!empty) startPage();
      for (let page = 0; page < item.pageCount; page++) {
        if (page > 0) startPage();
        current.foreign = { document: item.document, page };
      }
      // …and whatever follows starts after them.
      empty = false;
      breakPending = true;
      return;
    }
    const slice = item.slice;
    if (!empty) {
      const gap = Math.max(previousSpaceAfter, slice.spaceBefore);
      const needed = gap + keptHeight(flow, index, bodyHeight);
      if (cursor - needed < bodyBottom - EPSILON) startPage();
    }
    if (empty) {
      if (slice.repeatedHeader) place(slice.repeatedHeader, 0);
      place(slice, 0);
    } else {
      place(slice, Math.max(previousSpaceAfter, slice.spaceBefore));
    }
  });
  return { pages, anchors };
}

/**
 * Height of the slice plus every following slice it is chained to by keepWithNext. A chain
 * that cannot fit on any page is not honoured: then only the slice itself has to fit.
 */
function keptHeight(flow: FlowItem[], index: number, bodyHeight: number): number {
  const first = (flow[index] as { slice: Slice }).slice;
  let height = first.height;
  let slice = first;
  for (let next = index + 1; slice.keepWithNext && next < flow.length; next++) {
    const item = flow[next];
    if (item.kind !== 'slice') break;
    height += Math.max(slice.spaceAfter, item.slice.spaceBefore) + item.slice.height;
    if (height > bodyHeight) return first.height;
    slice = item.slice;
  }
  return height;
}

function newPage(pages: DraftPage[]): DraftPage {
  const page: DraftPage = { texts: [], shapes: [], links: [], images: [] };
  pages.push(page);
  return page;
}

/** Converts a slice's local, top-down coordinates to PDF user space below the given top edge. */
function drawSlice(slice: Slice, top: number, page: DraftPage): void {
  for (const shape of slice.shapes) {
    if (shape.kind === 'rect') {
      page.shapes.push({
        kind: 'rect',
        x: round(shape.x),
        y: round(top - shape.top - shape.height),
        width: round(shape.width),
        height: round(shape.height),
        ...(shape.fill ? { fill: shape.fill } : {}),
        ...(shape.stroke ? { stroke: shape.stroke, lineWidth: shape.lineWidth ?? 1 } : {}),
      });
    } else {
      page.shapes.push({
        kind: 'line',
        x1: round(shape.x1),
        y1: round(top - shape.y1),
        x2: round(shape.x2),
        y2: round(top - shape.y2),
        color: shape.color,
        lineWidth: shape.lineWidth,
      });
    }
  }
  for (const text of slice.texts) {
    page.texts.push({
      font: text.font,
      size: text.size,
      color: text.color,
      x: round(text.x),
      y: round(top - text.baseline),
      text: text.text,
      width: text.width,
    });
  }
  for (const image of slice.images) {
    page.images.push({
      image: image.image,
      x: round(image.x),
      y: round(top - image.top - image.height),
      width: round(image.width),
      height: round(image.height),
    });
  }
  for (const link of slice.links) {
    page.links.push({
      x: round(link.x),
      y: round(top - link.top - link.height),
      width: round(link.width),
      height: round(link.height),
      target: link.target,
    });
  }
}

/** Positions are kept to a thousandth of a point: finer than any device, and shorter PDF numbers. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
