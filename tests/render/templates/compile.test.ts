import { compileTemplateSet } from '../../../src/render/templates/compile';
import { renderDocumentIr, renderMarkup } from '../../../src/render/templates/render';
import type { TemplateSet, TemplateSource } from '../../../src/render/templates/template-set';
import { sdg7View } from './fixtures/sdg7-view';

const source = (name: string, text: string): TemplateSource => ({
  name,
  text,
  file: name === 'sdg-document' ? 'layout/sdg-document.hbs' : `layout/partials/${name}.hbs`,
  origin: 'pack',
});

const setOf = (main: string, partials: Record<string, string> = {}): TemplateSet => ({
  main: source('sdg-document', main),
  partials: Object.entries(partials).map(([name, text]) => source(name, text)),
});

describe('compileTemplateSet and rendering, without files', () => {
  it('renders a set held in memory', () => {
    const compiled = compileTemplateSet(setOf('{{> title}}', { title: '<p class="title">{{institution.name}}</p>' }));
    expect(renderMarkup(compiled.value!, sdg7View())).toEqual({ value: '<p class="title">IMT Mines Alès</p>', diagnostics: [] });
  });

  it('reports a partial missing at render time (a computed name) in the template that called it', () => {
    const compiled = compileTemplateSet(setOf('<p>x</p>{{#each groups}}{{> (lookup this "id")}}{{/each}}'));
    expect(compiled.diagnostics).toEqual([]);
    const result = renderMarkup(compiled.value!, sdg7View());
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toEqual([
      {
        code: 'TEMPLATE_ERROR',
        severity: 'error',
        message: 'The partial "7.1" does not exist',
        hint: "Partials are the files in templates/partials/; add partials/7.1.hbs to the pack's templates folder.",
        file: 'layout/sdg-document.hbs',
        line: 0,
        column: 0,
        sdg: 7,
        source: 'template',
      },
    ]);
  });

  it('names the innermost template when a partial called by a partial fails', () => {
    const compiled = compileTemplateSet(
      setOf('{{#each groups}}{{> group}}{{/each}}', { group: '<h1>{{title}}</h1>{{#each metrics}}{{> metric}}{{/each}}', metric: '<p>{{kind}}</p>' }),
    );
    const result = renderMarkup(compiled.value!, sdg7View());
    expect(result.diagnostics.map((d) => `${d.file} ${d.line}:${d.column} ${d.message}`)).toEqual([
      'layout/partials/metric.hbs 1:6 The template uses "kind", which the document data does not have here',
    ]);
  });

  it('attributes markup problems to nested partials and back to their callers', () => {
    const compiled = compileTemplateSet(
      setOf('<x1/>{{> outer}}<x4/>', { outer: '<x2/>{{> inner}}<x3/>', inner: '<p>inner <x5/></p>' }),
    );
    const result = renderDocumentIr(compiled.value!, sdg7View());
    expect(result.diagnostics.map((d) => `${d.file} ${d.line}:${d.column}`)).toEqual([
      'layout/sdg-document.hbs 1:1',
      'layout/partials/outer.hbs 1:6',
      'layout/partials/inner.hbs 1:20',
      'layout/partials/outer.hbs 1:29',
      'layout/sdg-document.hbs 1:34',
    ]);
  });

  it('reports all compile problems of a set in one run and gives no renderer', () => {
    const result = compileTemplateSet(setOf('{{> a}}{{> missing}}', { a: '{{#each}}', b: '{{{raw}}}' }));
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => `${d.code} ${d.file} ${d.line}:${d.column}`)).toEqual([
      'TEMPLATE_ERROR layout/partials/a.hbs 1:10',
      'TEMPLATE_ERROR layout/sdg-document.hbs 1:8',
      'TEMPLATE_UNESCAPED layout/partials/b.hbs 1:1',
    ]);
  });

  it('allows the built-in block helpers and a partial block with fallback content', () => {
    const compiled = compileTemplateSet(
      setOf('{{#unless bibliometric}}{{/unless}}{{#with sdg}}<p>{{title}}</p>{{/with}}{{#> absent}}<p>fallback</p>{{/absent}}'),
    );
    expect(compiled.diagnostics).toEqual([]);
    expect(renderMarkup(compiled.value!, sdg7View()).value).toBe('<p>Affordable and Clean Energy</p><p>fallback</p>');
  });
});
