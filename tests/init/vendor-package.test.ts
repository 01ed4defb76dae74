import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packInstallation, tarballName, vendoredTarballPath } from '../../src/init/vendor-package';
import { readTarGz } from '../helpers/tar';
import { tempDir } from '../helpers/temp-pack';

/** An installed package as npm lays it out: what `files` names, plus what npm put beside it. */
function installation(extra: Record<string, string> = {}) {
  const longName = `${'deep/'.repeat(22)}module.js`;
  const t = tempDir({
    'package.json': JSON.stringify({ name: 'impact-pack', version: '9.8.7', main: 'dist/index.js', bin: { 'impact-pack': 'bin/cli.js' }, files: ['bin', 'dist', 'criteria/'] }),
    'README.md': '# readme\n',
    LICENSE: 'MIT\n',
    'bin/cli.js': '#!/usr/bin/env node\n',
    'dist/index.js': 'module.exports = {};\n',
    [`dist/${longName}`]: 'long\n',
    'criteria/the-2026.yaml': 'edition: "2026"\n',
    // Never part of the package: dependencies, a lockfile, sources not in `files`, VCS data.
    'node_modules/yaml/index.js': '',
    'dist/node_modules/x.js': '',
    'package-lock.json': '{}',
    'src/index.ts': '',
    'criteria/.git/HEAD': '',
    ...extra,
  });
  chmodSync(path.join(t.root, 'bin/cli.js'), 0o755);
  return { ...t, longName };
}

describe('the package tarball init vendors into a new pack', () => {
  it('holds what npm pack would: files, README, licence, package.json, under package/, executables kept executable', async () => {
    const inst = installation();
    try {
      const r = await packInstallation(inst.root);
      expect(r.problem).toBeUndefined();
      expect(r.value!.file).toBe('impact-pack-9.8.7.tgz');
      const files = readTarGz(r.value!.bytes);
      expect(files.map((f) => f.path)).toEqual([
        'package/LICENSE',
        'package/README.md',
        'package/bin/cli.js',
        'package/criteria/the-2026.yaml',
        `package/dist/${inst.longName}`,
        'package/dist/index.js',
        'package/package.json',
      ]);
      expect(files.find((f) => f.path === 'package/bin/cli.js')!.mode).toBe(0o755);
      expect(files.find((f) => f.path === 'package/dist/index.js')!.mode).toBe(0o644);
      expect(files.find((f) => f.path.endsWith('module.js'))!.bytes.toString()).toBe('long\n');
    } finally {
      inst.cleanup();
    }
  });

  it('gives the same bytes twice (a pack made again vendors the same file)', async () => {
    const inst = installation();
    try {
      expect((await packInstallation(inst.root)).value!.bytes.equals((await packInstallation(inst.root)).value!.bytes)).toBe(true);
    } finally {
      inst.cleanup();
    }
  });

  it('reports a checkout that was never built instead of vendoring a package that cannot run', async () => {
    const inst = installation();
    try {
      mkdirSync(path.join(inst.root, 'dist'), { recursive: true });
      writeFileSync(path.join(inst.root, 'package.json'), JSON.stringify({ name: 'impact-pack', version: '1.0.0', main: 'dist/missing.js', files: ['dist'] }));
      const r = await packInstallation(inst.root);
      expect(r.value).toBeUndefined();
      expect(r.problem).toMatch(/has no dist\/missing\.js .*npm run build:ts/);
    } finally {
      inst.cleanup();
    }
  });

  it('names the tarball as npm pack does', () => {
    expect(tarballName('impact-pack', '0.1.0')).toBe('impact-pack-0.1.0.tgz');
    expect(tarballName('@uni/impact-pack', '2.0.0')).toBe('uni-impact-pack-2.0.0.tgz');
    expect(vendoredTarballPath('0.1.0')).toBe('vendor/impact-pack-0.1.0.tgz');
  });
});
