import { buildDocumentMeta } from '../../../src/render/templates/document-meta';
import { sdg7View } from './fixtures/sdg7-view';

describe('buildDocumentMeta', () => {
  it('takes the date at midnight UTC of the build date, whatever the time zone', () => {
    expect(buildDocumentMeta(sdg7View()).date.toISOString()).toBe('2021-11-01T00:00:00.000Z');
  });

  it('writes the accent colour in lower case', () => {
    expect(buildDocumentMeta(sdg7View()).accent).toBe('#fcc30b');
  });

  it.each([['2021-02-30'], ['01/11/2021'], ['']])('treats a build date of %p as a bug in the view builder', (buildDate) => {
    expect(() => buildDocumentMeta({ ...sdg7View(), buildDate })).toThrow('SdgDocumentView.buildDate must be a YYYY-MM-DD date');
  });

  it('treats a colour that is not #rrggbb as a bug in the view builder', () => {
    const view = sdg7View();
    view.sdg.colour = 'gold';
    expect(() => buildDocumentMeta(view)).toThrow('SdgDocumentView.sdg.colour must be #rrggbb');
  });
});
