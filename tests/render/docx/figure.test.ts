import { renderDocx } from '../../../src/render/docx';
import type { Block } from '../../../src/render/ir/types';
import { readZipEntries, unzipText } from '../../helpers/zip';
import { logoAsset, logoPng } from '../support/logo';
import { SAMPLE_BLOCKS, sampleDocument } from './sample-document';

/** English Metric Units per point: DOCX drawing sizes are in EMU. */
const EMU_PER_POINT = 12700;

describe('renderDocx with a figure', () => {
  const logo: Block = { type: 'figure', image: logoAsset(), alt: 'IMT Mines Alès logo & seal', maxWidth: 226.77, maxHeight: 68.03 };

  it('embeds the image file unchanged as a picture, at the size the PDF uses, with its alt text', async () => {
    const { value, diagnostics } = await renderDocx(sampleDocument([logo, ...SAMPLE_BLOCKS]));
    expect(diagnostics).toEqual([]);
    const media = readZipEntries(value).filter((entry) => entry.name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(media[0].data.equals(Buffer.from(logoPng()))).toBe(true);

    const parts = unzipText(value);
    const documentXml = parts.get('word/document.xml') ?? '';
    // 68.03 pt tall, three times as wide: 204.09 × 68.03 pt, written as 272 × 91 CSS pixels.
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(documentXml);
    expect(extent && [Number(extent[1]), Number(extent[2])]).toEqual([272 * 9525, 91 * 9525]);
    expect(Math.abs(Number(extent![2]) / EMU_PER_POINT - 68.03)).toBeLessThan(0.5);
    expect(documentXml).toMatch(/<wp:docPr [^>]*descr="IMT Mines Alès logo &amp; seal"/);
    // The picture comes first, before the title paragraph.
    expect(documentXml.indexOf('<w:drawing>')).toBeLessThan(documentXml.indexOf('SDG 7: Affordable and Clean Energy'));
    expect(parts.get('[Content_Types].xml')).toContain('Extension="png"');
  });

  it('gives the same bytes twice', async () => {
    const first = await renderDocx(sampleDocument([logo, ...SAMPLE_BLOCKS]));
    const second = await renderDocx(sampleDocument([logo, ...SAMPLE_BLOCKS]));
    expect(Buffer.from(second.value).equals(Buffer.from(first.value))).toBe(true);
  });
});
