import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { pdfPages, pdfText, qpdfCheck } from '../helpers/pdf-text';
import { copyToTemp, tempDir } from '../helpers/temp-pack';
import { unzipText } from '../helpers/zip';

const VALID = path.join(__dirname, '../fixtures/packs/valid');

describe('impact-pack build', () => {
  let work: { root: string; cleanup: () => void };
  beforeEach(() => {
    work = tempDir();
  });
  afterEach(() => work.cleanup());

  it('writes one PDF, DOCX and HTML per SDG with evidence, and the gap report', async () => {
    const out = path.join(work.root, 'out');
    const r = await runCli(['build', VALID, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      [
        '.impact-pack-output',
        'gap-report.docx',
        'gap-report.html',
        'gap-report.json',
        'gap-report.md',
        'gap-report.pdf',
        'manifest.json',
        'portal',
        'review',
        'sdg-07.docx',
        'sdg-07.html',
        'sdg-07.pdf',
        'sdg-17.docx',
        'sdg-17.html',
        'sdg-17.pdf',
        'traceability-files.csv',
        'traceability-metrics.csv',
        'traceability.json',
      ].sort(),
    );
    expect(r.stdout).toContain('2 SDG document(s)');

    const pdf = path.join(out, 'sdg-07.pdf');
    const text = pdfText(pdf);
    expect(text).toContain('Energy-efficient building policy');
    expect(text).toContain('Test University');
    // The submission shows what was submitted; the gaps are the review edition's.
    expect(text).not.toMatch(/Nothing submitted/i);
    expect(pdfText(path.join(out, 'review', 'sdg-07.pdf'))).toMatch(/Nothing submitted/i);
    expect(readdirSync(path.join(out, 'review')).sort()).toEqual(['sdg-07.docx', 'sdg-07.html', 'sdg-07.pdf', 'sdg-17.docx', 'sdg-17.html', 'sdg-17.pdf']);
    expect(pdfPages(pdf)).toBeGreaterThan(1);
    expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors/);

    const docXml = unzipText(readFileSync(path.join(out, 'sdg-17.docx'))).get('word/document.xml') ?? '';
    expect(docXml).toContain('Cross-sector dialogue on the SDGs');

    const gap = JSON.parse(readFileSync(path.join(out, 'gap-report.json'), 'utf8'));
    expect(gap.eligibility.eligible).toBe(true);
    const m721 = gap.sdgs.find((s: { sdg: number }) => s.sdg === 7).metrics.find((m: { metric: string }) => m.metric === '7.2.1');
    expect(m721.status).toBe('complete');
    const md = readFileSync(path.join(out, 'gap-report.md'), 'utf8');
    expect(md).toContain('# Gap report: Test University');
  });

  it('builds the same bytes twice', async () => {
    await runCli(['build', VALID, '--out', path.join(work.root, 'a')]);
    await runCli(['build', VALID, '--out', path.join(work.root, 'b')]);
    for (const f of ['sdg-07.pdf', 'sdg-07.html', 'review/sdg-07.pdf', 'review/sdg-07.docx', 'portal/index.html', 'portal/answers.json', 'portal/answers.csv', 'gap-report.json', 'gap-report.md']) {
      expect(readFileSync(path.join(work.root, 'b', f)).equals(readFileSync(path.join(work.root, 'a', f)))).toBe(true);
    }
  });

  it('leaves the previous output whole when a template is broken', async () => {
    const pack = copyToTemp(VALID);
    try {
      const out = path.join(work.root, 'out');
      expect((await runCli(['build', pack.root, '--out', out])).code).toBe(0);
      const before = readFileSync(path.join(out, 'sdg-07.pdf'));
      mkdirSync(path.join(pack.root, 'templates'), { recursive: true });
      writeFileSync(path.join(pack.root, 'templates', 'sdg-document.hbs'), '<h1>{{#each groups}}</h1>\n');
      const r = await runCli(['build', pack.root, '--out', out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('TEMPLATE_ERROR');
      expect(r.stderr).toContain('templates/sdg-document.hbs');
      expect(readFileSync(path.join(out, 'sdg-07.pdf')).equals(before)).toBe(true);
      expect(readdirSync(work.root).filter((f) => f.includes('staging'))).toEqual([]);
    } finally {
      pack.cleanup();
    }
  });

  it('refuses to replace a folder it did not write, or one inside the pack\'s evidence', async () => {
    const foreign = path.join(work.root, 'documents');
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, 'thesis.docx'), 'precious');
    const r = await runCli(['build', VALID, '--out', foreign]);
    expect(r.code).toBe(2);
    expect(readFileSync(path.join(foreign, 'thesis.docx'), 'utf8')).toBe('precious');

    const pack = copyToTemp(VALID);
    try {
      const inside = await runCli(['build', pack.root, '--out', path.join(pack.root, 'items', 'out')]);
      expect(inside.code).toBe(2);
      expect(existsSync(path.join(pack.root, 'items', 'out'))).toBe(false);
    } finally {
      pack.cleanup();
    }
  });

  it('never modifies the evidence', async () => {
    const pack = copyToTemp(VALID);
    try {
      const file = path.join(pack.root, 'items/sdg-07/energy-policy.yaml');
      const before = readFileSync(file);
      await runCli(['build', pack.root]);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(existsSync(path.join(pack.root, 'out', 'sdg-07.pdf'))).toBe(true);
    } finally {
      pack.cleanup();
    }
  });
});
