import { estimatePageNumbersWith } from 'docx/layout';
import { fontFilesForMeasuring } from '../../src/render/docx/fonts';
import { sampleDocument } from '../render/docx/sample-document';
import { unzipText } from '../helpers/zip';

// Performance fix: the DOCX page-number estimator is used without docx's `listNumbers`, which read the whole
// body once more per document to number the table-of-contents entries of numbered headings. Ours never are;
// these tests fail if dropping it ever changes a document.
describe('DOCX page numbers without list numbers', () => {
  it('uses an estimator without listNumbers', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { dejaVuPageNumbers } = require('../../src/render/docx/page-numbers') as typeof import('../../src/render/docx/page-numbers');
      expect(dejaVuPageNumbers().listNumbers).toBeUndefined();
    });
  });

  it('writes the same document as the estimator with them, table of contents and numbered lists included', async () => {
    const render = async (withListNumbers: boolean) => {
      let bytes: Uint8Array | undefined;
      await jest.isolateModulesAsync(async () => {
        if (withListNumbers) {
          jest.doMock('../../src/render/docx/page-numbers', () => {
            const full = estimatePageNumbersWith({ fonts: fontFilesForMeasuring() });
            return { dejaVuPageNumbers: () => full };
          });
        }
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { renderDocx } = require('../../src/render/docx') as typeof import('../../src/render/docx');
        bytes = (await renderDocx(sampleDocument())).value;
      });
      return unzipText(Buffer.from(bytes!));
    };
    const without = await render(false);
    const withNumbers = await render(true);
    const document = without.get('word/document.xml') ?? '';
    expect(document).toContain('Contents');
    expect(document).toContain('w:numPr');
    expect(withNumbers.get('word/document.xml')).toBe(document);
    expect([...withNumbers.keys()].sort()).toEqual([...without.keys()].sort());
  });
});
