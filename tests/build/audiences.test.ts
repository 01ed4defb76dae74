/**
 * Two audiences from one template system (issue 13, point 1), read back by real clients: pdftotext for the PDFs,
 * the DOCX's own XML, the HTML's text. The submission documents hold only what an assessor reads; the review
 * edition (out/review/) keeps owners, states, notes, left-out items and the gaps, and says DRAFT on every page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadPack } from '../../src/pipeline/load-pack';
import { runCli } from '../helpers/run-cli';
import { pdfText } from '../helpers/pdf-text';
import { EXAMPLE_PACK, FIXED, tempDir } from '../helpers/temp-pack';
import { unzipText } from '../helpers/zip';

const AUDIENCES_PACK = path.join(__dirname, '../fixtures/packs/audiences');

/** pdftotext breaks lines where the layout did; compare text with all whitespace runs made one space. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');
const pdfPagesText = (file: string): string[] => pdfText(file).split('\f').filter((page) => page.trim() !== '');
const docxText = (file: string): string =>
  [...unzipText(readFileSync(file)).entries()]
    .filter(([name]) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name))
    .map(([, xml]) => xml.replace(/<[^>]+>/g, ' '))
    .join(' ');
const htmlText = (file: string): string => readFileSync(file, 'utf8').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** What the office keeps for itself in the fixture pack, each a string found nowhere else in the pack. */
const OFFICE_ONLY = [
  'Owner Zeta Waterworks',
  'Owner Eta Estates',
  'Owner Theta Sustainability',
  'Owner Iota Campus',
  'Owner Rho Partnerships',
  'Note Kappa check the meter totals',
  'Note Lambda the staff figure',
  'Note Tau ask for the attendance list',
  'Provenance note Sigma',
  'lines 100-110',
  'Reviewer Omega',
  'Confidential Mu',
  'Reason Pi the campus has no borehole',
];
/** Words of the review edition's furniture: labels, states, filler. */
const REVIEW_WORDS = ['DRAFT', 'For the office', 'Review notes', 'Gap analysis', 'Nothing submitted', 'in review', 'Left out of the submission', 'Signed off'];

describe('the two audiences of the fixture pack', () => {
  const work = tempDir();
  const out = path.join(work.root, 'out');
  let submissionTexts: [string, string][];
  let reviewTexts: [string, string][];
  beforeAll(async () => {
    const r = await runCli(['build', AUDIENCES_PACK, '--out', out]);
    expect(r.code).toBe(0);
    const texts = (folder: string, prefix: string): [string, string][] =>
      readdirSync(folder)
        .filter((f) => /^sdg-\d\d\.(pdf|docx|html)$/.test(f))
        .map((f) => [`${prefix}${f}`, readText(path.join(folder, f))]);
    submissionTexts = texts(out, '');
    reviewTexts = texts(path.join(out, 'review'), 'review/');
  }, 120_000);
  afterAll(() => work.cleanup());

  const submission = (): [string, string][] => submissionTexts;
  const review = (): [string, string][] => reviewTexts;
  const readText = (file: string): string => flat(file.endsWith('.pdf') ? pdfText(file) : file.endsWith('.docx') ? docxText(file) : htmlText(file));

  it('writes both editions of SDG 6 and SDG 17 in every format', () => {
    expect(submission().map(([f]) => f)).toHaveLength(6);
    expect(review().map(([f]) => f)).toHaveLength(6);
  });

  it.each(OFFICE_ONLY)('keeps "%s" out of every submission document and puts it in the review edition', (text) => {
    for (const [file, content] of submission()) expect({ file, found: content.includes(text) }).toEqual({ file, found: false });
    expect(review().some(([, content]) => content.includes(text))).toBe(true);
  });

  it.each(REVIEW_WORDS)('says "%s" only in the review edition', (word) => {
    for (const [file, content] of submission()) expect({ file, found: content.includes(word) }).toEqual({ file, found: false });
    expect(review().some(([, content]) => content.includes(word))).toBe(true);
  });

  it('keeps what an assessor reads in the submission: evidence, dates, public URL, figures with units and sources', () => {
    const sdg6 = flat(pdfText(path.join(out, 'sdg-06.pdf')));
    for (const text of [
      'Every building of the university has a water meter',
      '2020-01-01 to 2020-12-31',
      'https://www.example.edu/water-metering',
      'Measured across the whole university',
      '41,200',
      'm3',
      'Water invoices 2020',
      'Policy created 2019',
      'Audience test report (2020), page 12',
      'files/water-reuse-policy.pdf',
    ]) {
      expect(sdg6).toContain(text);
    }
  });

  it('says DRAFT on every page of every review PDF and in its DOCX headers and HTML banner', () => {
    for (const pdf of ['review/sdg-06.pdf', 'review/sdg-17.pdf']) {
      for (const page of pdfPagesText(path.join(out, pdf))) expect(page).toContain('DRAFT');
    }
    const headers = [...unzipText(readFileSync(path.join(out, 'review/sdg-06.docx'))).entries()].filter(([name]) => /^word\/header\d*\.xml$/.test(name));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const [, xml] of headers) expect(xml).toContain('DRAFT');
    expect(readFileSync(path.join(out, 'review/sdg-06.html'), 'utf8')).toContain('<div class="marking" role="note">DRAFT');
  });

  it('shows in the review edition why an item is left out of the submission', () => {
    const text = flat(pdfText(path.join(out, 'review/sdg-06.pdf')));
    expect(text).toContain('Left out of the submission: it is confidential.');
    expect(text).toContain('Left out of the submission: it records that the metric is not applicable.');
  });
});

describe('the submission documents of the example pack', () => {
  const work = tempDir();
  const out = path.join(work.root, 'out');
  let owners: string[];
  let notes: string[];
  beforeAll(async () => {
    const loaded = await loadPack(EXAMPLE_PACK, FIXED);
    const items = loaded.pack!.items.map((p) => p.item);
    owners = [...new Set(items.map((it) => it.owner).filter((o): o is string => typeof o === 'string'))];
    // The first words of each note are enough to find it, and short enough not to cross a page break.
    notes = [...new Set(items.flatMap((it) => (it.review_notes ?? []).map((n) => flat(typeof n === 'string' ? n : n.note).split(' ').slice(0, 6).join(' '))))];
    const r = await runCli(['build', EXAMPLE_PACK, '--out', out, '--formats', 'pdf']);
    expect(r.code).toBe(0);
  }, 600_000);
  afterAll(() => work.cleanup());

  // Owners are often offices the evidence itself names ("the student social-aid office helps…"), so what must not
  // appear is the owner as a field: the label and the value, as the review edition prints them.
  it('print no owner, review note or review state; the review edition prints them all', () => {
    expect(owners.length).toBeGreaterThan(5);
    expect(notes.length).toBeGreaterThan(50);
    const submitted = readdirSync(out).filter((f) => /^sdg-\d\d\.pdf$/.test(f));
    expect(submitted.length).toBeGreaterThanOrEqual(4);
    const submissionText = submitted.map((f) => flat(pdfText(path.join(out, f)))).join(' ');
    const reviewText = submitted.map((f) => flat(pdfText(path.join(out, 'review', f)))).join(' ');
    expect(owners.filter((o) => submissionText.includes(`Owner ${o}`))).toEqual([]);
    expect(submissionText).not.toContain('Owner ');
    expect(notes.filter((n) => submissionText.includes(n))).toEqual([]);
    for (const word of REVIEW_WORDS) expect({ word, found: submissionText.includes(word) }).toEqual({ word, found: false });
    expect(owners.filter((o) => !reviewText.includes(`Owner ${o}`))).toEqual([]);
    expect(notes.filter((n) => !reviewText.includes(n))).toEqual([]);
    for (const word of ['DRAFT', 'For the office', 'Review notes', 'in review']) expect(reviewText).toContain(word);
  });
});
