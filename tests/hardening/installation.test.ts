import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import path from 'node:path';
import type { runCli as RunCli } from '../helpers/run-cli';
import { copyToTemp, REPO_ROOT, tempDir } from '../helpers/temp-pack';
import { leftoversBeside, readOutputTree } from './output-tree';

/**
 * A damaged installation (the fonts package or the default templates missing or corrupt) is named as such:
 * INSTALL_DAMAGED, exit 2, nothing written, the previous output whole, no stack trace. The damage is played
 * by making Node's own file reads fail or return garbage for those files only, in a fresh module registry
 * per case, since the PDF renderer keeps fonts it has loaded for the rest of the process.
 */
const VALID = path.join(__dirname, '../fixtures/packs/valid');
const TEMPLATES = path.join(REPO_ROOT, 'templates');
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
const isFont = (file: unknown) => String(file).includes('dejavu-fonts-ttf');
const isDefaultTemplate = (file: unknown) => String(file).startsWith(TEMPLATES + path.sep);
const enoent = (file: unknown) => Object.assign(new Error(`ENOENT: no such file or directory, open '${String(file)}'`), { code: 'ENOENT' });

let work: { root: string; cleanup: () => void };
let pack: { root: string; cleanup: () => void };
let out: string;

// One previous output for every case: a refused build must leave it exactly as it is.
beforeAll(async () => {
  pack = copyToTemp(VALID);
  work = tempDir();
  out = path.join(work.root, 'out');
  await withFreshModules(async (runCli) => expect((await runCli(['build', pack.root, '--out', out])).code).toBe(0));
}, 120_000);

afterEach(() => jest.restoreAllMocks());

afterAll(() => {
  pack.cleanup();
  work.cleanup();
});

async function withFreshModules(fn: (runCli: typeof RunCli) => Promise<void>): Promise<void> {
  await jest.isolateModulesAsync(async () => {
    const { runCli } = require('../helpers/run-cli') as { runCli: typeof RunCli };
    await fn(runCli);
  });
}

async function expectDamageReported(args: string[], message: RegExp): Promise<void> {
  const previous = readOutputTree(out);
  await withFreshModules(async (runCli) => {
    const run = await runCli(['build', pack.root, '--out', out, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('INSTALL_DAMAGED');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('reinstall');
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });
  expect(readOutputTree(out)).toEqual(previous);
  expect(leftoversBeside(out)).toEqual([]);
}

test('missing fonts', async () => {
  const real = fsPromises.readFile;
  jest.spyOn(fsPromises, 'readFile').mockImplementation(((file: Parameters<typeof real>[0], ...rest: unknown[]) =>
    isFont(file) ? Promise.reject(enoent(file)) : (real as (...a: unknown[]) => unknown)(file, ...rest)) as typeof real);
  await expectDamageReported([], /The PDF fonts shipped with impact-pack cannot be loaded: ENOENT/);
}, 120_000);

test('corrupt fonts', async () => {
  const real = fsPromises.readFile;
  jest.spyOn(fsPromises, 'readFile').mockImplementation(((file: Parameters<typeof real>[0], ...rest: unknown[]) =>
    isFont(file) ? Promise.resolve(Buffer.from('<html>404 Not Found</html>')) : (real as (...a: unknown[]) => unknown)(file, ...rest)) as typeof real);
  await expectDamageReported([], /The PDF fonts shipped with impact-pack cannot be loaded/);
}, 120_000);

test('without fonts, a build that needs none still works', async () => {
  const real = fsPromises.readFile;
  jest.spyOn(fsPromises, 'readFile').mockImplementation(((file: Parameters<typeof real>[0], ...rest: unknown[]) =>
    isFont(file) ? Promise.reject(enoent(file)) : (real as (...a: unknown[]) => unknown)(file, ...rest)) as typeof real);
  await withFreshModules(async (runCli) => {
    const run = await runCli(['build', pack.root, '--out', path.join(work.root, 'out-without-pdf'), '--formats', 'html,docx']);
    expect(run.code).toBe(0);
  });
}, 120_000);

test('missing default templates', async () => {
  const real = fs.readFileSync;
  jest.spyOn(fs, 'readFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (isDefaultTemplate(file)) throw enoent(file);
    return (real as (...a: unknown[]) => unknown)(file, ...rest);
  }) as typeof real);
  await expectDamageReported(['--formats', 'html'], /The default templates shipped with impact-pack cannot be read: ENOENT/);
}, 120_000);

test('a corrupt default template', async () => {
  const real = fs.readFileSync;
  jest.spyOn(fs, 'readFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, ...rest: unknown[]) =>
    isDefaultTemplate(file) && String(file).endsWith('sdg-document.hbs') ? '{{#each groups}}<h1>' : (real as (...a: unknown[]) => unknown)(file, ...rest)) as typeof real);
  await expectDamageReported(['--formats', 'html'], /The default template templates\/sdg-document.hbs shipped with impact-pack does not compile/);
}, 120_000);
