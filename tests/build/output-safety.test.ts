/**
 * A build never replaces good output with a broken one (issue 13, point 2): a pack with errors exits 1 and leaves
 * every file of the previous output as it was, byte for byte; `--draft` renders it anyway into <out>-draft/, every
 * page marked DRAFT; warnings do not block.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { pdfText } from '../helpers/pdf-text';
import { copyToTemp, tempDir } from '../helpers/temp-pack';
import { unzipText } from '../helpers/zip';
import { leftoversBeside, readOutputTree } from '../hardening/output-tree';
import { draftFolder } from '../../src/cli/commands/build';

const VALID = path.join(__dirname, '../fixtures/packs/valid');
const POLICY = 'items/sdg-07/energy-policy.yaml';

type Break = (root: string) => void;
const edit = (root: string, file: string, change: (text: string) => string): void => {
  const abs = path.join(root, file);
  writeFileSync(abs, change(readFileSync(abs, 'utf8')));
};

/** The breakages of the report (placeholder text, a date typed 30/03/2022, an invalid answer, an item gone wrong), and a broken template. */
const BREAKS: [string, Break][] = [
  ['placeholder text in the narrative', (root) => edit(root, POLICY, (t) => t.replace('The university requires', 'Lorem ipsum dolor. The university requires'))],
  ['a date typed 30/03/2022', (root) => edit(root, POLICY, (t) => t.replace('last_reviewed: "2020-06"', 'last_reviewed: "30/03/2022"'))],
  ['an item whose metric does not exist', (root) => edit(root, POLICY, (t) => t.replace('metric: "7.2.1"', 'metric: "7.9.9"'))],
  ['a second item with the same id', (root) => writeFileSync(path.join(root, 'items/sdg-07/copy.yaml'), readFileSync(path.join(root, POLICY)))],
  [
    'a template that does not compile',
    (root) => {
      mkdirSync(path.join(root, 'templates'), { recursive: true });
      writeFileSync(path.join(root, 'templates/sdg-document.hbs'), '<h1>{{#each groups}}</h1>\n');
    },
  ],
];

describe('a build of a pack with errors', () => {
  let pack: { root: string; cleanup: () => void };
  let work: { root: string; cleanup: () => void };
  let out: string;
  let good: ReturnType<typeof readOutputTree>;

  beforeAll(async () => {
    work = tempDir();
    out = path.join(work.root, 'out');
    const first = copyToTemp(VALID);
    const r = await runCli(['build', first.root, '--out', out]);
    first.cleanup();
    expect(r.code).toBe(0);
    good = readOutputTree(out);
    expect(Object.keys(good as object)).toEqual(expect.arrayContaining(['sdg-07.pdf', 'review/sdg-07.pdf', 'portal/index.html', 'gap-report.md']));
  }, 120_000);
  afterAll(() => work.cleanup());
  beforeEach(() => {
    pack = copyToTemp(VALID);
  });
  afterEach(() => pack.cleanup());

  it.each(BREAKS)('with %s exits 1 and leaves every previous output file byte for byte', async (_name, breakIt) => {
    breakIt(pack.root);
    const r = await runCli(['build', pack.root, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error/);
    expect(r.stderr).toContain('nothing was written; the previous output, if any, is unchanged');
    expect(r.stdout).toBe('');
    expect(readOutputTree(out)).toEqual(good);
    expect(leftoversBeside(out)).toEqual([]);
    expect(existsSync(`${out}-draft`)).toBe(false);
  });

  it('with --draft renders anyway, beside the output, with DRAFT on every page, and leaves the output alone', async () => {
    BREAKS[0][1](pack.root);
    const r = await runCli(['build', pack.root, '--out', out, '--draft']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('DRAFT (--draft)');
    expect(readOutputTree(out)).toEqual(good);
    const draft = `${out}-draft`;
    try {
      // The broken text is there, as asked, and every page of every PDF (submission and review) says DRAFT.
      for (const pdf of ['sdg-07.pdf', 'review/sdg-07.pdf', 'sdg-17.pdf', 'review/sdg-17.pdf']) {
        const pages = pdfText(path.join(draft, pdf)).split('\f').filter((page) => page.trim() !== '');
        expect(pages.length).toBeGreaterThan(1);
        for (const page of pages) expect(page).toMatch(/DRAFT/);
      }
      expect(pdfText(path.join(draft, 'sdg-07.pdf'))).toContain('Lorem ipsum');
      // DOCX: the marking is in the headers, the first page's included.
      const docx = unzipText(readFileSync(path.join(draft, 'sdg-07.docx')));
      const headers = [...docx.entries()].filter(([name]) => /^word\/header\d*\.xml$/.test(name));
      expect(headers.length).toBeGreaterThanOrEqual(2);
      for (const [, xml] of headers) expect(xml).toContain('DRAFT');
      expect(readFileSync(path.join(draft, 'sdg-07.html'), 'utf8')).toMatch(/<div class="marking" role="note">DRAFT/);
      expect(readFileSync(path.join(draft, 'portal/index.html'), 'utf8')).toMatch(/<div class="marking" role="note">DRAFT/);
    } finally {
      rmSync(draft, { recursive: true, force: true });
    }
  }, 120_000);

  it('with warnings only is built and replaces the output', async () => {
    // A description limit of 10 characters turns every portal description into a warning; warnings never block.
    edit(pack.root, 'impact-pack.yaml', (t) => `${t}portal:\n  description_max_chars: 10\n`);
    const second = path.join(work.root, 'second');
    const r = await runCli(['build', pack.root, '--out', second]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('PORTAL_DESCRIPTION_TOO_LONG');
    expect(r.stderr).toMatch(/items\/sdg-07\/energy-policy\.yaml\n\s+6:\d+\s+warning/);
    expect(readdirSync(second)).toEqual(expect.arrayContaining(['sdg-07.pdf', 'review', 'portal']));
  }, 120_000);
});

describe('the submission documents without the review marking', () => {
  it('say DRAFT nowhere, while the review edition says it on every page', async () => {
    const work = tempDir();
    try {
      const out = path.join(work.root, 'out');
      expect((await runCli(['build', VALID, '--out', out, '--formats', 'pdf'])).code).toBe(0);
      expect(pdfText(path.join(out, 'sdg-07.pdf'))).not.toMatch(/DRAFT/);
      const pages = pdfText(path.join(out, 'review/sdg-07.pdf')).split('\f').filter((page) => page.trim() !== '');
      for (const page of pages) expect(page).toContain('DRAFT: review edition for the office, not for submission');
    } finally {
      work.cleanup();
    }
  }, 120_000);
});

describe('where build --draft writes', () => {
  it.each([
    ['/work/pack/out', '/work/pack/out-draft'],
    ['/work/pack/out/', '/work/pack/out-draft'],
    ['/work/build', '/work/build-draft'],
    ['/', '/out-draft'],
  ])('beside %s: %s', (out, draft) => {
    expect(draftFolder(out)).toBe(draft);
  });
});
