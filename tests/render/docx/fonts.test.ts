import { readFileSync } from 'node:fs';
import { FONT_TABLE, fontTableXml } from '../../../src/render/docx/fonts';

/** Reads panose, Unicode ranges and code pages from a TrueType file's OS/2 table. */
function os2Signature(file: string) {
  const font = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
  const tables = font.readUInt16BE(4);
  for (let index = 0; index < tables; index++) {
    const record = 12 + 16 * index;
    if (font.toString('latin1', record, record + 4) !== 'OS/2') continue;
    const os2 = font.readUInt32BE(record + 8);
    const hex = (offset: number) => font.readUInt32BE(os2 + offset).toString(16).toUpperCase().padStart(8, '0');
    return {
      panose: font.subarray(os2 + 32, os2 + 42).toString('hex').toUpperCase(),
      unicodeRanges: [hex(42), hex(46), hex(50), hex(54)],
      codePages: [hex(78), hex(82)],
    };
  }
  throw new Error(`${file} has no OS/2 table`);
}

describe('the DOCX font table', () => {
  test.each([
    ['DejaVu Sans', 'DejaVuSans.ttf'],
    ['DejaVu Sans Mono', 'DejaVuSansMono.ttf'],
  ])('describes %s as its TTF file does', (name, file) => {
    const entry = FONT_TABLE.find((font) => font.name === name)!;
    expect({ panose: entry.panose, unicodeRanges: entry.unicodeRanges, codePages: entry.codePages }).toEqual(os2Signature(file));
  });

  test('is one well-formed fonts part naming both fonts and their substitutes', () => {
    const xml = fontTableXml();
    expect(xml.match(/<w:font /g)).toHaveLength(2);
    expect(xml).toContain('<w:altName w:val="Calibri"/>');
    expect(xml).toContain('<w:altName w:val="Consolas"/>');
    expect(xml.endsWith('</w:fonts>')).toBe(true);
  });
});
