import { mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CACHE_FOLDER } from '../../src/files/cache-folder';
import { validateIncrementally } from '../../src/incremental/cached-validation';
import { statTree } from '../../src/incremental/stat-walk';
import { toolFingerprint } from '../../src/incremental/tool-fingerprint';
import { serialiseValidationState, VALIDATION_STATE_FILE } from '../../src/incremental/validation-state';
import { FIXED, REPO_ROOT } from '../helpers/temp-pack';
import { ageFiles, copyPack } from '../incremental/helpers';

/** Caches only save time: a forged, committed or misplaced cache never turns a broken pack clean. */
const VALID = path.join(REPO_ROOT, 'tests/fixtures/packs/valid');
const ITEM = 'items/sdg-07/energy-policy.yaml';
const OPTIONS = { env: FIXED.env, now: FIXED.now };

/** Breaks the item without changing its size or modification time, so that only its content tells. */
function breakInPlace(root: string): void {
  const file = path.join(root, ITEM);
  const before = statSync(file);
  const text = readFileSync(file, 'utf8');
  const broken = text.replace('metric: "7.2.1"', 'metric: "9.9.9"');
  expect(broken.length).toBe(text.length);
  writeFileSync(file, broken);
  utimesSync(file, before.atime, before.mtime);
}

const errors = (d: { severity: string; code: string }[]) => d.filter((x) => x.severity === 'error').map((x) => x.code);

it('ignores a forged validation.json that names the pack\'s exact inputs and the tool, but lacks this machine\'s seal', async () => {
  const pack = copyPack(VALID);
  try {
    breakInPlace(pack.root);
    ageFiles(pack.root);
    // Everything a forger can compute from the checkout: the inputs digest and the tool's fingerprint.
    const inputs = statTree(pack.root, [], (rel) => rel.startsWith(`${CACHE_FOLDER}/`)).digest;
    mkdirSync(path.join(pack.root, CACHE_FOLDER));
    writeFileSync(path.join(pack.root, CACHE_FOLDER, VALIDATION_STATE_FILE), serialiseValidationState({ inputs, tool: toolFingerprint(), asOf: { source: 'config' }, diagnostics: [] }));
    const result = await validateIncrementally(pack.root, OPTIONS);
    expect(result.reused).toBe(false);
    expect(errors(result.diagnostics)).toContain('METRIC_UNKNOWN');
  } finally {
    pack.cleanup();
  }
});

it('with CI set, does not read a cache found in the checkout, even one this machine sealed', async () => {
  const pack = copyPack(VALID);
  try {
    ageFiles(pack.root);
    const clean = await validateIncrementally(pack.root, OPTIONS);
    expect(errors(clean.diagnostics)).toEqual([]);
    breakInPlace(pack.root);
    // Outside CI the sealed result of the earlier run is trusted (same paths, sizes and times).
    expect((await validateIncrementally(pack.root, OPTIONS)).reused).toBe(true);
    const ci = await validateIncrementally(pack.root, { ...OPTIONS, env: { CI: 'true' } });
    expect(ci.reused).toBe(false);
    expect(errors(ci.diagnostics)).toContain('METRIC_UNKNOWN');
  } finally {
    pack.cleanup();
  }
});

it('treats items kept under the cache folder as inputs: an edit there is validated again', async () => {
  const pack = copyPack(VALID);
  try {
    mkdirSync(path.join(pack.root, CACHE_FOLDER));
    renameSync(path.join(pack.root, 'items'), path.join(pack.root, CACHE_FOLDER, 'items'));
    const config = path.join(pack.root, 'impact-pack.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}folders:\n  items: ${CACHE_FOLDER}/items\n`);
    ageFiles(pack.root);
    const first = await validateIncrementally(pack.root, OPTIONS);
    expect(errors(first.diagnostics)).toEqual([]);
    const file = path.join(pack.root, CACHE_FOLDER, ITEM);
    writeFileSync(file, readFileSync(file, 'utf8').replace('metric: "7.2.1"', 'metric: "99.99.99"'));
    ageFiles(pack.root);
    const second = await validateIncrementally(pack.root, OPTIONS);
    expect(second.reused).toBe(false);
    expect(errors(second.diagnostics)).toContain('METRIC_UNKNOWN');
  } finally {
    pack.cleanup();
  }
});
