import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { readTarGz } from '../helpers/tar';
import { REPO_ROOT, tempDir } from '../helpers/temp-pack';

/**
 * The package as people get it: `npm pack` on a copy of the sources with no dist/ (a fresh clone), the tarball
 * installed into a temporary global prefix, and the installed command used from a folder outside the
 * repository. npm fetches the package's dependencies from its cache (filled by `npm ci`) or the registry.
 */

/** What a fresh clone has: the sources without what the build, the tests and npm leave behind. */
const NOT_IN_A_CLONE = new Set(['.git', 'node_modules', 'dist', 'out', 'coverage', '.impact-pack-cache']);

/** A clean environment, without the npm_* variables of the `npm test` that runs these tests. */
function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

describe('the package, packed, installed and used outside the repository', () => {
  const work = tempDir();
  const clone = path.join(work.root, 'clone');
  const prefix = path.join(work.root, 'prefix');
  const outside = path.join(work.root, 'elsewhere');
  let packed: { filename: string; files: { path: string }[] };
  const version = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version;
  const cli = (args: string[]) => spawnSync(path.join(prefix, 'bin', 'impact-pack'), args, { cwd: outside, encoding: 'utf8', env: cleanEnv({ NO_COLOR: '1' }) });

  beforeAll(() => {
    cpSync(REPO_ROOT, clone, { recursive: true, filter: (src) => !NOT_IN_A_CLONE.has(path.relative(REPO_ROOT, src).split(path.sep)[0]) });
    // The dependencies `npm ci` installed, for prepack's build.
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
    expect(existsSync(path.join(clone, 'dist'))).toBe(false);
    const json = ok(spawnSync('npm', ['pack', '--json', '--pack-destination', work.root], { cwd: clone, encoding: 'utf8', env: cleanEnv() }), 'npm pack');
    packed = JSON.parse(json.slice(json.indexOf('[')))[0];
    ok(
      spawnSync('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', path.join(work.root, packed.filename)], { cwd: work.root, encoding: 'utf8', env: cleanEnv() }),
      'npm install --global',
    );
    cpSync(path.join(REPO_ROOT, 'LICENSE'), path.join(outside, 'unrelated.txt'));
  }, 300_000);
  afterAll(() => work.cleanup());

  it('carries the built code, the licence, the README and the docs, and nothing of the sources or tests', () => {
    const files = packed.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/impact-pack.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/run.js', 'docs/ci.md', 'templates/sdg-document.hbs']));
    expect(files.filter((f) => /^(src|tests|evidence|scripts|node_modules)\//.test(f))).toEqual([]);
    // prepack built dist/ afresh: every compiled module has its source.
    const orphans = files.filter((f) => /^dist\/(?!precompiled\/).*\.js$/.test(f) && !existsSync(path.join(REPO_ROOT, f.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'))));
    expect(orphans).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(prefix, 'lib/node_modules/impact-pack/package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'impact-pack', version, license: 'MIT', bin: { 'impact-pack': 'bin/impact-pack.js' } });
    expect(readFileSync(path.join(prefix, 'lib/node_modules/impact-pack/LICENSE'), 'utf8')).toContain('Copyright (c) 2026 impact-pack contributors');
  });

  it('runs init, validate and build from the install, outside the repository', () => {
    expect(ok(cli(['--version']), 'impact-pack --version').trim()).toBe(version);
    ok(cli(['init', 'my-pack', '--institution', 'University of Example']), 'impact-pack init');
    const validate = cli(['validate', 'my-pack']);
    expect(validate.stderr).toBe('');
    expect(validate.status).toBe(0);
    const build = cli(['build', 'my-pack']);
    // The new pack's example items are flagged as examples until edited, and nothing else is reported.
    const codes = [...build.stderr.matchAll(/\s([A-Z][A-Z0-9_]+)$/gm)].map((m) => m[1]);
    expect([...new Set(codes)].sort()).toEqual(['INIT_EXAMPLE_UNEDITED', 'VALUE_ZERO']);
    expect(build.stderr).toContain('0 error(s)');
    expect(build.status).toBe(0);
    const out = readdirSync(path.join(outside, 'my-pack', 'out'));
    expect(out).toEqual(expect.arrayContaining(['gap-report.md', 'manifest.json']));
    expect(out.filter((f) => /^sdg-\d\d\.(pdf|docx|html)$/.test(f)).length).toBeGreaterThanOrEqual(3);
    expect(readFileSync(path.join(outside, 'my-pack', 'out', 'gap-report.md'), 'utf8')).toContain('University of Example');
  });

  it('vendors into the new pack a tarball with exactly the files npm pack put into the package', () => {
    const vendored = readTarGz(readFileSync(path.join(outside, 'my-pack', 'vendor', `impact-pack-${version}.tgz`)));
    expect(vendored.map((f) => f.path.replace(/^package\//, '')).sort()).toEqual(packed.files.map((f) => f.path).sort());
  });
});
