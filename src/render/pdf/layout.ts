/**
 * The PDF layout engine: a pure function from the document IR and font metrics to positioned
 * pages. No pdf-lib, no file system: the same inputs always give the same pages, and tests can
 * check line breaks and page breaks without producing a PDF.
 *
 * Pipeline: blocks → slices (block builders) → pages (paginate) → header/footer (page furniture)
 * → internal links resolved to page + y → outline. A table of contents needs the headings' page
 * numbers, known only after paginating: its entries are built again with the numbers and the
 * document paginated again. Only the contents change between passes, and their number column
 * has a fixed width, so the second pass paginates exactly like the first; a third is a safety net.
 *
 * Besides the IR's blocks, the layout takes blocks only the PDF has, appended at the end: the note on
 * attached files and the appendix of merged PDFs, whose pages the writer copies into the slots the
 * layout reserves for them (see pdf-blocks.ts).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { planAnchors } from '../shared/anchors';
import type { DocumentIR, Heading, Toc } from '../ir/types';
import type { BlockContext } from './block-context';
import type { FlowItem, Slice } from './flow-types';
import type { FontMetrics } from './font-metrics';
import { MissingGlyphTally } from './glyph-coverage';
import { figureSlice } from './figure-slices';
import { headingSlices } from './heading-slices';
import { keepContentWithHeadings } from './keep-with-heading';
import { plainText } from './inline-words';
import {
  A4,
  type LaidOutDocument,
  type LaidOutPage,
  type LinkArea,
  type OutlineEntry,
  type PageSpec,
} from './layout-types';
import { resolveHref } from './link-policy';
import { listSlices } from './list-slices';
import { addPageFurniture } from './page-furniture';
import { paginate, type AnchorPosition, type DraftPage, type Pagination } from './paginate';
import { paragraphSlices } from './paragraph-slices';
import type { PdfBlock } from './pdf-blocks';
import { accentInvalid, anchorDuplicated } from './pdf-diagnostics';
import { tableSlices } from './table-slices';
import { tocSlices, type TocEntry } from './toc-slices';
import { themeFor, type Theme } from './typography';

const MAX_PASSES = 3;

interface HeadingInfo {
  blockIndex: number;
  anchor: string;
  level: Heading['level'];
  title: string;
}

interface Pass {
  pagination: Pagination;
  /** Missing glyphs of this pass's table of contents. */
  tocMissing: MissingGlyphTally;
}

/** One diagnostic per distinct unusable href, however often it occurs. */
type LinkProblems = Map<string, Diagnostic>;

/**
 * A block laid out once for all passes, a table of contents waiting for its page numbers, or pages
 * of another PDF.
 */
type PreparedBlock =
  | { kind: 'slices'; slices: Slice[] }
  | { kind: 'pagebreak' }
  | { kind: 'toc'; toc: Toc }
  | { kind: 'foreign'; document: number; pageCount: number };

/**
 * @param pdfOnly blocks appended after the IR's, which only the PDF has (pdf-blocks.ts); headings among them
 *   appear in the contents and bookmarks like any other.
 */
export function layoutDocument(ir: DocumentIR, metrics: FontMetrics, page: PageSpec = A4, pdfOnly: readonly PdfBlock[] = []): LaidOutDocument {
  const diagnostics: Diagnostic[] = [];
  const { theme, accentValid } = themeFor(ir.meta.accent);
  if (!accentValid) diagnostics.push(accentInvalid(ir.meta.accent));

  const blocks: PdfBlock[] = [...ir.blocks, ...pdfOnly];
  const headings = collectHeadings(blocks);
  // The same id plan as the HTML and DOCX writers: the first heading claiming an id keeps it.
  // Only the IR's headings can carry ids: internal links come from the templates.
  const anchorPlan = planAnchors(ir.blocks);
  const anchorById = new Map<string, string>();
  for (const heading of headings) {
    const id = anchorPlan.idOf.get(blocks[heading.blockIndex] as Heading);
    if (id !== undefined) anchorById.set(id, heading.anchor);
  }
  for (const id of anchorPlan.duplicates) diagnostics.push(anchorDuplicated(id));
  const tocEntries: TocEntry[] = headings
    .filter((heading): heading is HeadingInfo & { level: 1 | 2 } => heading.level <= 2)
    .map(({ anchor, level, title }) => ({ anchor, level, title }));

  const missing = new MissingGlyphTally();
  const linkProblems: LinkProblems = new Map();
  const context = blockContext(metrics, theme, page, anchorById, missing, linkProblems);
  const prepared = blocks.map((block, blockIndex) => prepareBlock(block, blockIndex, context));
  keepContentWithHeadings(
    prepared.map((block, blockIndex) => (block.kind === 'slices' ? { heading: blocks[blockIndex].type === 'heading', slices: block.slices } : undefined)),
  );

  // Each pass counts the contents' missing glyphs afresh, so only the final pass's are kept.
  const paginateWith = (pageNumbers: ReadonlyMap<string, number>): Pass => {
    const tocMissing = new MissingGlyphTally();
    const tocContext = blockContext(metrics, theme, page, anchorById, tocMissing, linkProblems);
    const flow: FlowItem[] = [];
    for (const block of prepared) {
      if (block.kind === 'pagebreak') {
        flow.push({ kind: 'pagebreak' });
        continue;
      }
      if (block.kind === 'foreign') {
        flow.push({ kind: 'foreign', document: block.document, pageCount: block.pageCount });
        continue;
      }
      const slices = block.kind === 'toc' ? tocSlices(block.toc, tocEntries, pageNumbers, tocContext) : block.slices;
      for (const slice of slices) flow.push({ kind: 'slice', slice });
    }
    return { pagination: paginate(flow, page), tocMissing };
  };

  let pageNumbers = new Map<string, number>();
  let pass = paginateWith(pageNumbers);
  const hasToc = prepared.some((block) => block.kind === 'toc');
  for (let run = 1; hasToc && run < MAX_PASSES; run++) {
    const found = pageNumbersOf(pass.pagination.anchors);
    if (sameNumbers(found, pageNumbers)) break;
    pageNumbers = found;
    pass = paginateWith(pageNumbers);
  }
  const { pages, anchors } = pass.pagination;
  missing.addAll(pass.tocMissing);
  addPageFurniture(pages, ir.meta.header, page, context, ir.meta.marking);

  diagnostics.push(...linkProblems.values());
  diagnostics.push(...missing.toDiagnostics(metrics));

  return {
    meta: ir.meta,
    page,
    pages: pages.map((draft) => resolveLinks(draft, anchors)),
    outline: buildOutline(headings, anchors),
    diagnostics,
  };
}

function blockContext(
  metrics: FontMetrics,
  theme: Theme,
  page: PageSpec,
  anchorById: ReadonlyMap<string, string>,
  missing: MissingGlyphTally,
  linkProblems: LinkProblems,
): BlockContext {
  return {
    metrics,
    theme,
    left: page.marginLeft,
    width: page.width - page.marginLeft - page.marginRight,
    maxSliceHeight: page.height - page.marginTop - page.marginBottom,
    inline: {
      metrics,
      missing,
      linkColour: theme.link,
      resolveLink(href) {
        const resolution = resolveHref(href, anchorById);
        if ('target' in resolution) return resolution.target;
        if (!linkProblems.has(href)) linkProblems.set(href, resolution.problem);
        return undefined;
      },
    },
  };
}

function prepareBlock(block: PdfBlock, blockIndex: number, context: BlockContext): PreparedBlock {
  switch (block.type) {
    case 'pagebreak':
      return { kind: 'pagebreak' };
    case 'toc':
      return { kind: 'toc', toc: block };
    case 'foreign-pages':
      return { kind: 'foreign', document: block.document, pageCount: block.pageCount };
    case 'figure':
      return { kind: 'slices', slices: [figureSlice(block, context)] };
    case 'heading':
      return { kind: 'slices', slices: headingSlices(block, anchorOf(blockIndex), context) };
    case 'paragraph':
      return { kind: 'slices', slices: paragraphSlices(block, context) };
    case 'list':
      return { kind: 'slices', slices: listSlices(block, context) };
    case 'table':
      return { kind: 'slices', slices: tableSlices(block, context) };
  }
}

/** Internal anchors are derived from block positions, so headings without an id get one too. */
function anchorOf(blockIndex: number): string {
  return `heading-${blockIndex}`;
}

function collectHeadings(blocks: readonly PdfBlock[]): HeadingInfo[] {
  const headings: HeadingInfo[] = [];
  blocks.forEach((block, blockIndex) => {
    if (block.type === 'heading') {
      headings.push({ blockIndex, anchor: anchorOf(blockIndex), level: block.level, title: plainText(block.children) });
    }
  });
  return headings;
}

function pageNumbersOf(anchors: ReadonlyMap<string, AnchorPosition>): Map<string, number> {
  return new Map([...anchors].map(([anchor, position]) => [anchor, position.pageIndex + 1]));
}

function sameNumbers(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([anchor, number]) => b.get(anchor) === number);
}

function resolveLinks(draft: DraftPage, anchors: ReadonlyMap<string, AnchorPosition>): LaidOutPage {
  const links: LinkArea[] = [];
  for (const { target, ...area } of draft.links) {
    if (target.kind === 'uri') {
      links.push({ ...area, target });
      continue;
    }
    const position = anchors.get(target.anchor);
    // Every anchor a link can name belongs to a heading that was placed; this is only defensive.
    if (position) links.push({ ...area, target: { kind: 'internal', anchor: target.anchor, ...position } });
  }
  return {
    texts: draft.texts,
    shapes: draft.shapes,
    links,
    images: draft.images,
    ...(draft.foreign ? { foreign: draft.foreign } : {}),
  };
}

/**
 * Every heading as a bookmark, nested under the nearest earlier heading of a higher level: level-1
 * groups at the top, their metrics (level 2) under them, the metrics' evidence items (level 3) under
 * those. A heading with no higher-level heading before it stays at the top.
 */
function buildOutline(headings: HeadingInfo[], anchors: ReadonlyMap<string, AnchorPosition>): OutlineEntry[] {
  const outline: OutlineEntry[] = [];
  const open: OutlineEntry[] = [];
  for (const heading of headings) {
    const position = anchors.get(heading.anchor);
    if (!position) continue;
    const entry: OutlineEntry = { title: heading.title, level: heading.level, ...position, children: [] };
    while (open.length > 0 && open[open.length - 1].level >= entry.level) open.pop();
    (open.length > 0 ? open[open.length - 1].children : outline).push(entry);
    open.push(entry);
  }
  return outline;
}
