import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildPack, type BuildOptions } from '../../src/pipeline/build';
import { runCli } from '../helpers/run-cli';
import { FIXED, REPO_ROOT, tempDir } from '../helpers/temp-pack';
import { ageFiles, copyPack } from './helpers';

const VALID = path.join(REPO_ROOT, 'tests/fixtures/packs/valid');
const ITEM_7 = 'items/sdg-07/energy-policy.yaml';

/** PDF and HTML only: DOCX takes most of the rendering time and goes through the same reuse path. */
const options = (outDir: string, extra: Partial<BuildOptions> = {}): BuildOptions => ({
  outDir,
  formats: ['pdf', 'html'],
  version: '0.0.0-test',
  env: FIXED.env,
  now: FIXED.now,
  ...extra,
});

const outcome = (r: Awaited<ReturnType<typeof buildPack>>) => Object.fromEntries((r.documents ?? []).map((d) => [d.sdg, d.reused ? 'reused' : 'rendered']));

describe('incremental build', () => {
  let pack: { root: string; cleanup: () => void };
  let out: { root: string; cleanup: () => void };
  beforeEach(() => {
    pack = copyPack(VALID);
    // A character no PDF font has: its warning must survive reuse of the document.
    const file = path.join(pack.root, ITEM_7);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, 'title: $1 漢'));
    ageFiles(pack.root);
    out = tempDir();
  });
  afterEach(() => {
    pack.cleanup();
    out.cleanup();
  });

  it('re-renders only the SDG whose item changed, takes the others over byte for byte, and keeps their warnings', async () => {
    const outDir = path.join(out.root, 'out');
    const first = await buildPack(pack.root, options(outDir));
    expect(first.written.length).toBeGreaterThan(0);
    expect(outcome(first)).toEqual({ 7: 'rendered', 17: 'rendered' });
    expect(first.diagnostics.map((d) => d.code)).toContain('GLYPH_MISSING');
    const sdg17 = readFileSync(path.join(outDir, 'sdg-17.pdf'));
    const sdg7 = readFileSync(path.join(outDir, 'sdg-07.pdf'));

    const again = await buildPack(pack.root, options(outDir));
    expect(outcome(again)).toEqual({ 7: 'reused', 17: 'reused' });
    expect(again.diagnostics).toEqual(first.diagnostics);
    expect(readFileSync(path.join(outDir, 'sdg-07.pdf')).equals(sdg7)).toBe(true);

    const file = path.join(pack.root, ITEM_7);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: /m, 'title: Revised '));
    const changed = await buildPack(pack.root, options(outDir));
    expect(outcome(changed)).toEqual({ 7: 'rendered', 17: 'reused' });
    expect(changed.documents!.find((d) => d.sdg === 7)).toEqual({ sdg: 7, reused: false, reasons: [`${ITEM_7} changed`] });
    expect(readFileSync(path.join(outDir, 'sdg-17.pdf')).equals(sdg17)).toBe(true);
    expect(readFileSync(path.join(outDir, 'sdg-07.html'), 'utf8')).toContain('Revised');

    // The same documents as a build from scratch.
    const fresh = await buildPack(pack.root, options(path.join(out.root, 'fresh')));
    for (const name of ['sdg-07.pdf', 'sdg-07.html', 'sdg-17.pdf', 'sdg-17.html']) {
      expect(readFileSync(path.join(out.root, 'fresh', name)).equals(readFileSync(path.join(outDir, name)))).toBe(true);
    }
    expect(fresh.diagnostics).toEqual(changed.diagnostics);
  });

  it('renders a document again when its file in the output folder was edited, or its template changed', async () => {
    const outDir = path.join(out.root, 'out');
    await buildPack(pack.root, options(outDir));
    writeFileSync(path.join(outDir, 'sdg-17.html'), 'edited by hand');
    const repaired = await buildPack(pack.root, options(outDir));
    expect(outcome(repaired)).toEqual({ 7: 'reused', 17: 'rendered' });
    expect(readFileSync(path.join(outDir, 'sdg-17.html'), 'utf8')).not.toBe('edited by hand');

    mkdirSync(path.join(pack.root, 'templates', 'partials'), { recursive: true });
    const defaults = path.join(REPO_ROOT, 'templates');
    writeFileSync(path.join(pack.root, 'templates', 'sdg-document.hbs'), `${readFileSync(path.join(defaults, 'sdg-document.hbs'), 'utf8')}<p>Local note.</p>\n`);
    const templated = await buildPack(pack.root, options(outDir));
    expect(outcome(templated)).toEqual({ 7: 'rendered', 17: 'rendered' });
    expect(templated.documents!.every((d) => !d.reused && d.reasons[0] === 'settings, templates or options changed')).toBe(true);
  });

  it('reuses nothing with cache: false, when other formats are asked for, or for another output folder', async () => {
    const outDir = path.join(out.root, 'out');
    await buildPack(pack.root, options(outDir));
    expect(outcome(await buildPack(pack.root, options(outDir, { cache: false })))).toEqual({ 7: 'rendered', 17: 'rendered' });
    await buildPack(pack.root, options(outDir));
    expect(outcome(await buildPack(pack.root, options(outDir, { formats: ['html'] })))).toEqual({ 7: 'rendered', 17: 'rendered' });
    const other = path.join(out.root, 'other');
    const elsewhere = await buildPack(pack.root, options(other, { formats: ['html'] }));
    expect(elsewhere.documents).toEqual([{ sdg: 7, reused: false, reasons: [] }, { sdg: 17, reused: false, reasons: [] }]);
    expect(outcome(await buildPack(pack.root, options(other, { formats: ['html'] })))).toEqual({ 7: 'reused', 17: 'reused' });
  });

  it('says so in the summary of `impact-pack build`', async () => {
    const outDir = path.join(out.root, 'out');
    const first = await runCli(['build', pack.root, '--out', outDir, '--formats', 'pdf,html']);
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain('reused');
    const second = await runCli(['build', pack.root, '--out', outDir, '--formats', 'pdf,html']);
    expect(second.stdout).toContain('Nothing changed in the SDG documents: 2 unchanged SDG document(s) reused from the previous build');
    const file = path.join(pack.root, ITEM_7);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: /m, 'title: Revised '));
    const third = await runCli(['build', pack.root, '--out', outDir, '--formats', 'pdf,html']);
    expect(third.stdout).toContain(`Re-rendered SDG 7 (${ITEM_7} changed); 1 unchanged SDG document(s) reused from the previous build.`);
  });
});
