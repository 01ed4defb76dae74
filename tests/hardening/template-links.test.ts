import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadTemplateSet } from '../../src/render/templates/load';
import { runCli } from '../helpers/run-cli';
import { copyToTemp, tempDir } from '../helpers/temp-pack';

/**
 * Every template file and folder a pack brings is read only where it resolves inside the pack: a symbolic
 * link (committed in a pull request) to a template folder or file elsewhere on the machine is refused.
 */
const VALID = path.join(__dirname, '../fixtures/packs/valid');
const SECRET = 'SECRET-OUTSIDE-THE-PACK';

let outside: { root: string; cleanup: () => void };
beforeAll(() => {
  outside = tempDir({
    'sdg-document.hbs': `<p>${SECRET}</p>`,
    'partials/item.hbs': `<p>${SECRET}</p>`,
    'item.hbs': `<p>${SECRET}</p>`,
  });
});
afterAll(() => outside.cleanup());

type Layout = [string, (templates: string) => void, string];

const LAYOUTS: Layout[] = [
  ['the templates folder is a link out of the pack', (t) => symlinkSync(outside.root, t), 'templates'],
  ['templates/partials is a link out of the pack', (t) => {
    mkdirSync(t);
    symlinkSync(path.join(outside.root, 'partials'), path.join(t, 'partials'));
  }, 'templates/partials'],
  ['the main template is a link out of the pack', (t) => {
    mkdirSync(t);
    symlinkSync(path.join(outside.root, 'sdg-document.hbs'), path.join(t, 'sdg-document.hbs'));
  }, 'templates/sdg-document.hbs'],
  ['a partial is a link out of the pack', (t) => {
    mkdirSync(path.join(t, 'partials'), { recursive: true });
    symlinkSync(path.join(outside.root, 'item.hbs'), path.join(t, 'partials/item.hbs'));
  }, 'templates/partials/item.hbs'],
];

describe.each(LAYOUTS)('when %s', (_what, layout, reported) => {
  it('refuses it with TEMPLATE_ERROR and reads nothing from outside', () => {
    const pack = tempDir({ 'impact-pack.yaml': 'x: 1\n' });
    try {
      layout(path.join(pack.root, 'templates'));
      const loaded = loadTemplateSet({ packRoot: pack.root, packTemplatesDir: 'templates' });
      expect(loaded.value).toBeUndefined();
      expect(loaded.diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([['TEMPLATE_ERROR', 'error', reported]]);
      expect(loaded.diagnostics[0].message).toContain('leads out of the pack through a symbolic link');
    } finally {
      pack.cleanup();
    }
  });
});

it('accepts a partial linked to a file inside the pack', () => {
  const pack = tempDir({ 'impact-pack.yaml': 'x: 1\n', 'shared/item.hbs': '<p>inside</p>' });
  try {
    mkdirSync(path.join(pack.root, 'templates/partials'), { recursive: true });
    symlinkSync(path.join(pack.root, 'shared/item.hbs'), path.join(pack.root, 'templates/partials/item.hbs'));
    const loaded = loadTemplateSet({ packRoot: pack.root, packTemplatesDir: 'templates' });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value!.partials.find((p) => p.name === 'item')!.text).toBe('<p>inside</p>');
  } finally {
    pack.cleanup();
  }
});

it('build stops on a partials folder linked out of the pack, writing nothing read from there', async () => {
  const pack = copyToTemp(VALID);
  const out = tempDir();
  try {
    mkdirSync(path.join(pack.root, 'templates'));
    symlinkSync(path.join(outside.root, 'partials'), path.join(pack.root, 'templates/partials'));
    writeFileSync(path.join(pack.root, 'templates/sdg-document.hbs'), '<h1>{{sdg.title}}</h1>{{> item}}');
    const r = await runCli(['build', pack.root, '--out', path.join(out.root, 'out'), '--formats', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('templates/partials');
    expect(r.stderr).toContain('TEMPLATE_ERROR');
    expect(`${r.stdout}${r.stderr}`).not.toContain(SECRET);
  } finally {
    pack.cleanup();
    out.cleanup();
  }
});
