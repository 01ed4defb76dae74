/**
 * The documents as `impact-pack build` writes them, with the options of issue 5: the pack's logo on every
 * cover, --embed-files and --merge-pdfs. Checked with real clients, and built twice to compare bytes.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { pdfToText, qpdfCheck } from '../helpers/pdf-tools';
import { runCli } from '../helpers/run-cli';
import { copyToTemp, tempDir } from '../helpers/temp-pack';
import { readZipEntries } from '../helpers/zip';
import { logoPng } from './support/logo';
import { detachAll, listImages } from './support/poppler';

const VALID = path.join(__dirname, '../fixtures/packs/valid');

async function annualReport(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const page of [1, 2]) pdf.addPage([420, 595]).drawText(`Annual energy report, page ${page}`, { x: 40, y: 520, size: 14, font });
  return pdf.save();
}

/**
 * The valid fixture pack with a logo (outside the supporting-file folder, as docs/documents.md advises), and a
 * second, real PDF cited next to the fixture's placeholder "PDF", which pdf-lib cannot read.
 */
async function packWithLogo(logo = 'branding/logo.png'): Promise<{ root: string; cleanup: () => void }> {
  const pack = copyToTemp(VALID);
  const config = path.join(pack.root, 'impact-pack.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('  name: Test University\n', `  name: Test University\n  logo: ${logo}\n`));
  const item = path.join(pack.root, 'items/sdg-07/energy-policy.yaml');
  writeFileSync(item, readFileSync(item, 'utf8').replace('  - files/energy-policy.pdf\n', '  - files/energy-policy.pdf\n  - files/annual-report.pdf\n'));
  writeFileSync(path.join(pack.root, 'files/annual-report.pdf'), await annualReport());
  mkdirSync(path.join(pack.root, 'branding'));
  writeFileSync(path.join(pack.root, 'branding/logo.png'), logoPng());
  return pack;
}

describe('impact-pack build --embed-files --merge-pdfs, with a logo', () => {
  let pack: { root: string; cleanup: () => void };
  let work: { root: string; cleanup: () => void };
  let run: Awaited<ReturnType<typeof runCli>>;
  const out = () => path.join(work.root, 'a');

  beforeAll(async () => {
    pack = await packWithLogo();
    work = tempDir();
    run = await runCli(['build', pack.root, '--out', out(), '--embed-files', '--merge-pdfs']);
  }, 120_000);

  afterAll(() => {
    pack.cleanup();
    work.cleanup();
  });

  it('builds, warning only about the placeholder PDF it cannot append', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('files/energy-policy.pdf');
    expect(run.stderr).toContain('PDF_MERGE_FAILED');
    expect(run.stderr).not.toContain('LOGO_INVALID');
  });

  it('puts the logo on the cover of every SDG PDF and in the DOCX and HTML', () => {
    for (const name of ['sdg-07', 'sdg-17']) {
      expect(listImages(readFileSync(path.join(out(), `${name}.pdf`)))).toEqual([{ page: 1, width: 240, height: 80, colour: 'rgb' }]);
      const media = readZipEntries(readFileSync(path.join(out(), `${name}.docx`))).filter((entry) => entry.name.startsWith('word/media/'));
      expect(media.map((entry) => entry.data.equals(Buffer.from(logoPng())))).toEqual([true]);
      expect(readFileSync(path.join(out(), `${name}.html`), 'utf8')).toContain(`src="data:image/png;base64,${Buffer.from(logoPng()).toString('base64')}"`);
    }
  });

  it('attaches the cited supporting files to the SDG 7 PDF and appends the readable one', () => {
    const pdf = new Uint8Array(readFileSync(path.join(out(), 'sdg-07.pdf')));
    expect(qpdfCheck(pdf).status).toBe(0);
    const { names, files } = detachAll(pdf);
    expect(names).toEqual(['files/annual-report.pdf', 'files/energy-policy.pdf']);
    expect(files.get('files/energy-policy.pdf')?.equals(readFileSync(path.join(pack.root, 'files/energy-policy.pdf')))).toBe(true);
    const text = pdfToText(pdf).replace(/\s+/g, ' ');
    expect(text).toMatch(/Appendix: supporting PDF documents .* files\/annual-report\.pdf .* Annual energy report, page 1 Annual energy report, page 2/);
  });

  it('leaves the DOCX and HTML without attachments: the options concern the PDF', () => {
    const entries = readZipEntries(readFileSync(path.join(out(), 'sdg-07.docx'))).map((entry) => entry.name);
    expect(entries.filter((name) => name.includes('annual-report'))).toEqual([]);
    expect(readFileSync(path.join(out(), 'sdg-07.html'), 'utf8')).not.toContain('Appendix: supporting PDF documents');
  });

  it('writes byte-identical PDF, DOCX and HTML files when built again', async () => {
    const again = path.join(work.root, 'b');
    expect((await runCli(['build', pack.root, '--out', again, '--embed-files', '--merge-pdfs'])).code).toBe(0);
    const documents = readdirSync(out()).filter((name) => /^sdg-\d\d\.(pdf|docx|html)$/.test(name));
    expect(documents).toHaveLength(6);
    for (const name of documents) {
      expect({ name, same: readFileSync(path.join(again, name)).equals(readFileSync(path.join(out(), name))) }).toEqual({ name, same: true });
    }
  }, 120_000);
});

describe('impact-pack build with a logo that cannot be used', () => {
  it('warns at institution.logo and builds the documents without a logo', async () => {
    const pack = await packWithLogo('branding/missing.png');
    const work = tempDir();
    try {
      const run = await runCli(['build', pack.root, '--out', path.join(work.root, 'out'), '--formats', 'pdf']);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/impact-pack\.yaml\s+3:9\s+warning\s+The logo "branding\/missing\.png" cannot be used: there is no such file in the pack\./);
      expect(listImages(readFileSync(path.join(work.root, 'out/sdg-07.pdf')))).toEqual([]);
    } finally {
      pack.cleanup();
      work.cleanup();
    }
  }, 120_000);
});

describe('impact-pack build option checks', () => {
  it('refuses --embed-files and --merge-pdfs when no PDF is built', async () => {
    const run = await runCli(['build', VALID, '--formats', 'html,docx', '--merge-pdfs']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--merge-pdfs adds to the PDFs; include pdf in --formats.');
  });
});
