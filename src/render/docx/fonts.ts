import { readFileSync } from 'node:fs';
import { FONT_FACES, type FontFace, type FontMetrics } from '../pdf/font-metrics';
import { FACE_SOURCES, fontMetricsFromFiles } from '../pdf/fonts';

/**
 * Fonts of the DOCX output. DOCX files do not carry fonts; they name them and the reader's word processor
 * substitutes what it lacks. DejaVu Sans is named first because the PDF output is set in it (so the two look
 * alike wherever it is installed, as on most Linux desktops and with LibreOffice); Word on Windows and macOS,
 * which usually lacks it, is told through the font table to use Calibri instead, and Consolas for code.
 */
export const BODY_FONT = 'DejaVu Sans';
export const BODY_FONT_FALLBACK = 'Calibri';
export const CODE_FONT = 'DejaVu Sans Mono';
export const CODE_FONT_FALLBACK = 'Consolas';

/**
 * One font-table entry. Panose numbers, Unicode ranges and code pages are those of the OS/2 tables of
 * dejavu-fonts-ttf 2.37.3 (a test reads them back from the TTF files); Word uses them to pick the closest
 * installed font, and `altName` names the one to prefer.
 */
interface FontTableEntry {
  name: string;
  altName: string;
  panose: string;
  pitch: 'variable' | 'fixed';
  unicodeRanges: [string, string, string, string];
  codePages: [string, string];
}

export const FONT_TABLE: FontTableEntry[] = [
  {
    name: BODY_FONT,
    altName: BODY_FONT_FALLBACK,
    panose: '020B0603030804020204',
    pitch: 'variable',
    unicodeRanges: ['E7006EFF', 'D200FDFF', '0A246029', '0400200C'],
    codePages: ['600001FF', 'DFFF0000'],
  },
  {
    name: CODE_FONT,
    altName: CODE_FONT_FALLBACK,
    panose: '020B0609030804020204',
    pitch: 'fixed',
    unicodeRanges: ['E70026FF', 'D200F9FB', '02000028', '00000000'],
    codePages: ['600001DF', 'FFDF0000'],
  },
];

/** word/fontTable.xml naming both fonts and their substitutes (docx writes an empty table otherwise). */
export function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (font) =>
      `<w:font w:name="${font.name}"><w:altName w:val="${font.altName}"/><w:panose1 w:val="${font.panose}"/>` +
      `<w:charset w:val="00"/><w:family w:val="${font.pitch === 'fixed' ? 'modern' : 'swiss'}"/><w:pitch w:val="${font.pitch}"/>` +
      `<w:sig w:usb0="${font.unicodeRanges[0]}" w:usb1="${font.unicodeRanges[1]}" w:usb2="${font.unicodeRanges[2]}" ` +
      `w:usb3="${font.unicodeRanges[3]}" w:csb0="${font.codePages[0]}" w:csb1="${font.codePages[1]}"/></w:font>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts.join('') +
    '</w:fonts>'
  );
}

/** The TTF files of every face the document uses, named as the document names them. */
const FONT_FILES: { name: string; file: string }[] = [
  { name: BODY_FONT, file: 'DejaVuSans.ttf' },
  { name: BODY_FONT, file: 'DejaVuSans-Bold.ttf' },
  { name: BODY_FONT, file: 'DejaVuSans-Oblique.ttf' },
  { name: BODY_FONT, file: 'DejaVuSans-BoldOblique.ttf' },
  { name: CODE_FONT, file: 'DejaVuSansMono.ttf' },
  { name: CODE_FONT, file: 'DejaVuSansMono-Bold.ttf' },
  { name: CODE_FONT, file: 'DejaVuSansMono-Oblique.ttf' },
  { name: CODE_FONT, file: 'DejaVuSansMono-BoldOblique.ttf' },
];

let loadedFontFiles: { name: string; data: Uint8Array }[] | undefined;

/**
 * The font files, read once per process from the dejavu-fonts-ttf package (a runtime dependency, so they are
 * always there); used to measure text when estimating page numbers. About 4 MB.
 */
export function fontFilesForMeasuring(): { name: string; data: Uint8Array }[] {
  loadedFontFiles ??= FONT_FILES.map(({ name, file }) => ({
    name,
    data: readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)),
  }));
  return loadedFontFiles;
}

let layoutMetrics: FontMetrics | undefined;

/**
 * The PDF layout's metrics of the same files, for laying out a DOCX whose PDF is not built (pdf-page-numbers.ts).
 * Parsed from the bytes read above rather than loaded as the PDF writer loads them: a DOCX needs the files the
 * page-number estimate has always read, and no more.
 */
export function fontMetricsForLayout(): FontMetrics {
  if (!layoutMetrics) {
    const measured = fontFilesForMeasuring();
    const dataOf = (file: string) => measured[FONT_FILES.findIndex((entry) => entry.file === file)].data;
    const files = Object.fromEntries(FONT_FACES.map((face) => [face, dataOf(FACE_SOURCES[face].file)])) as Record<FontFace, Uint8Array>;
    layoutMetrics = fontMetricsFromFiles(files);
  }
  return layoutMetrics;
}
