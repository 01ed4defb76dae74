import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadTemplateSet } from '../../../src/render/templates/load';
import { renderTemplate, renderToIr } from '../../../src/render/templates/render';
import { outline } from './fixtures/ir-text';
import { sdg7View } from './fixtures/sdg7-view';

let packRoot: string;

beforeEach(() => {
  packRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'impact-pack-templates-'));
});

afterEach(() => {
  fs.rmSync(packRoot, { recursive: true, force: true });
});

/** Writes files under the pack root, e.g. { 'layout/partials/cover.hbs': '...' }. */
function writePack(files: Record<string, string>): void {
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(packRoot, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

const render = (packTemplatesDir = 'layout') => renderToIr(sdg7View(), { packRoot, packTemplatesDir });
const summary = (result: ReturnType<typeof render>) => result.diagnostics.map((d) => `${d.code} ${d.severity} ${d.file} ${d.line}:${d.column}`);

describe('pack templates', () => {
  it('use the defaults when the pack has no templates folder', () => {
    const result = render('templates');
    expect(result.diagnostics).toEqual([]);
    expect(result.value).toEqual(renderToIr(sdg7View(), {}).value);
  });

  it('replace one partial and keep the other defaults', () => {
    writePack({ 'layout/partials/cover.hbs': '<p class="title">{{institution.name}} — our own cover</p>\n' });
    const result = render();
    expect(result.diagnostics).toEqual([]);
    const lines = outline(result.value!.blocks);
    expect(lines[0]).toBe('p.title IMT Mines Alès — our own cover');
    expect(lines.slice(1, 4)).toEqual(['pagebreak', 'toc Contents', 'pagebreak']);
    expect(lines).toContain('p.note Nothing submitted for this metric.');
  });

  it('replace the main template, which may call the default partials and partials of its own', () => {
    writePack({
      'layout/sdg-document.hbs': '{{> cover}}\n{{#each groups}}{{> short-group}}{{/each}}\n',
      'layout/partials/short-group.hbs': '<h1 id="g-{{id}}">{{title}}</h1>\n',
    });
    const result = render();
    expect(result.diagnostics).toEqual([]);
    expect(outline(result.value!.blocks).filter((line) => line.startsWith('h'))).toEqual([
      'h1#g-7.1 Research on clean energy',
      'h1#g-7.2 University measures towards affordable and clean energy',
      'h1#g-7.3 Energy use density',
    ]);
  });

  it('accept a templates folder given as an absolute path, and show paths relative to the pack root', () => {
    writePack({ 'layout/partials/cover.hbs': '<p>{{institution.nope}}</p>' });
    const result = renderToIr(sdg7View(), { packRoot, packTemplatesDir: path.join(packRoot, 'layout') });
    expect(summary(result)).toEqual(['TEMPLATE_ERROR error layout/partials/cover.hbs 1:6']);
  });

  it('warn about a template saved next to the main template, where it is never used', () => {
    writePack({ 'layout/cover.hbs': '<p>unused</p>' });
    const result = render();
    expect(summary(result)).toEqual(['TEMPLATE_UNUSED warning layout/cover.hbs 0:0']);
    expect(result.diagnostics[0].hint).toBe('Partials go in layout/partials/cover.hbs.');
    expect(result.value).toBeDefined();
  });

  it('ignore, with a warning, a partial whose file name a template cannot call', () => {
    writePack({ 'layout/partials/__proto__.hbs': '<p>x</p>', 'layout/partials/my partial.hbs': '<p>y</p>' });
    const result = render();
    expect(summary(result)).toEqual(['TEMPLATE_UNUSED warning layout/partials/__proto__.hbs 0:0', 'TEMPLATE_UNUSED warning layout/partials/my partial.hbs 0:0']);
    expect(result.value).toEqual(renderToIr(sdg7View(), {}).value);
  });

  it('strip a byte order mark', () => {
    writePack({ 'layout/partials/cover.hbs': '\ufeff<p class="title">{{institution.name}}</p>' });
    expect(outline(render().value!.blocks)[0]).toBe('p.title IMT Mines Alès');
  });

  it('report a templates "folder" that is a file', () => {
    writePack({ layout: 'not a folder' });
    const result = render();
    expect(summary(result)).toEqual(['TEMPLATE_ERROR error layout 0:0']);
    expect(result.value).toBeUndefined();
  });

  it('list partials sorted by name, each marked with where it came from', () => {
    writePack({ 'layout/partials/metric.hbs': '<p>{{id}}</p>', 'layout/partials/aaa.hbs': '<p>extra</p>' });
    const set = loadTemplateSet({ packRoot, packTemplatesDir: 'layout' }).value!;
    expect(set.main).toMatchObject({ name: 'sdg-document', file: 'templates/sdg-document.hbs', origin: 'default' });
    expect(set.partials.map((p) => `${p.name} ${p.origin} ${p.file}`)).toEqual([
      'aaa pack layout/partials/aaa.hbs',
      'appendix default templates/partials/appendix.hbs',
      'cover default templates/partials/cover.hbs',
      'group default templates/partials/group.hbs',
      'item default templates/partials/item.hbs',
      'metric pack layout/partials/metric.hbs',
    ]);
  });
});

describe('broken pack templates give TEMPLATE_ERROR, never a throw', () => {
  it('a Handlebars syntax error, at its line and column in the override', () => {
    writePack({ 'layout/partials/cover.hbs': '<p class="title">{{institution.name}}</p>\n<p>{{#if institution.country}}{{institution.country}}</p>\n' });
    const result = render();
    expect(summary(result)).toEqual(['TEMPLATE_ERROR error layout/partials/cover.hbs 3:1']);
    expect(result.diagnostics[0].message).toMatch(/^Handlebars syntax error: got 'EOF' where .*'OPEN_ENDBLOCK'.* was expected$/);
    expect(result.value).toBeUndefined();
  });

  it('a mustache that is never closed', () => {
    writePack({ 'layout/partials/cover.hbs': '<p>\n  {{institution.name</p>\n' });
    // Where the parser stumbled: at the "<" it could not read as part of the mustache.
    expect(summary(render())).toEqual(['TEMPLATE_ERROR error layout/partials/cover.hbs 2:17']);
  });

  it('a block closed by the wrong name', () => {
    writePack({ 'layout/partials/cover.hbs': '<p>\n  {{#if sdg}}x{{/each}}</p>' });
    const result = render();
    expect(summary(result)).toEqual(['TEMPLATE_ERROR error layout/partials/cover.hbs 2:6']);
    expect(result.diagnostics[0].message).toBe('The block {{#if}} is closed by {{/each}}');
  });

  it('an unclosed comment', () => {
    writePack({ 'layout/partials/cover.hbs': '<p>x</p>\n<p>y</p> {{!-- never closed\n' });
    const result = render();
    expect(summary(result)).toEqual(['TEMPLATE_ERROR error layout/partials/cover.hbs 2:10']);
    expect(result.diagnostics[0].hint).toContain('unclosed {{!-- comment --}}');
  });

  it('an unknown helper, reported when the template is compiled', () => {
    writePack({ 'layout/partials/cover.hbs': '<p class="title">\n    {{shout institution.name}}</p>' });
    const result = render();
    expect(summary(result)).toEqual(['TEMPLATE_ERROR error layout/partials/cover.hbs 2:5']);
    expect(result.diagnostics[0].message).toBe('Unknown helper "shout"');
    expect(result.diagnostics[0].hint).toBe('Templates may call only: if, unless, each, with, lookup, date, join, plural, shortHash.');
  });

  it('the log helper, which would write to the console', () => {
    writePack({ 'layout/partials/cover.hbs': '{{log "rendering"}}<p>x</p>' });
    expect(summary(render())).toEqual(['TEMPLATE_ERROR error layout/partials/cover.hbs 1:1']);
  });

  it('a field the view does not have (strict mode), in the partial that uses it', () => {
    writePack({ 'layout/partials/item.hbs': '<h3 id="{{anchor}}">{{title}}</h3>\n<p>{{owner}}</p>\n' });
    const result = render();
    expect(summary(result)).toEqual(['TEMPLATE_ERROR error layout/partials/item.hbs 2:6']);
    expect(result.diagnostics[0]).toMatchObject({ sdg: 7, message: 'The template uses "owner", which the document data does not have here' });
    expect(result.value).toBeUndefined();
  });

  it('a call to a partial that does not exist, at the call, even in a branch not taken', () => {
    writePack({ 'layout/sdg-document.hbs': '{{> cover}}\n{{#if groups}}{{else}}\n  {{> footer}}{{/if}}\n' });
    const result = render();
    expect(summary(result)).toEqual(['TEMPLATE_ERROR error layout/sdg-document.hbs 3:3']);
    expect(result.diagnostics[0].message).toBe('The partial "footer" does not exist');
  });

  it('but not a call to an inline partial the template defines', () => {
    writePack({ 'layout/sdg-document.hbs': '{{#*inline "line"}}<p>{{this}}</p>{{/inline}}{{> line sdg.title}}\n' });
    const result = render();
    expect(result.diagnostics).toEqual([]);
    expect(outline(result.value!.blocks)).toEqual(['p.normal Affordable and Clean Energy']);
  });

  it('several broken files at once, each under its own name', () => {
    writePack({ 'layout/partials/cover.hbs': '{{#if x}}', 'layout/partials/metric.hbs': '{{nope 1}}' });
    expect(summary(render())).toEqual(['TEMPLATE_ERROR error layout/partials/cover.hbs 1:10', 'TEMPLATE_ERROR error layout/partials/metric.hbs 1:1']);
  });

  it('a helper called with the wrong arguments, at the call', () => {
    writePack({ 'layout/partials/cover.hbs': '<p>\n  {{date edition}}</p>' });
    const result = render();
    expect(summary(result)).toEqual(['TEMPLATE_ERROR error layout/partials/cover.hbs 2:3']);
    expect(result.diagnostics[0].message).toBe('Template error: date: expects a date written YYYY-MM-DD, got "2022" (usage: {{date "YYYY-MM-DD"}})');
  });

  it('markup outside the vocabulary, in the partial that wrote it, at its place in the rendered markup', () => {
    writePack({ 'layout/partials/group.hbs': '<h1 id="group-{{id}}">{{title}}</h1>\n<p><blink>{{weightLabel}}</blink></p>\n' });
    const result = render();
    expect(result.diagnostics.every((d) => d.code === 'TEMPLATE_MARKUP' && d.file === 'layout/partials/group.hbs' && d.sdg === 7)).toBe(true);
    expect(result.diagnostics).toHaveLength(3);
    const markup = renderTemplate(sdg7View(), { packRoot, packTemplatesDir: 'layout' }).value!.split('\n');
    const firstBlink = markup.findIndex((line) => line.includes('<blink>'));
    expect(result.diagnostics[0]).toMatchObject({ line: firstBlink + 1, column: 4 });
    expect(result.value).toBeUndefined();
  });

  it('a warning for unescaped output, which would let evidence text become markup', () => {
    writePack({ 'layout/partials/cover.hbs': '<p>{{institution.name}}</p>\n<p>{{{sdg.title}}}</p>' });
    const result = render();
    expect(summary(result)).toEqual(['TEMPLATE_UNESCAPED warning layout/partials/cover.hbs 2:4']);
    expect(result.value).toBeDefined();
  });
});

describe('prototype access from a template', () => {
  it('cannot reach a constructor: strict mode reports the lookup instead', () => {
    writePack({ 'layout/partials/cover.hbs': '<p>{{constructor.name}}</p>' });
    const result = render();
    expect(summary(result)).toEqual(['TEMPLATE_ERROR error layout/partials/cover.hbs 1:6']);
    expect(result.diagnostics[0].message).toBe('The template uses "name", which the document data does not have here');
    expect(JSON.stringify(result.diagnostics)).not.toMatch(/function|native code/);
  });

  it('yields nothing for inherited properties and methods', () => {
    writePack({
      'layout/partials/cover.hbs':
        '<p>[{{__proto__}}][{{toString}}][{{institution.constructor}}][{{lookup this "constructor"}}][{{#with constructor}}{{name}}{{/with}}][{{valueOf}}]</p>',
    });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const result = render();
      expect(result.diagnostics).toEqual([]);
      expect(outline(result.value!.blocks)[0]).toBe('p.normal [][][][][][]');
      // Prototype access is denied silently: Handlebars' console warning is switched off, not just ignored.
      expect([...warn.mock.calls, ...error.mock.calls, ...log.mock.calls]).toEqual([]);
    } finally {
      warn.mockRestore();
      error.mockRestore();
      log.mockRestore();
    }
  });
});
