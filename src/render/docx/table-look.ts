/**
 * docx writes a table's look (which of the table style's conditional formats apply) only as the separate
 * attributes Word 2010 introduced (w:firstRow="false" …). LibreOffice reads the older hexadecimal w:val
 * instead and, without it, formats the first row of every table as a header row, so the cover and the facts
 * tables, which have no header, came out with a bold, shaded first row. Word writes both; so does this.
 */

/** Bits of w:val (ECMA-376 Part 1, 17.4.56 / 2006 edition). */
const LOOK_BITS: readonly [string, number][] = [
  ['firstRow', 0x0020],
  ['lastRow', 0x0040],
  ['firstColumn', 0x0080],
  ['lastColumn', 0x0100],
  ['noHBand', 0x0200],
  ['noVBand', 0x0400],
];

/** Adds w:val to every w:tblLook of a part that lacks one, computed from its named attributes. */
export function addTableLookValues(xml: string): string {
  return xml.replace(/<w:tblLook\b([^>]*?)\/>/g, (whole, attributes: string) => {
    if (/\bw:val="/.test(attributes)) return whole;
    const value = LOOK_BITS.reduce((bits, [name, bit]) => (new RegExp(`\\bw:${name}="(?:true|1|on)"`).test(attributes) ? bits | bit : bits), 0);
    return `<w:tblLook w:val="${value.toString(16).toUpperCase().padStart(4, '0')}"${attributes}/>`;
  });
}
