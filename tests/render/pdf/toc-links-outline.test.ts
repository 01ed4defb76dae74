import type { Block } from '../../../src/render/ir/types';
import { layoutDocument } from '../../../src/render/pdf/layout';
import type { LaidOutDocument, LinkArea } from '../../../src/render/pdf/layout-types';
import { document, heading, link, paragraph, text } from './support/ir';
import { TEST_PAGE, bodyLines, bodyTexts, pageOf } from './support/inspect';
import { syntheticMetrics } from './support/synthetic-metrics';

const metrics = syntheticMetrics();

function filler(lines: number, label: string): Block {
  return paragraph(Array.from({ length: lines }, (_, index) => `${label}${index}`.padEnd(47, 'x')).join(' '));
}

function layout(blocks: Block[]): LaidOutDocument {
  return layoutDocument(document(blocks), metrics, TEST_PAGE);
}

/** The page number printed at the end of the table-of-contents entry for a title. */
function tocNumber(doc: LaidOutDocument, title: string): number | undefined {
  for (let pageIndex = 0; pageIndex < doc.pages.length; pageIndex++) {
    const texts = bodyTexts(doc, pageIndex);
    const entry = texts.find((candidate) => candidate.text === title);
    if (!entry) continue;
    const number = texts.find((candidate) => candidate.y === entry.y && /^\d+$/.test(candidate.text));
    if (number) return Number(number.text);
  }
  return undefined;
}

describe('table of contents', () => {
  const titles = Array.from({ length: 30 }, (_, index) => `Metric ${index + 1}`);
  const blocks: Block[] = [
    paragraph('Cover', 'title'),
    { type: 'pagebreak' },
    { type: 'toc', title: 'Contents' },
    { type: 'pagebreak' },
    ...titles.flatMap((title, index): Block[] => [
      heading(index % 3 === 0 ? 1 : 2, title),
      filler((index % 5) + 2, `m${index}`),
      heading(3, `Detail ${index + 1}`),
    ]),
  ];
  const doc = layout(blocks);

  /** The page of the heading itself (headings are drawn larger than contents entries). */
  function headingPage(title: string): number {
    return doc.pages.findIndex((_, pageIndex) =>
      bodyTexts(doc, pageIndex).some((candidate) => candidate.text === title && candidate.size > 11),
    );
  }

  it('prints, for every level-1 and level-2 heading, the page the heading is on', () => {
    // The 30 entries fill two pages of contents, so the headings only start on page 4: numbers
    // that exist only once the document has been paginated.
    expect(pageOf(doc, 'Contents')).toBe(1);
    expect(headingPage('Metric 1')).toBe(3);
    expect(headingPage('Metric 30')).toBeGreaterThan(5);
    for (const title of titles) {
      expect({ title, number: tocNumber(doc, title) }).toEqual({ title, number: headingPage(title) + 1 });
    }
  });

  it('lists level-1 and level-2 headings only, in document order, level 2 indented', () => {
    const entries = [1, 2, 3]
      .flatMap((pageIndex) => bodyLines(doc, pageIndex))
      .filter((line) => /^Metric|^Detail/.test(line));
    expect(entries.slice(0, titles.length).map((line) => line.replace(/[ .]*\d+$/, ''))).toEqual(titles);
    const level1 = bodyTexts(doc, 1).find((candidate) => candidate.text === 'Metric 1');
    const level2 = bodyTexts(doc, 1).find((candidate) => candidate.text === 'Metric 2');
    expect(level2!.x).toBeGreaterThan(level1!.x);
    expect(level1!.font).toBe('sans-bold');
  });

  it('makes every entry a link to its heading', () => {
    const tocLinks = [1, 2].flatMap((pageIndex) => doc.pages[pageIndex].links);
    expect(tocLinks).toHaveLength(titles.length);
    tocLinks.forEach((area, index) => {
      expect(area.target).toMatchObject({ kind: 'internal', pageIndex: tocNumber(doc, titles[index])! - 1 });
    });
  });

  it('feeds the same headings to the outline: level 1 with its level-2 headings nested, level 3 under those', () => {
    expect(doc.outline.map((entry) => entry.title)).toEqual(titles.filter((_, index) => index % 3 === 0));
    // "Detail 1" follows level-1 "Metric 1" directly, so it nests there; later details nest under their metric.
    expect(doc.outline[0].children.map((entry) => entry.title)).toEqual(['Detail 1', 'Metric 2', 'Metric 3']);
    expect(doc.outline[0].children[1].children.map((entry) => entry.title)).toEqual(['Detail 2']);
    for (const entry of doc.outline) {
      expect(entry.pageIndex + 1).toBe(tocNumber(doc, entry.title));
    }
  });
});

describe('links', () => {
  function linksOf(doc: LaidOutDocument): LinkArea[] {
    return doc.pages.flatMap((page) => page.links);
  }

  it('points an internal link at the page and top edge of its heading', () => {
    const doc = layout([
      paragraph([text('See '), link('#results', 'the results'), text('.')]),
      filler(25, 'f'),
      heading(2, 'Results', 'results'),
    ]);
    const [area] = linksOf(doc);
    const headingPage = pageOf(doc, 'Results');
    expect(headingPage).toBe(1);
    const headingText = bodyTexts(doc, headingPage).find((candidate) => candidate.text === 'Results')!;
    expect(area.target.kind).toBe('internal');
    if (area.target.kind !== 'internal') return;
    expect(area.target.pageIndex).toBe(headingPage);
    expect(area.target.y).toBeGreaterThan(headingText.y);
    expect(area.target.y - headingText.y).toBeLessThan(17);
    expect(doc.diagnostics).toEqual([]);
  });

  it('covers exactly the link text with the clickable area of an external link', () => {
    const doc = layout([paragraph([text('Go to '), link('https://www.mines-ales.fr/', 'the site'), text(' now')])]);
    const [area] = linksOf(doc);
    const label = bodyTexts(doc, 0).find((candidate) => candidate.text === 'the site')!;
    expect(area.target).toEqual({ kind: 'uri', uri: 'https://www.mines-ales.fr/' });
    expect(area.x).toBeCloseTo(label.x, 3);
    expect(area.width).toBeCloseTo(label.width, 3);
    expect(area.y).toBeLessThan(label.y);
    expect(area.y + area.height).toBeGreaterThan(label.y);
    // Underlined on paper.
    const underlined = doc.pages[0].shapes.some(
      (shape) => shape.kind === 'line' && Math.abs(shape.x1 - label.x) < 1e-3,
    );
    expect(underlined).toBe(true);
  });

  it('splits the clickable area of a link that wraps onto two lines', () => {
    const mail = link('mailto:dd-rs@mines-ales.fr', 'write to the team');
    const doc = layout([paragraph([text('x'.repeat(40) + ' '), mail])]);
    const areas = linksOf(doc);
    expect(areas).toHaveLength(2);
    expect(areas.every((area) => area.target.kind === 'uri' && area.target.uri === 'mailto:dd-rs@mines-ales.fr')).toBe(
      true,
    );
    expect(areas[0].y).toBeGreaterThan(areas[1].y);
  });

  it('draws links it cannot honour as plain text and reports each once', () => {
    const doc = layout([
      paragraph([link('#nowhere', 'missing'), text(' '), link('javascript:alert(1)', 'script')]),
      paragraph([link('#nowhere', 'again')]),
    ]);
    expect(linksOf(doc)).toEqual([]);
    expect(doc.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([
      ['LINK_TARGET_MISSING', 'warning'],
      ['LINK_SCHEME_REJECTED', 'warning'],
    ]);
    expect(doc.diagnostics[0].message).toMatch(/^PDF: .*#nowhere/);
    expect(doc.diagnostics.every((diagnostic) => diagnostic.source === 'template' && diagnostic.hint)).toBe(true);
    expect(bodyLines(doc, 0)).toEqual(['missing script', 'again']);
  });

  it('sends a link to the first heading when two headings share an id', () => {
    const doc = layout([
      heading(1, 'First', 'dup'),
      filler(25, 'f'),
      heading(1, 'Second', 'dup'),
      paragraph([link('#dup', 'go')]),
    ]);
    const area = linksOf(doc).find((candidate) => candidate.target.kind === 'internal')!;
    expect(area.target).toMatchObject({ pageIndex: 0 });
    expect(doc.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['ANCHOR_DUPLICATE']);
  });
});

describe('outline', () => {
  it('nests level-2 headings under the preceding level-1 heading, and level 3 under the preceding level 2', () => {
    const doc = layout([
      heading(2, 'Preface'),
      heading(1, 'A'),
      heading(2, 'A.1'),
      heading(3, 'A.1.a'),
      heading(2, 'A.2'),
      filler(30, 'f'),
      heading(1, 'B'),
    ]);
    const shape = doc.outline.map((entry) => [entry.title, entry.children.map((child) => child.title)]);
    expect(shape).toEqual([
      ['Preface', []],
      ['A', ['A.1', 'A.2']],
      ['B', []],
    ]);
    expect(doc.outline[1].children[0].children.map((entry) => [entry.title, entry.level])).toEqual([['A.1.a', 3]]);
    expect(doc.outline[2].pageIndex).toBe(pageOf(doc, 'B'));
  });
});
