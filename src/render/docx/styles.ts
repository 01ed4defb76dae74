import { BorderStyle, type IParagraphStyleOptions, type IStylesOptions, LineRuleType } from 'docx';
import { BODY_FONT, CODE_FONT } from './fonts';
import type { DocxPalette } from './palette';

/** Style ids the block writers refer to; Title, Heading1–3 and Hyperlink are docx's built-in ones. */
export const STYLE = {
  subtitle: 'Subtitle',
  note: 'Note',
  small: 'Small',
  tocHeading: 'TOCHeading',
  header: 'Header',
  footer: 'Footer',
  code: 'Code',
  hyperlink: 'Hyperlink',
  table: 'EvidenceTable',
} as const;

/** Sizes are in half-points, as WordprocessingML counts them. */
const BODY_SIZE = 21;

const fontFamily = (name: string) => ({ ascii: name, hAnsi: name, cs: name, eastAsia: name });

/**
 * The table style Word lists under Table Design: thin grid, roomy cells, a shaded bold header row with an
 * accent rule. docx has no API for table styles, and its `importedStyles` option replaces docx's own default
 * styles instead of adding to them, so the style is written as XML and appended to word/styles.xml after
 * packing (see appendStyle). The header look is also applied directly to the header cells (tables.ts), as
 * LibreOffice and Google Docs apply table styles only in part.
 */
export function tableStyleXml(palette: DocxPalette): string {
  const line = (side: string, size: number, colour: string) => `<w:${side} w:val="single" w:sz="${size}" w:space="0" w:color="${colour}"/>`;
  const grid = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => line(side, 4, palette.rule)).join('');
  return (
    `<w:style w:type="table" w:styleId="${STYLE.table}">` +
    '<w:name w:val="Evidence Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>' +
    '<w:pPr><w:spacing w:before="0" w:after="0" w:line="252" w:lineRule="auto"/></w:pPr>' +
    '<w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>' +
    `<w:tblPr><w:tblBorders>${grid}</w:tblBorders>` +
    '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>' +
    `<w:tcPr><w:tcBorders>${line('bottom', 12, palette.accent)}</w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="${palette.accentTint}"/></w:tcPr>` +
    '</w:tblStylePr></w:style>'
  );
}

function paragraphStyles(palette: DocxPalette): IParagraphStyleOptions[] {
  return [
    {
      id: STYLE.subtitle,
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: 28, color: palette.muted },
      paragraph: { spacing: { after: 360 } },
    },
    {
      // A call-out such as "nothing submitted for this metric": shaded, with the accent as a bar on the left.
      id: STYLE.note,
      name: 'Note',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      paragraph: {
        shading: { type: 'clear', color: 'auto', fill: palette.accentTint },
        border: { left: { style: BorderStyle.SINGLE, size: 36, color: palette.accent, space: 6 } },
        indent: { left: 170, right: 113 },
        spacing: { before: 120, after: 180 },
      },
    },
    {
      id: STYLE.small,
      name: 'Small',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: 17, color: palette.muted },
    },
    {
      // Title above the table of contents; deliberately not a heading style, so it does not list itself.
      id: STYLE.tocHeading,
      name: 'TOC Heading',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 28, bold: true, color: palette.accentText },
      paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
    },
    {
      id: STYLE.header,
      name: 'header',
      basedOn: 'Normal',
      run: { size: 17, color: palette.muted },
      paragraph: {
        spacing: { after: 0 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: palette.accent, space: 4 } },
      },
    },
    {
      id: STYLE.footer,
      name: 'footer',
      basedOn: 'Normal',
      run: { size: 17, color: palette.muted },
      paragraph: { spacing: { after: 0 }, alignment: 'center' },
    },
  ];
}

/**
 * The document's styles: DejaVu Sans 10.5 pt body in the document language, built-in Title and Heading 1–3
 * (so Word's table of contents, navigation pane and PDF export see the headings) in the readable shade of the
 * accent, and the custom styles the writer uses. Headings carry outline levels for LibreOffice, which builds its
 * navigator and PDF bookmarks from them.
 */
export function documentStyles(palette: DocxPalette, language: string): IStylesOptions {
  const heading = (size: number, outlineLevel: number, before: number, ruled = false) => ({
    run: { size, bold: true, color: palette.accentText },
    paragraph: {
      spacing: { before, after: 120 },
      keepNext: true,
      keepLines: true,
      outlineLevel,
      // Level-1 headings open a metric section; a rule in the SDG colour marks the start.
      ...(ruled ? { border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: palette.accent, space: 4 } } } : {}),
    },
  });
  return {
    default: {
      document: {
        run: { font: fontFamily(BODY_FONT), size: BODY_SIZE, language: { value: language } },
        // lineRule is spelled out: LibreOffice reads a bare w:line as an exact height, and wrapped titles overlap.
        paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
      },
      title: {
        run: { size: 52, bold: true, color: palette.accentText },
        paragraph: { spacing: { before: 480, after: 120 } },
      },
      heading1: heading(32, 0, 480, true),
      heading2: heading(26, 1, 360),
      heading3: heading(22, 2, 240),
      hyperlink: { run: { color: palette.link, underline: { type: 'single' } } },
    },
    paragraphStyles: paragraphStyles(palette),
    characterStyles: [
      {
        id: STYLE.code,
        name: 'Code',
        basedOn: 'DefaultParagraphFont',
        quickFormat: true,
        run: { font: fontFamily(CODE_FONT), size: 19 },
      },
    ],
  };
}

/** Adds a style definition at the end of a styles part, where the schema wants styles (after docDefaults). */
export function appendStyle(stylesXml: string, styleXml: string): string {
  const end = stylesXml.lastIndexOf('</w:styles>');
  if (end < 0) throw new Error('styles part without </w:styles>');
  return stylesXml.slice(0, end) + styleXml + stylesXml.slice(end);
}
