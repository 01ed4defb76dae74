import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadPack } from '../../src/pipeline/load-pack';
import { sdgDocumentView } from '../../src/render/view-model';
import { runCli } from '../helpers/run-cli';
import { copyToTemp, FIXED, tempDir } from '../helpers/temp-pack';

/**
 * A pack's templates are code the pack brings along, so they run fenced in: Handlebars with strict mode
 * and known helpers only, prototype access blocked, no log helper, partials only from the template folder.
 * Each template below tries to escape the fence; each must fail to compile or render (TEMPLATE_ERROR,
 * exit 1, no documents written) or render without reaching anything, and none may run a command, read a
 * file or read the environment.
 */
const VALID = path.join(__dirname, '../fixtures/packs/valid');

interface Escape {
  name: string;
  template: (marker: string) => string;
  /** `refused`: a TEMPLATE_ERROR, nothing written. `blocked`: Handlebars' lookup answers undefined, so it renders, reaching nothing. */
  outcome?: 'refused' | 'blocked';
  /** Partials the pack brings along, by name. */
  partials?: Record<string, string>;
  /** The template the error is reported against (default: the main template). */
  reportedIn?: string;
  /** The code of the refusal (default TEMPLATE_ERROR). */
  code?: string;
}

const ESCAPES: Escape[] = [
  {
    name: 'the classic constructor chain that runs code (CVE-2019-19919 family)',
    template: (marker) => `{{#with "s" as |string|}}
  {{#with "e"}}
    {{#with split as |conslist|}}
      {{this.pop}}
      {{this.push (lookup string.sub "constructor")}}
      {{this.pop}}
      {{#with string.split as |codelist|}}
        {{this.pop}}
        {{this.push "return require('fs').writeFileSync('${marker}', 'pwned');"}}
        {{this.pop}}
        {{#each conslist}}
          {{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}
        {{/each}}
      {{/with}}
    {{/with}}
  {{/with}}
{{/with}}`,
  },
  { name: 'reading the constructor of the view', template: () => '<p>{{constructor.constructor.name}}</p>' },
  { name: 'lookup of __proto__', template: () => '<h1>[{{#with (lookup this "__proto__")}}{{constructor}}{{/with}}]</h1>', outcome: 'blocked' },
  { name: 'lookup of constructor on a string', template: () => '<h1>[{{lookup (lookup "x" "constructor") "name"}}]</h1>', outcome: 'blocked' },
  { name: 'the environment', template: () => '<p>{{process.env.HOME}}</p>' },
  { name: 'the root data', template: () => '<p>{{@root.constructor.prototype}}</p>' },
  { name: 'the log helper', template: () => '<p>{{log "reached the console"}}</p>' },
  { name: 'an unknown helper that would read a file', template: () => '<p>{{readFile "/etc/passwd"}}</p>' },
  { name: 'a partial named after a path outside the pack', template: () => '<p>{{> ../../../../etc/passwd}}</p>' },
  { name: 'a dynamic partial name', template: () => '<p>{{> (lookup this "title")}}</p>' },
  { name: 'a partial that includes itself forever', template: () => '<p>{{> endless}}</p>', partials: { endless: '<em>{{> endless}}</em>' }, reportedIn: 'templates/partials/endless.hbs', code: 'TEMPLATE_BUDGET' },
];

describe.each(ESCAPES.map((e) => [e.name, e] as const))('a pack template trying %s', (_name, escape) => {
  it('is stopped: no command runs, no file is read or written, no document is produced', async () => {
    const pack = copyToTemp(VALID);
    const work = tempDir();
    try {
      const marker = path.join(work.root, 'pwned');
      mkdirSync(path.join(pack.root, 'templates'), { recursive: true });
      writeFileSync(path.join(pack.root, 'templates', 'sdg-document.hbs'), escape.template(marker));
      for (const [name, text] of Object.entries(escape.partials ?? {})) {
        mkdirSync(path.join(pack.root, 'templates/partials'), { recursive: true });
        writeFileSync(path.join(pack.root, 'templates/partials', `${name}.hbs`), text);
      }
      const out = path.join(work.root, 'out');
      const run = await runCli(['build', pack.root, '--out', out, '--formats', 'html'], { env: { HOME: '/home/secret-home-folder' } });
      expect(existsSync(marker)).toBe(false);
      expect(run.stderr).not.toContain('secret-home-folder');
      expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      if (escape.outcome === 'blocked') {
        expect(run.code).toBe(0);
        // The brackets render, with nothing between them: the prototype was not reached.
        expect(readFileSync(path.join(out, 'sdg-07.html'), 'utf8')).toContain('[]</h1>');
      } else {
        expect(run.code).toBe(1);
        expect(run.stderr).toContain(escape.code ?? 'TEMPLATE_ERROR');
        expect(run.stderr).toContain(escape.reportedIn ?? 'templates/sdg-document.hbs');
        expect(existsSync(out)).toBe(false);
      }
    } finally {
      pack.cleanup();
      work.cleanup();
    }
  });
});

test('partial files whose names could reach Handlebars internals are not registered', async () => {
  const pack = copyToTemp(VALID);
  const work = tempDir();
  try {
    mkdirSync(path.join(pack.root, 'templates/partials'), { recursive: true });
    writeFileSync(path.join(pack.root, 'templates/partials/__proto__.hbs'), '<p>polluted</p>');
    writeFileSync(path.join(pack.root, 'templates/partials/constructor.hbs'), '<p>polluted</p>');
    const out = path.join(work.root, 'out');
    const run = await runCli(['build', pack.root, '--out', out, '--formats', 'html']);
    expect(run.stderr).toContain('TEMPLATE_UNUSED');
    expect(run.stderr).toContain('templates/partials/__proto__.hbs');
    for (const name of readdirSync(out).filter((n) => n.endsWith('.html'))) {
      expect(readFileSync(path.join(out, name), 'utf8')).not.toContain('polluted');
    }
    // Object.prototype is untouched in this process too.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  } finally {
    pack.cleanup();
    work.cleanup();
  }
});

test('the data templates see is plain JSON: no functions, no environment, nothing but the pack', async () => {
  const env = { SOURCE_DATE_EPOCH: '1635724800', IMPACT_PACK_SECRET: 'do-not-leak-this' };
  const { pack } = await loadPack(VALID, { env, now: FIXED.now });
  expect(pack).toBeDefined();
  for (const sdg of [7, 17]) {
    const view = sdgDocumentView(pack!, sdg, '0.0.0-test');
    const json = JSON.stringify(view);
    expect(JSON.parse(json)).toEqual(view);
    expect(json).not.toContain('do-not-leak-this');
    expect(json).not.toContain(process.env.HOME ?? '/root');
    expect(json).not.toContain(pack!.root);
  }
});
