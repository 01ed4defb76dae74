import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { copyToTemp, tempDir } from '../helpers/temp-pack';
import { readOutputTree } from './output-tree';
import { fingerprintPack } from './pack-fingerprint';

/**
 * The pack's cache folder (.impact-pack-cache: supporting-file hashes, document reuse) only ever saves time.
 * Whatever happens to a cache file (garbage, truncation, another shape, a folder or a link in its place)
 * validate reports exactly what it reports without a cache, build writes the same bytes, nothing is read
 * through a link, and the next run leaves a working cache behind: a corrupt cache is rebuilt. The cache
 * files are discovered after a first run, so caches added later are covered too.
 */
const VALID = path.join(__dirname, '../fixtures/packs/valid');
const CACHE = '.impact-pack-cache';

type Corruption = [string, (file: string) => void];

const CORRUPTIONS: Corruption[] = [
  ['garbage bytes', (file) => writeFileSync(file, Buffer.from([0xff, 0x00, 0x13, 0x37, 0xc3, 0x28]))],
  ['cut off in the middle', (file) => writeFileSync(file, readFileSync(file).subarray(0, Math.floor(readFileSync(file).length / 2)))],
  ['empty', (file) => writeFileSync(file, '')],
  ['JSON of another shape', (file) => writeFileSync(file, '{"entries": [1, 2, 3], "version": 999}\n')],
  ['a hash edited by hand', (file) => writeFileSync(file, readFileSync(file, 'utf8').replace(/[0-9a-f]{64}/, '0'.repeat(64)))],
  ['a folder in its place', (file) => {
    rmSync(file);
    mkdirSync(file);
  }],
  ['a link to a file outside the pack', (file) => {
    rmSync(file);
    symlinkSync('/etc/passwd', file);
  }],
];

let pack: { root: string; cleanup: () => void };
let work: { root: string; cleanup: () => void };
let cacheFiles: string[];
let cleanValidate: string;
let cleanBuild: ReturnType<typeof readOutputTree>;

const validateJson = async () => {
  const run = await runCli(['validate', pack.root, '--format', 'json']);
  return `${run.code} ${run.stdout} ${run.stderr}`;
};

beforeAll(async () => {
  pack = copyToTemp(VALID);
  work = tempDir();
  rmSync(path.join(pack.root, CACHE), { recursive: true, force: true });
  // Files modified just now are not cached (they could change again within the clock's tick); age them.
  for (const [file, info] of Object.entries(fingerprintPack(pack.root))) {
    if (info.startsWith('file ')) utimesSync(path.join(pack.root, file), new Date('2021-01-01'), new Date('2021-01-01'));
  }
  cleanValidate = await validateJson();
  const first = await runCli(['build', pack.root, '--out', path.join(work.root, 'clean'), '--formats', 'html']);
  expect(first.code).toBe(0);
  cleanBuild = readOutputTree(path.join(work.root, 'clean'));
  cacheFiles = readdirSync(path.join(pack.root, CACHE)).sort();
}, 300_000);

afterAll(() => {
  pack.cleanup();
  work.cleanup();
});

test('validate and build leave cache files behind to corrupt', () => {
  expect(cacheFiles).toEqual(expect.arrayContaining(['file-hashes.json']));
});

const build = (out: string) => runCli(['build', pack.root, '--out', out, '--formats', 'html']);

describe.each(CORRUPTIONS)('a cache file that is %s', (_name, corrupt) => {
  it('changes nothing in the results, and is rebuilt (or, when a folder or link stands there, left alone)', async () => {
    for (const name of cacheFiles) {
      const file = path.join(pack.root, CACHE, name);
      corrupt(file);
      expect({ name, validate: await validateJson() }).toEqual({ name, validate: cleanValidate });
      const out = path.join(work.root, `out-${name}`);
      expect({ name, code: (await build(out)).code }).toEqual({ name, code: 0 });
      expect(readOutputTree(out)).toEqual(cleanBuild);
      rmSync(out, { recursive: true, force: true });
      const entry = lstatSync(file);
      if (entry.isFile()) {
        // Rewritten by the runs above, as the JSON the cache code writes (under its seal line, when it is sealed).
        const text = readFileSync(file, 'utf8').replace(/^#impact-pack-seal [^\n]*\n/, '');
        expect({ name, rebuilt: typeof JSON.parse(text) }).toEqual({ name, rebuilt: 'object' });
      } else {
        // A folder or a link is never written through or replaced; removing it lets the next run rebuild.
        expect(entry.isDirectory() || entry.isSymbolicLink()).toBe(true);
        rmSync(file, { recursive: true, force: true });
        await validateJson();
        await build(out);
        rmSync(out, { recursive: true, force: true });
      }
    }
  }, 600_000);
});
