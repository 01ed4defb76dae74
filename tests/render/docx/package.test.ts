import { crc32 } from '../../../src/render/shared/crc32';
import { rewritePackage } from '../../../src/render/docx/package-rewrite';
import { normaliseGeneratedIds } from '../../../src/render/docx/reproducible-ids';
import { readZip } from '../../../src/render/docx/zip-reader';
import { writeZip } from '../../../src/render/docx/zip-writer';
import { readZipEntries } from '../../helpers/zip';

const encode = (text: string) => new TextEncoder().encode(text);
const BUILD_DATE = new Date('2022-03-15T09:30:00Z');

describe('zip writer and reader', () => {
  test('crc32 matches the IEEE check value', () => {
    expect(crc32(encode('123456789')).toString(16)).toBe('cbf43926');
  });

  test('a written package reads back with an independent reader, names in UTF-8, with the given timestamp', () => {
    const entries = [
      { name: '[Content_Types].xml', data: encode('<Types/>') },
      { name: 'word/document.xml', data: encode('<w:document>Łódź '.repeat(200) + '</w:document>') },
      { name: 'dossier/été.xml', data: new Uint8Array(0) },
    ];
    const zip = writeZip(entries, BUILD_DATE);
    const read = readZipEntries(zip);
    expect(read.map((entry) => entry.name)).toEqual(entries.map((entry) => entry.name));
    read.forEach((entry, index) => expect(new Uint8Array(entry.data)).toEqual(entries[index].data));
    expect(read.every((entry) => entry.dosDate === read[0].dosDate && entry.dosTime === read[0].dosTime)).toBe(true);
    expect(readZip(zip)).toEqual(entries.map((entry) => ({ name: entry.name, data: expect.any(Uint8Array) })));
  });

  test('the same entries and date give the same bytes', () => {
    const entries = [{ name: 'a.xml', data: encode('<a/>') }];
    expect(Buffer.from(writeZip(entries, BUILD_DATE)).equals(Buffer.from(writeZip(entries, BUILD_DATE)))).toBe(true);
    expect(Buffer.from(writeZip(entries, BUILD_DATE)).equals(Buffer.from(writeZip(entries, new Date('2023-01-01T00:00:00Z'))))).toBe(false);
  });

  test('the reader refuses damaged data', () => {
    const zip = writeZip([{ name: 'a.xml', data: encode('<a>hello hello hello</a>') }], BUILD_DATE);
    const damaged = new Uint8Array(zip);
    // The CRC field of the only central-directory record (46 bytes plus the 5-byte name, before the 22-byte end record).
    damaged[zip.length - 22 - (46 + 5) + 16] ^= 0xff;
    expect(() => readZip(damaged)).toThrow(/damaged/);
    expect(() => readZip(encode('not a zip at all, just text'))).toThrow(/end of central directory/);
  });
});

describe('rewritePackage', () => {
  test('puts content types and package relationships first and lets the edit change XML parts', () => {
    const original = writeZip(
      [
        { name: 'word/document.xml', data: encode('<doc>old</doc>') },
        { name: '_rels/.rels', data: encode('<Relationships/>') },
        { name: 'word/media/image1.png', data: new Uint8Array([137, 80, 78, 71]) },
        { name: '[Content_Types].xml', data: encode('<Types/>') },
      ],
      new Date('2030-01-01T00:00:00Z'),
    );
    const rewritten = rewritePackage(original, BUILD_DATE, (parts) => parts.set('word/document.xml', '<doc>new</doc>'));
    const entries = readZipEntries(rewritten);
    expect(entries.map((entry) => entry.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/media/image1.png']);
    expect(entries[2].data.toString()).toBe('<doc>new</doc>');
    expect([...entries[3].data]).toEqual([137, 80, 78, 71]);
    expect(entries[0].dosDate).toBe(((2022 - 1980) << 9) | (3 << 5) | 15);
  });
});

describe('normaliseGeneratedIds', () => {
  test('renames random relationship ids to the next free rIdN in the rels part and its owner', () => {
    const parts = new Map([
      [
        'word/_rels/document.xml.rels',
        '<Relationships><Relationship Id="rId1" Target="styles.xml"/><Relationship Id="rIdk2x_9q-a" Target="https://a.example/" TargetMode="External"/>' +
          '<Relationship Id="rId7" Target="footer1.xml"/><Relationship Id="rIdzz81" Target="https://b.example/" TargetMode="External"/></Relationships>',
      ],
      ['word/document.xml', '<w:hyperlink r:id="rIdk2x_9q-a"><w:t>rIdk2x_9q-a stays as text</w:t></w:hyperlink><w:hyperlink r:id="rIdzz81"/>'],
    ]);
    normaliseGeneratedIds(parts);
    expect(parts.get('word/_rels/document.xml.rels')).toContain('<Relationship Id="rId8" Target="https://a.example/"');
    expect(parts.get('word/_rels/document.xml.rels')).toContain('<Relationship Id="rId9" Target="https://b.example/"');
    expect(parts.get('word/document.xml')).toBe('<w:hyperlink r:id="rId8"><w:t>rIdk2x_9q-a stays as text</w:t></w:hyperlink><w:hyperlink r:id="rId9"/>');
  });

  test('renumbers bookmarks from 1 in document order, with their _Toc names, anchors and PAGEREF fields', () => {
    const documentXml =
      '<w:hyperlink w:anchor="_Toc41"><w:instrText xml:space="preserve">PAGEREF _Toc41 \\h</w:instrText></w:hyperlink>' +
      '<w:bookmarkStart w:name="_Toc41" w:id="41"/><w:bookmarkStart w:name="metric_7_2_1" w:id="40"/><w:t>_Toc41 in text</w:t>' +
      '<w:bookmarkEnd w:id="40"/><w:bookmarkEnd w:id="41"/>';
    const parts = new Map([['word/document.xml', documentXml]]);
    normaliseGeneratedIds(parts);
    expect(parts.get('word/document.xml')).toBe(
      '<w:hyperlink w:anchor="_Toc1"><w:instrText xml:space="preserve">PAGEREF _Toc1 \\h</w:instrText></w:hyperlink>' +
        '<w:bookmarkStart w:name="_Toc1" w:id="1"/><w:bookmarkStart w:name="metric_7_2_1" w:id="2"/><w:t>_Toc41 in text</w:t>' +
        '<w:bookmarkEnd w:id="2"/><w:bookmarkEnd w:id="1"/>',
    );
  });
});
