import { renderDocx } from '../../../src/render/docx';
import { addTableLookValues } from '../../../src/render/docx/table-look';
import { unzipText } from '../../helpers/zip';
import { sampleDocument } from './sample-document';

describe('table looks LibreOffice reads', () => {
  it('adds the hexadecimal w:val to each w:tblLook, from its named attributes', () => {
    const without = '<w:tblLook w:firstRow="false" w:lastRow="false" w:firstColumn="false" w:lastColumn="false" w:noHBand="true" w:noVBand="true"/>';
    const withHeader = '<w:tblLook w:firstRow="true" w:lastRow="false" w:firstColumn="false" w:lastColumn="false" w:noHBand="true" w:noVBand="true"/>';
    expect(addTableLookValues(without)).toBe(without.replace('<w:tblLook ', '<w:tblLook w:val="0600" '));
    expect(addTableLookValues(withHeader)).toBe(withHeader.replace('<w:tblLook ', '<w:tblLook w:val="0620" '));
    expect(addTableLookValues('<w:tblLook w:val="04A0" w:firstRow="1"/>')).toBe('<w:tblLook w:val="04A0" w:firstRow="1"/>');
  });

  it('is written for every table of a document: no header row unless the table has one', async () => {
    const documentXml = unzipText((await renderDocx(sampleDocument())).value).get('word/document.xml') ?? '';
    const looks = [...documentXml.matchAll(/<w:tblLook w:val="([0-9A-F]{4})"/g)].map((match) => match[1]);
    expect(looks).toEqual(['0620']);
    expect(documentXml).not.toMatch(/<w:tblLook (?!w:val)/);
  });
});

describe('the cover page of the DOCX', () => {
  it('has a first-page header of its own, empty, and the page-number footer', async () => {
    const parts = unzipText((await renderDocx(sampleDocument())).value);
    const documentXml = parts.get('word/document.xml') ?? '';
    expect(documentXml).toContain('<w:titlePg/>');
    const rels = parts.get('word/_rels/document.xml.rels') ?? '';
    const target = (type: 'header' | 'footer', kind: 'first' | 'default') => {
      const id = new RegExp(`<w:${type}Reference w:type="${kind}" r:id="([^"]+)"`).exec(documentXml)?.[1];
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
    };
    const text = (part: string | undefined) => [...(parts.get(`word/${part}`) ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text(target('header', 'first'))).toBe('');
    expect(text(target('header', 'default'))).toBe('IMT Mines Alès · SDG 7');
    expect(text(target('footer', 'first'))).toContain('Page ');
  });
});
