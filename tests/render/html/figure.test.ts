import { renderHtml } from '../../../src/render/html';
import type { Block } from '../../../src/render/ir/types';
import { SAMPLE_BLOCKS, sampleDocument } from '../docx/sample-document';
import { logoAsset, logoPng } from '../support/logo';

describe('renderHtml with a figure', () => {
  const logo: Block = { type: 'figure', image: logoAsset(), alt: 'Logo of "Test" <University>', maxWidth: 226.77, maxHeight: 68.03 };
  const { value: html, diagnostics } = renderHtml(sampleDocument([logo, ...SAMPLE_BLOCKS]));

  it('writes the image into the page as a data: URI, with escaped alt text and its size', () => {
    expect(diagnostics).toEqual([]);
    const source = `data:image/png;base64,${Buffer.from(logoPng()).toString('base64')}`;
    expect(html).toContain(`<figure class="figure"><img src="${source}" alt="Logo of &quot;Test&quot; &lt;University&gt;" width="272" height="91"></figure>`);
  });

  it('still fetches nothing: the only source is the data: URI, which the page policy allows for images alone', () => {
    expect(html.match(/src="/g)).toHaveLength(1);
    expect(html).toContain("img-src data:");
    expect(html).toContain('.figure img { display: block; max-width: 100%; height: auto; }');
  });
});
