import type { Block } from '../../src/render/ir/types';
import { renderDocx } from '../../src/render/docx';
import { docxPageNumbers, PAGE_ESTIMATE_BLOCK_LIMIT } from '../../src/render/docx/page-number-policy';
import { sampleDocument, SAMPLE_BLOCKS, text } from '../render/docx/sample-document';
import { unzipText } from '../helpers/zip';

// Performance fix: laying out the pages of very long DOCX files to number their tables of contents made a
// 10,000-item build 2.5 times slower; beyond a size the numbers are left to the word processor, and the build says so.
describe('DOCX page numbers of very long documents', () => {
  it('estimates them for a document of ordinary length', () => {
    expect(docxPageNumbers(sampleDocument(), 'sdg-07', 7)).toEqual({ options: {}, diagnostics: [] });
  });

  it('leaves them to the word processor beyond the limit, with an info diagnostic', async () => {
    const filler: Block[] = Array.from({ length: PAGE_ESTIMATE_BLOCK_LIMIT }, (_, i) => ({ type: 'paragraph', children: [text(`Paragraph ${i + 1}.`)] }));
    const long = sampleDocument([...SAMPLE_BLOCKS, ...filler]);
    const { options, diagnostics } = docxPageNumbers(long, 'sdg-17', 17);
    expect(options).toEqual({ estimatePageNumbers: false, updateFieldsOnOpen: true });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'DOCX_PAGE_NUMBERS_DEFERRED', severity: 'info', sdg: 17, file: '' });
    expect(diagnostics[0].message).toContain('sdg-17.docx');

    const parts = unzipText(Buffer.from((await renderDocx(long, options)).value));
    expect(parts.get('word/settings.xml')).toContain('w:updateFields');
  });
});
