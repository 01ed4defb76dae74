import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileTemplateSet } from '../../src/render/templates/compile';
import { TEMPLATE_LIMITS } from '../../src/render/templates/render-budget';
import { renderMarkup } from '../../src/render/templates/render';
import type { TemplateSet, TemplateSource } from '../../src/render/templates/template-set';
import { runCli } from '../helpers/run-cli';
import { copyToTemp, REPO_ROOT } from '../helpers/temp-pack';
import { sdg7View } from '../render/templates/fixtures/sdg7-view';

/**
 * Templates come from the pack, so from pull requests: their work, output and nesting are bounded, and
 * passing a bound is a TEMPLATE_BUDGET diagnostic at the loop or partial, never an out-of-memory crash.
 */
const source = (name: string, text: string): TemplateSource => ({ name, text, file: name === 'sdg-document' ? 'templates/sdg-document.hbs' : `templates/partials/${name}.hbs`, origin: 'pack' });
const setOf = (main: string, partials: Record<string, string> = {}): TemplateSet => ({
  main: source('sdg-document', main),
  partials: Object.entries(partials).map(([name, text]) => source(name, text)),
});
const nested = (depth: number, inner = '<p>{{title}}</p>') => `${'{{#each @root.groups}}'.repeat(depth)}${inner}${'{{/each}}'.repeat(depth)}`;

describe('the render budget', () => {
  it('stops 12 nested {{#each @root.groups}} at the nesting limit, at the loop that passed it', () => {
    const compiled = compileTemplateSet(setOf(`<p>x</p>\n${nested(12)}`));
    const result = renderMarkup(compiled.value!, sdg7View());
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'TEMPLATE_BUDGET', severity: 'error', file: 'templates/sdg-document.hbs', line: 2, column: 1 + TEMPLATE_LIMITS.eachDepth * '{{#each @root.groups}}'.length, sdg: 7 }),
    ]);
    expect(result.diagnostics[0].message).toContain(`nested more than ${TEMPLATE_LIMITS.eachDepth} deep`);
  });

  it('stops a render that runs too many loop bodies, within the nesting limit', () => {
    const limits = { ...TEMPLATE_LIMITS, work: 5_000 };
    const result = renderMarkup(compileTemplateSet(setOf(nested(8)), limits).value!, sdg7View());
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([['TEMPLATE_BUDGET', expect.stringContaining('more than 5,000 loop bodies and partials')]]);
  });

  it('stops partials that double their output at every call', () => {
    const partials: Record<string, string> = { p0: '<p>{{institution.name}} {{institution.name}} {{institution.name}}</p>' };
    for (let i = 1; i <= 25; i++) partials[`p${i}`] = `{{> p${i - 1}}}{{> p${i - 1}}}`;
    const limits = { ...TEMPLATE_LIMITS, work: 10_000_000, outputChars: 1024 * 1024 };
    const result = renderMarkup(compileTemplateSet(setOf("{{> p25}}", partials), limits).value!, sdg7View());
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([['TEMPLATE_BUDGET', expect.stringContaining('more than 1 MB of text')]]);
  });

  it('stops inline partials that call themselves, and registered ones', () => {
    const inline = renderMarkup(compileTemplateSet(setOf('{{#*inline "loop"}}<p>x</p>{{> loop}}{{/inline}}{{> loop}}')).value!, sdg7View());
    expect(inline.diagnostics.map((d) => d.code)).toEqual(['TEMPLATE_BUDGET']);
    const registered = renderMarkup(compileTemplateSet(setOf('{{> again}}', { again: '<p>x</p>{{> again}}' })).value!, sdg7View());
    expect(registered.diagnostics.map((d) => [d.code, d.file])).toEqual([['TEMPLATE_BUDGET', 'templates/partials/again.hbs']]);
  });

  it('leaves the shipped templates and ordinary loops alone', () => {
    const result = renderMarkup(compileTemplateSet(setOf(nested(3))).value!, sdg7View());
    expect(result.diagnostics).toEqual([]);
    expect(result.value).toContain('<p>');
  });
});

it('build ends with TEMPLATE_BUDGET, not an out-of-memory crash, on a pack template with 12 nested loops', async () => {
  const pack = copyToTemp(path.join(__dirname, '../fixtures/packs/valid'));
  try {
    mkdirSync(path.join(pack.root, 'templates/partials'), { recursive: true });
    copyFileSync(path.join(REPO_ROOT, 'templates/sdg-document.hbs'), path.join(pack.root, 'templates/sdg-document.hbs'));
    writeFileSync(path.join(pack.root, 'templates/sdg-document.hbs'), `<h1>{{sdg.title}}</h1>\n${nested(12)}\n`);
    const r = await runCli(['build', pack.root, '--out', path.join(pack.root, '..', `${path.basename(pack.root)}-out`), '--formats', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/templates\/sdg-document\.hbs[\s\S]*2:\d+ +error +The template was stopped: \{\{#each\}\} blocks are nested more than 8 deep/);
    expect(r.stderr).toContain('TEMPLATE_BUDGET');
  } finally {
    pack.cleanup();
  }
});
