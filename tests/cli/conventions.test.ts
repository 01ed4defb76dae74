import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CODES } from '../../src/diagnostics/codes';
import { codeAnchor, codeHelpUri } from '../../src/diagnostics/docs';
import { createProgress } from '../../src/cli/progress';
import { runCli } from '../helpers/run-cli';
import { copyToTemp, REPO_ROOT, tempDir } from '../helpers/temp-pack';

/**
 * The conventions a user brings from ESLint, Prettier, tsc and markdownlint-cli2 (issue 14, point 4): the
 * pack found from any folder inside it, the pack first on every command, usage slips answered with a
 * suggestion and exit 2, colour switches, per-command help, the same formatters for validate and gaps,
 * and every code documented at an anchor that the output links to.
 */
const VALID = path.join(REPO_ROOT, 'tests/fixtures/packs/valid');
const REFERENCES = path.join(REPO_ROOT, 'tests/fixtures/packs/references');

describe('the pack is found walking up from the current folder', () => {
  it.each([['items'], ['items/sdg-07'], ['.']])('validate run in <pack>/%s checks the pack', async (sub) => {
    const pack = copyToTemp(VALID);
    try {
      const r = await runCli(['validate', '--no-cache'], { cwd: path.join(pack.root, sub) });
      expect(r.stdout).not.toContain('CONFIG_MISSING');
      expect(r.stdout).toContain('0 error(s), 0 warning(s)');
      expect(r.code).toBe(0);
    } finally {
      pack.cleanup();
    }
  });

  it('a folder given on the command line is searched upwards too; outside any pack, CONFIG_MISSING remains', async () => {
    const pack = copyToTemp(VALID);
    const outside = tempDir({ 'notes.txt': 'not a pack' });
    try {
      expect((await runCli(['validate', path.join(pack.root, 'items'), '--no-cache'])).code).toBe(0);
      const r = await runCli(['validate', '--no-cache'], { cwd: outside.root });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('CONFIG_MISSING');
    } finally {
      pack.cleanup();
      outside.cleanup();
    }
  });
});

describe('usage slips exit 2 with a suggestion, never the parser\'s raw text', () => {
  it.each([
    ['an extra argument', ['validate', VALID, 'extra'], /unexpected argument "extra": this command takes one argument \(PACK\)/],
    ['a second extra argument', ['gaps', VALID, 'a', 'b'], /unexpected argument "a" \(and 1 more\)/],
    ['an argument to a command that takes none', ['explain', 'FILE_NOT_FOUND', 'extra'], /unexpected argument "extra": this command takes one argument \(CODE\)/],
    ['a misspelt option', ['validate', VALID, '--formt', 'json'], /unknown option --formt\. Did you mean --format\?/],
    ['a misspelt option with =', ['build', VALID, '--formts=pdf'], /unknown option --formts\. Did you mean --formats\?/],
    ['a long option with one dash', ['validate', VALID, '-format', 'json'], /unknown option -format: long options take two dashes\. Did you mean --format\?/],
    ['an option far from any', ['validate', VALID, '--zzzzzz'], /unknown option --zzzzzz\. This command's options: --format/],
    ['an option without its value', ['validate', VALID, '--format'], /option --format needs a value/],
    ['a value given to a flag', ['validate', VALID, '--no-cache=yes'], /option --no-cache takes no value/],
    ['a misspelt command', ['valdate', VALID], /unknown command "valdate"\. Did you mean validate\?/],
    ['a misspelt format', ['validate', VALID, '--format', 'sarf'], /--format must be one of human, json, sarif, junit, github, not "sarf"\. Did you mean sarif\?/],
    ['a misspelt format of gaps', ['gaps', VALID, '--format', 'jsn'], /not "jsn"\. Did you mean json\?/],
  ])('%s', async (_what, argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/To specify a positional argument|ERR_PARSE_ARGS/);
    expect(r.stdout).toBe('');
  });
});

describe('criteria takes the pack too, for its edition', () => {
  it('prints the pack\'s edition by default, from the pack named or the one around the current folder', async () => {
    const pack = copyToTemp(VALID); // edition 2022; the latest edition in criteria/ is later
    try {
      const named = JSON.parse((await runCli(['criteria', pack.root, '--format', 'json'])).stdout);
      expect(named.edition).toBe('2022');
      const around = JSON.parse((await runCli(['criteria', '--format', 'json'], { cwd: path.join(pack.root, 'items') })).stdout);
      expect(around.edition).toBe('2022');
      const outside = tempDir();
      try {
        expect(JSON.parse((await runCli(['criteria', '--format', 'json'], { cwd: outside.root })).stdout).edition).not.toBe('2022');
        expect((await runCli(['criteria', outside.root])).code).toBe(2);
      } finally {
        outside.cleanup();
      }
    } finally {
      pack.cleanup();
    }
  });
});

describe('colour', () => {
  const refs = REFERENCES;
  it.each([
    ['a terminal', {}, true, [], true],
    ['a pipe', {}, false, [], false],
    ['NO_COLOR on a terminal', { NO_COLOR: '1' }, true, [], false],
    ['TERM=dumb on a terminal', { TERM: 'dumb' }, true, [], false],
    ['FORCE_COLOR=0 on a terminal', { FORCE_COLOR: '0' }, true, [], false],
    ['FORCE_COLOR=false on a terminal', { FORCE_COLOR: 'false' }, true, [], false],
    ['FORCE_COLOR=1 into a pipe', { FORCE_COLOR: '1' }, false, [], true],
    ['FORCE_COLOR=3 into a pipe', { FORCE_COLOR: '3' }, false, [], true],
    ['FORCE_COLOR=1 over NO_COLOR (as Node decides)', { FORCE_COLOR: '1', NO_COLOR: '1' }, false, [], true],
    ['--no-color on a terminal', {}, true, ['--no-color'], false],
    ['--no-color over FORCE_COLOR=1', { FORCE_COLOR: '1' }, false, ['--no-color'], false],
    ['--color into a pipe', {}, false, ['--color'], true],
  ])('%s', async (_what, env, tty, flags, coloured) => {
    const r = await runCli(['validate', refs, '--no-cache', ...flags], { env: env as Record<string, string>, tty });
    expect(r.stdout.includes('\u001b[')).toBe(coloured);
  });
});

describe('TERM=dumb', () => {
  it('also turns off the progress bar, which erases its line with an escape code', () => {
    const drawn = (env: Record<string, string>) => {
      let text = '';
      let now = 0;
      const progress = createProgress({ stderr: { write: (t: string) => (text += t), isTTY: true }, env }, { clock: () => now });
      now = 10_000;
      progress.update({ phase: 'items', done: 5, total: 10 });
      progress.finish();
      return text;
    };
    expect(drawn({})).toContain('\x1b[K');
    expect(drawn({ TERM: 'dumb' })).toBe('');
  });
});

describe('help for one command', () => {
  it.each([[['help', 'validate']], [['validate', '--help']], [['validate', '-h']], [['validate', '--formt', '--help']]])('%j prints validate\'s help', async (argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: impact-pack validate [PACK]');
    expect(r.stdout).toContain('--max-warnings');
    expect(r.stdout).not.toContain('Commands:');
  });

  it('help without a command prints the general help; help with an unknown one exits 2 with a suggestion', async () => {
    expect((await runCli(['help'])).stdout).toContain('Commands:');
    const r = await runCli(['help', 'biuld']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean build?');
  });
});

describe('every formatter for validate and for gaps', () => {
  const checks: Record<string, (out: string) => void> = {
    human: (out) => expect(out).toMatch(/FILE_NOT_FOUND/),
    json: (out) => expect(JSON.parse(out)).toBeInstanceOf(Object),
    sarif: (out) => {
      const log = JSON.parse(out);
      expect(log.version).toBe('2.1.0');
      expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('FILE_NOT_FOUND');
    },
    junit: (out) => expect(out).toMatch(/^<\?xml[\s\S]*<testsuites[\s\S]*<failure[\s\S]*FILE_NOT_FOUND/),
    github: (out) => expect(out).toMatch(/^::error file=[^,]*items\/files\.yaml,line=\d+,col=\d+.*title=FILE_NOT_FOUND::/m),
  };
  it.each(Object.keys(checks).flatMap((format) => [['validate', format], ['gaps', format]]))('%s --format %s', async (command, format) => {
    const pack = copyToTemp(REFERENCES);
    try {
      const r = await runCli([command, pack.root, '--format', format]);
      expect(r.stderr).not.toContain('--format must be');
      checks[format](r.stdout);
    } finally {
      pack.cleanup();
    }
  });
});

describe('each code is documented at an anchor that the output links to', () => {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs/diagnostics.md'), 'utf8');

  it('docs/diagnostics.md has a section per code, headed by the code (its anchor)', () => {
    const headings = [...doc.matchAll(/^### (\S+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(Object.keys(CODES));
    for (const code of Object.keys(CODES)) expect(doc).toContain(`(#${codeAnchor(code)})`);
  });

  it('JSON diagnostics carry docs and helpUri; SARIF rules carry helpUri', async () => {
    const json = JSON.parse((await runCli(['validate', REFERENCES, '--format', 'json'])).stdout);
    const missing = json.diagnostics.find((d: { code: string }) => d.code === 'FILE_NOT_FOUND');
    expect(missing.docs).toBe('docs/diagnostics.md#file_not_found');
    expect(missing.helpUri).toMatch(/^(https|file):\/\/\S+\/docs\/diagnostics\.md#file_not_found$/);
    const sarif = JSON.parse((await runCli(['validate', REFERENCES, '--format', 'sarif'])).stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'FILE_NOT_FOUND');
    expect(rule.helpUri).toBe(missing.helpUri);
  });

  it('helpUri points at the repository\'s page for the version when package.json names a GitHub repository', () => {
    expect(codeHelpUri('FILE_NOT_FOUND', { version: '1.2.3', repository: { url: 'git+https://github.com/example-org/impact-pack.git' } })).toBe(
      'https://github.com/example-org/impact-pack/blob/v1.2.3/docs/diagnostics.md#file_not_found',
    );
    expect(codeHelpUri('FILE_NOT_FOUND', { version: '1.2.3', repository: 'example-org/impact-pack' })).toBe(
      'https://github.com/example-org/impact-pack/blob/v1.2.3/docs/diagnostics.md#file_not_found',
    );
    const local = codeHelpUri('FILE_NOT_FOUND', { version: '1.2.3' });
    expect(local).toMatch(/^file:\/\/.*\/docs\/diagnostics\.md#file_not_found$/);
    expect(existsSync(new URL(local.split('#')[0]))).toBe(true);
  });

  it('explain prints the title, severity, message, hint and anchor of a code, in any case', async () => {
    const r = await runCli(['explain', 'file_not_found']);
    expect(r.code).toBe(0);
    for (const text of [CODES.FILE_NOT_FOUND.title, 'Severity: error', 'Message:', CODES.FILE_NOT_FOUND.hint, 'docs/diagnostics.md#file_not_found']) expect(r.stdout).toContain(text);
    const json = JSON.parse((await runCli(['explain', 'VALUE_ZERO', '--format', 'json'])).stdout);
    expect(json).toMatchObject({ code: 'VALUE_ZERO', severity: 'warning', docs: 'docs/diagnostics.md#value_zero' });
  });

  it('explain of an unknown code exits 2 and suggests the nearest', async () => {
    const r = await runCli(['explain', 'FILE_NOT_FOUDN']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean FILE_NOT_FOUND');
    expect((await runCli(['explain'])).code).toBe(2);
  });
});

describe('init in a folder that already holds version control', () => {
  it('creates the pack beside .git, a readme and a licence, and adds its lines to an existing .gitignore', async () => {
    const t = tempDir({ '.git/HEAD': 'ref: refs/heads/main\n', 'README.md': '# Our pack\n', LICENSE: 'MIT\n', '.gitignore': 'node_modules' });
    try {
      const r = await runCli(['init', '.'], { cwd: t.root });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(existsSync(path.join(t.root, 'impact-pack.yaml'))).toBe(true);
      expect(readFileSync(path.join(t.root, 'README.md'), 'utf8')).toBe('# Our pack\n');
      expect(readFileSync(path.join(t.root, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
      expect(readFileSync(path.join(t.root, '.gitignore'), 'utf8')).toBe('node_modules\n# impact-pack\nout/\nout-draft/\n.impact-pack-cache/\n.impact-pack-backups/\n.out.watch.lock\n');
    } finally {
      t.cleanup();
    }
  });

  it.each([['notes.txt'], ['items/a.yaml'], ['.github/workflows/ci.yml']])('refuses a folder that also holds %s, and changes nothing', async (other) => {
    const t = tempDir({ '.git/HEAD': 'x', [other]: 'keep' });
    try {
      const r = await runCli(['init', t.root]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`holds ${other.split('/')[0]}`);
      expect(readdirSync(t.root).sort()).toEqual(['.git', other.split('/')[0]].sort());
    } finally {
      t.cleanup();
    }
  });
});

describe('schemas takes the pack first', () => {
  it('checks a pack fresh from init as up to date, and names missing and out-of-date files apart', async () => {
    const t = tempDir();
    try {
      const pack = path.join(t.root, 'p');
      expect((await runCli(['init', pack, '--edition', '2022'])).code).toBe(0);
      const fresh = await runCli(['schemas', pack, '--check']);
      expect(fresh.stderr).toBe('');
      expect(fresh.code).toBe(0);
      rmSync(path.join(pack, 'schemas/pack-config.schema.json'));
      writeFileSync(path.join(pack, 'schemas/evidence-item.2022.schema.json'), '{}\n');
      const stale = await runCli(['schemas', pack, '--check']);
      expect(stale.code).toBe(1);
      expect(stale.stderr).toContain('pack-config.schema.json: missing');
      expect(stale.stderr).toContain('evidence-item.2022.schema.json: out of date');
      // Written back into the pack's schemas/ folder, not the pack's root; --check passes again.
      expect((await runCli(['schemas'], { cwd: path.join(pack, 'items') })).code).toBe(0);
      expect(existsSync(path.join(pack, 'pack-config.schema.json'))).toBe(false);
      expect((await runCli(['schemas', pack, '--check'])).code).toBe(0);
    } finally {
      t.cleanup();
    }
  });

  it('writes into --out, and writes every edition with --all', async () => {
    const t = tempDir();
    try {
      const out = path.join(t.root, 'editor-schemas');
      expect((await runCli(['schemas', VALID, '--out', out])).code).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['evidence-item.2022.schema.json', 'pack-config.schema.json']);
      const all = path.join(t.root, 'all');
      expect((await runCli(['schemas', VALID, '--all', '--out', all])).code).toBe(0);
      expect(readdirSync(all).sort()).toEqual(readdirSync(path.join(REPO_ROOT, 'schemas')).filter((f) => /^(evidence-item|pack-config)\./.test(f)).sort());
      const outside = await runCli(['schemas', t.root]);
      expect(outside.code).toBe(2);
      expect(outside.stderr).toContain('no impact-pack.yaml');
    } finally {
      t.cleanup();
    }
  });
});

describe('init\'s example items are reported until they are edited', () => {
  const codesOf = async (pack: string) => {
    const json = JSON.parse((await runCli(['validate', pack, '--format', 'json', '--no-cache'])).stdout);
    return (json.diagnostics as { code: string; file: string }[]).map((d) => `${d.code} ${d.file}`).sort();
  };

  it('flags each example, its values of 0, and example text left in an edited item', async () => {
    const t = tempDir();
    try {
      const pack = path.join(t.root, 'p');
      const init = await runCli(['init', pack, '--edition', '2022']);
      const examples = [...init.stdout.matchAll(/items\/sdg-\d+\/example-\w+\.yaml/g)].map((m) => m[0]);
      expect(examples).toHaveLength(4);
      const fresh = await codesOf(pack);
      for (const file of examples) expect(fresh).toContain(`INIT_EXAMPLE_UNEDITED ${file}`);
      const numeric = examples.find((f) => f.includes('numeric'))!;
      expect(fresh.filter((c) => c === `VALUE_ZERO ${numeric}`).length).toBeGreaterThan(0);

      // An edit to the title alone: no longer the untouched example, but its narrative remains.
      const policy = examples.find((f) => f.includes('policy'))!;
      const abs = path.join(pack, policy);
      writeFileSync(abs, readFileSync(abs, 'utf8').replace(/^title: .*$/m, 'title: "Our energy policy"'));
      const edited = await codesOf(pack);
      expect(edited).not.toContain(`INIT_EXAMPLE_UNEDITED ${policy}`);
      expect(edited.filter((c) => c === `INIT_EXAMPLE_TEXT ${policy}`)).toHaveLength(1);

      // Line endings changed by a checkout are not an edit.
      const practice = path.join(pack, examples.find((f) => f.includes('practice'))!);
      writeFileSync(practice, readFileSync(practice, 'utf8').replace(/\n/g, '\r\n'));
      expect(await codesOf(pack)).toContain(`INIT_EXAMPLE_UNEDITED ${examples.find((f) => f.includes('practice'))}`);
    } finally {
      t.cleanup();
    }
  });

  it('accepts a value of 0 whose figure is quoted from its source', async () => {
    const t = tempDir();
    try {
      const pack = path.join(t.root, 'p');
      const init = await runCli(['init', pack, '--edition', '2022']);
      const numeric = /items\/sdg-\d+\/example-numeric\.yaml/.exec(init.stdout)![0];
      const abs = path.join(pack, numeric);
      writeFileSync(abs, readFileSync(abs, 'utf8').replace(/^( +)value: 0$/gm, '$1value: 0\n$1as_printed: "0"'));
      const codes = await codesOf(pack);
      expect(codes.filter((c) => c.startsWith('VALUE_ZERO'))).toEqual([]);
    } finally {
      t.cleanup();
    }
  });
});

describe('"eligible" needs an SDG 17 item', () => {
  it('a fresh pack that lists SDG 17 under submit but has no SDG 17 item is not called eligible', async () => {
    const t = tempDir();
    try {
      const pack = path.join(t.root, 'p');
      await runCli(['init', pack, '--edition', '2022']);
      const build = await runCli(['build', pack, '--formats', 'html']);
      expect(build.stdout).toContain('Not eligible for the overall table yet: SDG 17 is submitted but has no evidence item.');
      expect(build.stdout).not.toMatch(/^\s*Eligible/m);
      const report = readFileSync(path.join(pack, 'out/gap-report.md'), 'utf8');
      expect(report).not.toMatch(/✅ Eligible/);
      expect(report).toContain('SDG 17 is submitted but has no evidence item');
    } finally {
      t.cleanup();
    }
  });
});
