/**
 * What the pages look like: poppler's pdftoppm renders the first pages of a submission (cover with logo,
 * contents, a metric section) at 50 dpi, and each must be a real page (not blank) that matches its committed
 * reference image within a tolerance. The tolerance absorbs anti-aliasing differences between poppler and
 * FreeType versions; a moved block, a lost line or a missing logo is far beyond it.
 *
 * After an intended change of the layout, write new references and look at them before committing:
 *   UPDATE_REFERENCE_PAGES=1 npx jest tests/render/pdf/reference-pages.test.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Block, DocumentIR } from '../../../src/render/ir/types';
import { renderPdf } from '../../../src/render/pdf';
import { logoAsset } from '../support/logo';
import { decodePng, toGrey, type Raster } from '../support/png';
import { renderPages } from '../support/poppler';
import { submissionIr } from './support/submission-ir';

const REFERENCE_DIR = path.join(__dirname, '../../fixtures/reference-pages');
const PAGES = [
  { page: 1, name: 'submission-page-1-cover.png' },
  { page: 2, name: 'submission-page-2-contents.png' },
  { page: 3, name: 'submission-page-3-section.png' },
];
const DPI = 50;
/** Mean absolute difference allowed, in grey levels (0–255). */
const MAX_MEAN_DIFFERENCE = 3;
/** Share of pixels allowed to differ by more than a quarter of the grey scale. */
const MAX_CHANGED_SHARE = 0.01;
const CHANGED = 64;

interface Comparison {
  meanDifference: number;
  changedShare: number;
}

function compare(actual: Raster, expected: Raster): Comparison {
  if (actual.width !== expected.width || actual.height !== expected.height) {
    return { meanDifference: 255, changedShare: 1 };
  }
  const [a, b] = [toGrey(actual), toGrey(expected)];
  let total = 0;
  let changed = 0;
  for (let index = 0; index < a.length; index++) {
    const difference = Math.abs(a[index] - b[index]);
    total += difference;
    if (difference > CHANGED) changed++;
  }
  return { meanDifference: total / a.length, changedShare: changed / a.length };
}

/** Share of pixels noticeably darker than paper. */
function inkShare(raster: Raster): number {
  const grey = toGrey(raster);
  return grey.filter((value) => value < 200).length / grey.length;
}

function submissionWithLogo(): DocumentIR {
  const ir = submissionIr();
  const logo: Block = { type: 'figure', image: logoAsset(), alt: 'IMT Mines Alès logo', maxWidth: 226.77, maxHeight: 68.03 };
  return { ...ir, blocks: [logo, ...ir.blocks] };
}

describe('rendered pages against their reference images', () => {
  let rendered: Raster[];

  beforeAll(async () => {
    const { value } = await renderPdf(submissionWithLogo());
    rendered = renderPages(value, 1, PAGES.length, DPI).map((png) => decodePng(png));
    if (process.env.UPDATE_REFERENCE_PAGES === '1') {
      mkdirSync(REFERENCE_DIR, { recursive: true });
      const pngs = renderPages(value, 1, PAGES.length, DPI);
      PAGES.forEach(({ name }, index) => writeFileSync(path.join(REFERENCE_DIR, name), pngs[index]));
    }
  });

  it('renders an A4 page at 50 dpi for each page compared', () => {
    expect(rendered.map((raster) => [raster.width, raster.height])).toEqual(PAGES.map(() => [414, 585]));
  });

  it.each(PAGES)('page $page is not blank', ({ page }) => {
    expect(inkShare(rendered[page - 1])).toBeGreaterThan(0.01);
  });

  it.each(PAGES)('page $page matches $name', ({ page, name }) => {
    const file = path.join(REFERENCE_DIR, name);
    expect(existsSync(file)).toBe(true);
    const comparison = compare(rendered[page - 1], decodePng(readFileSync(file)));
    expect(comparison.meanDifference).toBeLessThanOrEqual(MAX_MEAN_DIFFERENCE);
    expect(comparison.changedShare).toBeLessThanOrEqual(MAX_CHANGED_SHARE);
  });

  it('tells pages apart: the tolerance does not accept another page', () => {
    const cover = decodePng(readFileSync(path.join(REFERENCE_DIR, PAGES[0].name)));
    const contents = decodePng(readFileSync(path.join(REFERENCE_DIR, PAGES[1].name)));
    const comparison = compare(cover, contents);
    expect(comparison.meanDifference > MAX_MEAN_DIFFERENCE || comparison.changedShare > MAX_CHANGED_SHARE).toBe(true);
  });

  it('notices a missing logo', async () => {
    const { value } = await renderPdf(submissionIr());
    const withoutLogo = decodePng(renderPages(value, 1, 1, DPI)[0]);
    const comparison = compare(withoutLogo, decodePng(readFileSync(path.join(REFERENCE_DIR, PAGES[0].name))));
    expect(comparison.changedShare).toBeGreaterThan(MAX_CHANGED_SHARE);
  });
});
