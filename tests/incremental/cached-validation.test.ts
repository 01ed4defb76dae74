import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { validateIncrementally } from '../../src/incremental/cached-validation';
import { VALIDATION_STATE_FILE } from '../../src/incremental/validation-state';
import { CACHE_FOLDER } from '../../src/files/cache-folder';
import { loadPack } from '../../src/pipeline/load-pack';
import { runCli } from '../helpers/run-cli';
import { FIXED, REPO_ROOT } from '../helpers/temp-pack';
import { ageFiles, copyPack } from './helpers';

const VALID = path.join(REPO_ROOT, 'tests/fixtures/packs/valid');
const ITEM = 'items/sdg-07/energy-policy.yaml';
const OPTIONS = { env: FIXED.env, now: FIXED.now };

describe('validate with saved results', () => {
  let pack: { root: string; cleanup: () => void };
  beforeEach(() => {
    pack = copyPack(VALID);
    ageFiles(pack.root);
  });
  afterEach(() => pack.cleanup());

  it('answers an unchanged pack from the last full run, with the same diagnostics', async () => {
    const first = await validateIncrementally(pack.root, OPTIONS);
    expect(first.reused).toBe(false);
    expect(existsSync(path.join(pack.root, CACHE_FOLDER, VALIDATION_STATE_FILE))).toBe(true);
    const second = await validateIncrementally(pack.root, OPTIONS);
    expect(second.reused).toBe(true);
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(second.diagnostics).toEqual((await loadPack(pack.root, OPTIONS)).diagnostics);
  });

  it('validates again when an evidence file changes, and finds the new problem', async () => {
    await validateIncrementally(pack.root, OPTIONS);
    const file = path.join(pack.root, ITEM);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: /m, 'title: TODO '));
    const changed = await validateIncrementally(pack.root, OPTIONS);
    expect(changed.reused).toBe(false);
    expect(changed.diagnostics.map((d) => d.code)).toContain('PLACEHOLDER_TEXT');
    // The file was saved just now: its result is not kept, since it could change again within the same clock tick.
    expect((await validateIncrementally(pack.root, OPTIONS)).reused).toBe(false);
    ageFiles(pack.root);
    await validateIncrementally(pack.root, OPTIONS);
    const again = await validateIncrementally(pack.root, OPTIONS);
    expect(again.reused).toBe(true);
    expect(again.diagnostics.map((d) => d.code)).toContain('PLACEHOLDER_TEXT');
  });

  it('does not reuse results across the dates the checks take as today', async () => {
    const config = path.join(pack.root, 'impact-pack.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^build_date:.*\n/m, ''));
    ageFiles(pack.root);
    await validateIncrementally(pack.root, OPTIONS);
    expect((await validateIncrementally(pack.root, OPTIONS)).reused).toBe(true);
    expect((await validateIncrementally(pack.root, { ...OPTIONS, now: new Date('2021-11-02T12:00:00Z') })).reused).toBe(false);
    expect((await validateIncrementally(pack.root, { ...OPTIONS, env: { SOURCE_DATE_EPOCH: '1600000000' } })).reused).toBe(false);
    expect((await validateIncrementally(pack.root, { ...OPTIONS, env: { SOURCE_DATE_EPOCH: '1600000000' } })).reused).toBe(true);
  });

  it('ignores a damaged state file and replaces it', async () => {
    await validateIncrementally(pack.root, OPTIONS);
    const state = path.join(pack.root, CACHE_FOLDER, VALIDATION_STATE_FILE);
    writeFileSync(state, readFileSync(state, 'utf8').replace('"inputs":"', '"inputs":"0'));
    expect((await validateIncrementally(pack.root, OPTIONS)).reused).toBe(false);
    expect((await validateIncrementally(pack.root, OPTIONS)).reused).toBe(true);
  });

  it('reads and writes nothing with cache: false', async () => {
    const r = await validateIncrementally(pack.root, { ...OPTIONS, cache: false });
    expect(r.reused).toBe(false);
    expect(existsSync(path.join(pack.root, CACHE_FOLDER))).toBe(false);
  });

  it('prints the same report from `validate` whether or not the result was reused', async () => {
    const first = await runCli(['validate', pack.root, '--format', 'json']);
    const second = await runCli(['validate', pack.root, '--format', 'json']);
    expect(second).toEqual(first);
    const fresh = await runCli(['validate', pack.root, '--format', 'json', '--no-cache']);
    expect(fresh).toEqual(first);
  });
});
