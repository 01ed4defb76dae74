import { renderToIr } from '../../../src/render/templates/render';
import type { SdgDocumentView } from '../../../src/render/view';
import { logoAsset } from '../support/logo';
import { tempDir } from '../../helpers/temp-pack';
import { outline } from './fixtures/ir-text';
import { sdg7View } from './fixtures/sdg7-view';

const logo = logoAsset();
const images = new Map([['logo', logo]]);

function withLogo(view: SdgDocumentView): SdgDocumentView {
  return { ...view, institution: { ...view.institution, logo: { src: 'logo', alt: 'IMT Mines Alès logo' } } };
}

describe('the default cover', () => {
  it('opens with the logo when the pack has one, at most 80 × 24 mm, before the institution', () => {
    const result = renderToIr(withLogo(sdg7View()), {}, images);
    expect(result.diagnostics).toEqual([]);
    const [first, second] = result.value!.blocks;
    expect(first).toEqual({ type: 'figure', image: logo, alt: 'IMT Mines Alès logo', maxWidth: 226.772, maxHeight: 68.031 });
    expect(outline([second])).toEqual(['p.title IMT Mines Alès']);
  });

  it('has no figure when the pack has no logo', () => {
    const result = renderToIr(sdg7View(), {}, images);
    expect(result.diagnostics).toEqual([]);
    expect(result.value!.blocks.some((block) => block.type === 'figure')).toBe(false);
  });

  it('lets a pack cover show the logo its own way, and names the template when it asks for an image that is not there', () => {
    const pack = tempDir({
      'templates/partials/cover.hbs': '<p class="title">{{institution.name}}</p>\n<figure src="seal" alt="Seal"/>\n',
    });
    try {
      const result = renderToIr(withLogo(sdg7View()), { packTemplatesDir: 'templates', packRoot: pack.root }, images);
      expect(result.value).toBeUndefined();
      expect(result.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['TEMPLATE_MARKUP', 'templates/partials/cover.hbs', 2, 14]]);
    } finally {
      pack.cleanup();
    }
  });
});
