/**
 * End to end, with real clients: a submission PDF with a cover logo, attached supporting files
 * (--embed-files) and supporting PDFs appended (--merge-pdfs), one of them damaged and one encrypted.
 */
import { createHash } from 'node:crypto';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, StandardFonts } from 'pdf-lib';
import type { SupportingFileData } from '../../../src/render/assets/supporting-files';
import type { Block, DocumentIR } from '../../../src/render/ir/types';
import { renderPdf, type PdfOptions } from '../../../src/render/pdf';
import { pdfInfo, pdfToText, qpdfCheck } from '../../helpers/pdf-tools';
import { logoAsset } from '../support/logo';
import { detachAll, encryptPdf, listImages } from '../support/poppler';
import { submissionIr } from './support/submission-ir';

/** A small PDF whose pages say which file and page they are, so pdftotext can find them in order. */
async function supportingPdf(label: string, pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pages; page++) {
    // A page of another size than A4: merged pages keep their own.
    pdf.addPage([420, 595]).drawText(`${label} page ${page} of ${pages}`, { x: 40, y: 520, size: 14, font });
  }
  return pdf.save();
}

function file(path: string, data: Uint8Array, mediaType: string, content: SupportingFileData['content']): SupportingFileData {
  return { path, data, sha256: createHash('sha256').update(data).digest('hex'), mediaType, content };
}

/** The submission with the logo on its cover. */
function irWithLogo(): DocumentIR {
  const ir = submissionIr();
  const logo: Block = { type: 'figure', image: logoAsset(), alt: 'IMT Mines Alès logo', maxWidth: 226.77, maxHeight: 68.03 };
  return { ...ir, blocks: [logo, ...ir.blocks] };
}

describe('a PDF with a logo, attachments and merged supporting PDFs', () => {
  let options: PdfOptions;
  let bytes: Uint8Array;
  let diagnostics: Awaited<ReturnType<typeof renderPdf>>['diagnostics'];
  let ownPages: number;

  beforeAll(async () => {
    const policy = file('files/energy-policy.pdf', await supportingPdf('Energy policy', 2), 'application/pdf', 'pdf');
    const audit = file('files/audit (2020).pdf', await supportingPdf('Energy audit', 1), 'application/pdf', 'pdf');
    const table = file('files/énergie-2020.csv', new TextEncoder().encode('year,kWh\n2020,1200\n'), 'text/csv', 'text');
    const damaged = file('files/damaged.pdf', new TextEncoder().encode('%PDF-1.4\n% not really a PDF\n'), 'application/pdf', 'pdf');
    const locked = file('files/locked.pdf', encryptPdf(await supportingPdf('Locked', 1)), 'application/pdf', 'pdf');
    options = { attachments: [policy, table, audit], mergePdfs: [policy, damaged, locked, audit] };
    ({ value: bytes, diagnostics } = await renderPdf(irWithLogo(), options));
    ownPages = Number(pdfInfo((await renderPdf(irWithLogo(), { attachments: options.attachments })).value).Pages);
  });

  it('passes qpdf --check', () => {
    const check = qpdfCheck(bytes);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('shows the logo once, on the cover, as the 240 × 80 image it is', () => {
    expect(listImages(bytes)).toEqual([{ page: 1, width: 240, height: 80, colour: 'rgb' }]);
  });

  it('appends the readable PDFs, each after a page identifying it, in reading order', () => {
    // Summary and 2 pages of the policy, summary and 1 page of the audit.
    expect(Number(pdfInfo(bytes).Pages)).toBe(ownPages + 1 + 2 + 1 + 1);
    const text = pdfToText(bytes).replace(/\s+/g, ' ');
    const order = [
      'Appendix: supporting files',
      'are attached to this PDF',
      'Appendix: supporting PDF documents',
      'files/energy-policy.pdf',
      'The next 2 pages reproduce this file',
      'Energy policy page 1 of 2',
      'Energy policy page 2 of 2',
      'files/audit (2020).pdf',
      'The next page reproduces this file',
      'Energy audit page 1 of 1',
    ];
    // Each text is found after the one before it.
    let from = 0;
    const found = order.map((needle) => {
      const at = text.indexOf(needle, from);
      if (at >= 0) from = at + needle.length;
      return [needle, at >= 0];
    });
    expect(found).toEqual(order.map((needle) => [needle, true]));
    expect(text).not.toContain('Locked page');
  });

  it('leaves the merged pages as they are: their own size, no header or footer of ours', () => {
    const pages = pdfToText(bytes).split('\f');
    const merged = pages.filter((page) => /Energy (policy|audit) page/.test(page));
    expect(merged).toHaveLength(3);
    for (const page of merged) expect(page).not.toMatch(/IMT Mines Alès · SDG 7|Page \d+ of \d+/);
    const total = pages.length - 1;
    expect(pages[total - 2]).toContain(`Page ${total - 1} of ${total}`);
  });

  it('reports the damaged and the encrypted PDF, naming each file, and builds anyway', () => {
    const merge = diagnostics.filter((diagnostic) => diagnostic.code === 'PDF_MERGE_FAILED');
    expect(merge.map((diagnostic) => [diagnostic.file, diagnostic.severity])).toEqual([
      ['files/damaged.pdf', 'warning'],
      ['files/locked.pdf', 'warning'],
    ]);
    expect(merge[1].message).toContain('it is encrypted');
  });

  it('attaches the files under their pack paths, sorted, byte for byte, with their hashes as descriptions', async () => {
    const { names, files } = detachAll(bytes);
    expect(names).toEqual(['files/audit (2020).pdf', 'files/energy-policy.pdf', 'files/énergie-2020.csv']);
    for (const attachment of options.attachments!) {
      expect(files.get(attachment.path)?.equals(Buffer.from(attachment.data))).toBe(true);
    }
    const pdf = await PDFDocument.load(bytes);
    const tree = pdf.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict);
    expect(tree.toString()).toContain('/Names');
    expect(pdfToText(bytes)).toContain('are attached to this PDF');
  });

  it('lists the evidence items as bookmarks under their metric, folded away', async () => {
    const ir = irWithLogo();
    const withItems: DocumentIR = {
      ...ir,
      blocks: ir.blocks.flatMap((block) =>
        block.type === 'heading' && block.level === 2 ? [block, { type: 'heading', level: 3, children: [{ type: 'text', text: 'An evidence item' }] } as Block] : [block],
      ),
    };
    const pdf = await PDFDocument.load((await renderPdf(withItems)).value);
    const root = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const group = root.lookup(PDFName.of('First'), PDFDict);
    const metric = group.lookup(PDFName.of('First'), PDFDict);
    // Groups open (their metrics show); a metric closed, with one item inside: Count -1.
    expect(group.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBeGreaterThan(0);
    expect(metric.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBe(-1);
    expect(metric.lookup(PDFName.of('First'), PDFDict).lookup(PDFName.of('Title'), PDFHexString).decodeText()).toBe('An evidence item');
  });

  it('gives the same bytes for the same inputs', async () => {
    const again = await renderPdf(irWithLogo(), options);
    expect(Buffer.from(again.value).equals(Buffer.from(bytes))).toBe(true);
  });
});
