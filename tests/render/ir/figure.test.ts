import { parseDocumentMarkup } from '../../../src/render/ir/parse';
import type { DocumentMeta, Figure } from '../../../src/render/ir/types';
import { logoAsset } from '../support/logo';

const meta: DocumentMeta = {
  title: 'SDG 7',
  author: 'IMT Mines Alès',
  subject: 'Evidence',
  keywords: [],
  language: 'en',
  date: new Date('2021-11-01T00:00:00Z'),
  header: 'IMT Mines Alès · SDG 7',
  accent: '#fcc30b',
};
const logo = logoAsset();
const images = new Map([['logo', logo]]);

const parse = (markup: string, available = images) =>
  parseDocumentMarkup(markup, meta, { file: 'templates/partials/cover.hbs' }, available);

/** Code, severity, line:column and message of each diagnostic. */
const problems = (markup: string, available = images) =>
  parse(markup, available).diagnostics.map((d) => `${d.code} ${d.severity} ${d.line}:${d.column} ${d.message}`);

describe('<figure>', () => {
  it('becomes a figure block holding the image the build loaded, with its alt text and sizes in points', () => {
    const result = parse('<figure src="logo" alt="IMT Mines  Alès logo" width="80mm" height="1in"/>\n<p>Cover</p>');
    expect(result.diagnostics).toEqual([]);
    const [figure] = result.value!.blocks as Figure[];
    expect(figure).toEqual({ type: 'figure', image: logo, alt: 'IMT Mines Alès logo', maxWidth: 226.772, maxHeight: 72 });
    expect(figure.image).toBe(logo);
  });

  it('accepts sizes in mm, cm, in and pt, and leaves out the ones not given', () => {
    const sizes = ['width="2.54cm"', 'height="72pt"', ''].map((attribute) => {
      const [figure] = parse(`<figure src="logo" alt="Logo" ${attribute}/>`).value!.blocks as Figure[];
      return [figure.maxWidth, figure.maxHeight];
    });
    expect(sizes).toEqual([
      [72, undefined],
      [undefined, 72],
      [undefined, undefined],
    ]);
  });

  it('is an error with the position of src when src names no image, suggesting a guard', () => {
    const result = parse('<p>Cover</p>\n<figure src="seal" alt="Seal"/>');
    expect(result.value).toBeUndefined();
    expect(problems('<p>Cover</p>\n<figure src="seal" alt="Seal"/>')).toEqual([
      'TEMPLATE_MARKUP error 2:14 <figure src="seal"> names no image of this build (rendered markup near "seal" alt="Seal"/>")',
    ]);
    expect(result.diagnostics[0].hint).toContain('Images available: logo');
    // Without a logo in the build the hint says where one comes from.
    expect(parse('<figure src="logo" alt="Logo"/>', new Map()).diagnostics[0].hint).toContain('institution.logo');
  });

  it('requires src and alt, self-closing, and a length with a unit', () => {
    expect(problems('<figure src="logo"/>')[0]).toContain('<figure> needs the attribute "alt"');
    expect(problems('<figure src="logo" alt="Logo"></figure>')[0]).toContain('<figure> has no content and must be written <figure/>');
    expect(problems('<figure src="logo" alt="Logo" height="24"/>')).toEqual([
      'TEMPLATE_MARKUP error 1:39 height="24" is not a length (rendered markup near "24"/>")',
    ]);
    expect(problems('<figure src="logo" alt="Logo" width="-3mm"/>')[0]).toContain('width="-3mm" is not a length');
    expect(problems('<figure src="logo" alt="Logo" class="big"/>')[0]).toContain('Unknown attribute "class" on <figure>');
  });

  it('may stand only at the top level, not inside a paragraph', () => {
    expect(problems('<p>Logo: <figure src="logo" alt="Logo"/></p>')[0]).toContain('<figure> is not allowed inside <p>');
  });
});
