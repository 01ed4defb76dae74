import { Bookmark, type FileChild, HeadingLevel, PageBreak, Paragraph, TableOfContents, TextRun } from 'docx';
import type { Block, Heading, Paragraph as IrParagraph, Toc } from '../ir/types';
import type { DocxContext } from './context';
import { convertFigure } from './figures';
import { convertInlines } from './inlines';
import { convertList } from './lists';
import type { DocxPalette } from './palette';
import { STYLE } from './styles';
import { convertTable } from './tables';
import { documentText } from './xml-text';

const HEADING_LEVEL = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function convertHeading(heading: Heading, context: DocxContext): Paragraph {
  const runs = convertInlines(heading.children, context);
  const bookmark = context.bookmarkOf.get(heading);
  return new Paragraph({
    heading: HEADING_LEVEL[heading.level],
    children: bookmark === undefined ? runs : [new Bookmark({ id: bookmark, children: runs })],
  });
}

/**
 * Word puts no space below a table, so text straight after one would touch its bottom border; such a
 * paragraph gets space above it instead.
 */
const SPACE_AFTER_TABLE = { spacing: { before: 160 } };

function convertParagraph(paragraph: IrParagraph, context: DocxContext, afterTable: boolean): Paragraph {
  const children = convertInlines(paragraph.children, context);
  const spacing = afterTable ? SPACE_AFTER_TABLE : {};
  switch (paragraph.style ?? 'normal') {
    case 'title':
      return new Paragraph({ heading: HeadingLevel.TITLE, children });
    case 'subtitle':
      return new Paragraph({ style: STYLE.subtitle, children });
    case 'note':
      return new Paragraph({ style: STYLE.note, ...spacing, children });
    case 'small':
      return new Paragraph({ style: STYLE.small, ...spacing, children });
    case 'normal':
      return new Paragraph({ ...spacing, children });
  }
}

/**
 * The title as a paragraph of its own, then Word's TOC field. docx fills the field with one linked entry per
 * heading, so LibreOffice and Google Docs, which do not run the field, show the entries too.
 */
function convertToc(toc: Toc): FileChild[] {
  return [
    new Paragraph({ style: STYLE.tocHeading, children: [new TextRun(documentText(toc.title))] }),
    new TableOfContents(documentText(toc.title), { hyperlink: true, headingStyleRange: '1-3' }),
  ];
}

function convertBlock(block: Block, previous: Block | undefined, context: DocxContext, palette: DocxPalette): FileChild[] {
  const afterTable = previous?.type === 'table';
  switch (block.type) {
    case 'heading':
      return [convertHeading(block, context)];
    case 'paragraph':
      return [convertParagraph(block, context, afterTable)];
    case 'list':
      return convertList(block, context, afterTable);
    case 'table': {
      const table = convertTable(block, context, palette);
      return table === undefined ? [] : [table];
    }
    case 'pagebreak':
      // No spacing, so the paragraph mark that follows the break takes as little room as possible on the next page.
      return [new Paragraph({ spacing: { before: 0, after: 0 }, children: [new PageBreak()] })];
    case 'toc':
      return convertToc(block);
    case 'figure':
      return [convertFigure(block)];
  }
}

export function convertBlocks(blocks: Block[], context: DocxContext, palette: DocxPalette): FileChild[] {
  return blocks.flatMap((block, index) => convertBlock(block, blocks[index - 1], context, palette));
}
