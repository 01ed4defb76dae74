import { renderDocx } from '../../../src/render/docx';
import { TEXT_WIDTH } from '../../../src/render/docx/page';
import type { Block, DocumentIR } from '../../../src/render/ir/types';
import { readZipEntries, unzipText } from '../../helpers/zip';
import { FRENCH, POLISH, TURKISH, link, sampleDocument, text } from './sample-document';

/** Text of all w:t elements of a part, in order, joined: what a reader sees, whatever the runs. */
function visibleText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
}

/** Decodes the five XML entities, to compare with the IR's text. */
function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function relationshipTargets(rels: string): Map<string, { target: string; external: boolean }> {
  return new Map(
    [...rels.matchAll(/<Relationship\b([^>]*)\/>/g)].map((match) => {
      const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(match[1])?.[1] ?? '';
      return [attribute('Id'), { target: unescapeXml(attribute('Target')), external: attribute('TargetMode') === 'External' }];
    }),
  );
}

function styleBlock(styles: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
}

async function partsOf(ir: DocumentIR) {
  const result = await renderDocx(ir);
  return { ...result, parts: unzipText(result.value) };
}

describe('renderDocx on a submission document', () => {
  let parts: Map<string, string>;
  let bytes: Uint8Array;
  let diagnostics: unknown[];
  let documentXml: string;

  beforeAll(async () => {
    const result = await partsOf(sampleDocument());
    parts = result.parts;
    bytes = result.value;
    diagnostics = result.diagnostics;
    documentXml = parts.get('word/document.xml') ?? '';
  });

  test('is a zip package with the parts Word needs, content types first', () => {
    const names = readZipEntries(bytes).map((entry) => entry.name);
    expect(names[0]).toBe('[Content_Types].xml');
    for (const part of ['_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/_rels/document.xml.rels', 'docProps/core.xml', 'word/fontTable.xml', 'word/numbering.xml']) {
      expect(names).toContain(part);
    }
    expect(diagnostics).toEqual([]);
  });

  test('contains every heading, paragraph, list item and table cell, in order', () => {
    const body = unescapeXml(visibleText(documentXml.slice(documentXml.indexOf('</w:sdt>'))));
    const expected = [
      '7.2 University measures towards affordable and clean energy',
      '7.2.1 Energy-efficient renovation and building',
      'The school runs three retrofit projects; see the sustainability page and the item sdg7-building-retrofit.',
      FRENCH,
      POLISH,
      TURKISH,
      'Contact: developpement.durable@mines-ales.fr',
      'Energy', 'Share of purchases 2020', 'Source', 'Gas', '59 % of energy bought, 83 % of its carbon footprint', 'report lines 2398–2399',
      '38 % low-carbon, 10 % renewable', 'almoe.org',
      '7.3.1 Energy usage per m²',
      'Nothing submitted: the table of energy purchased in 2020 is missing from the report.',
      'Find the 2020 energy invoices', 'Measure the floor area',
      'Energy policy: four lines of action',
      'Back to measure 7.2.1.',
    ];
    let from = 0;
    for (const piece of expected) {
      const at = body.indexOf(piece, from);
      expect({ piece, found: at >= 0 }).toEqual({ piece, found: true });
      from = at + piece.length;
    }
    expect(body).toContain('« Mines Alès durable » : l’œuvre commune, budget 12 000 €');
    expect(body).toContain('Łódź');
    expect(body).toContain('Şişli İstanbul');
  });

  test('uses the built-in Title, Subtitle and Heading 1–3 styles, with outline levels and the accent', () => {
    const styles = parts.get('word/styles.xml') ?? '';
    for (const [style, level] of [['Heading1', 0], ['Heading2', 1], ['Heading3', 2]] as const) {
      const block = styleBlock(styles, style);
      expect(block).toContain(`<w:name w:val="Heading ${level + 1}"/>`);
      expect(block).toContain(`<w:outlineLvl w:val="${level}"/>`);
      expect(block).toContain('<w:color w:val="8B6B06"/>');
      expect(documentXml).toContain(`<w:pStyle w:val="${style}"/>`);
    }
    // Heading text uses the darkened accent; the SDG 7 yellow itself rules the level-1 headings.
    expect(styleBlock(styles, 'Heading1')).toContain('<w:bottom w:val="single" w:color="FCC30B"');
    expect(styleBlock(styles, 'Title')).toContain('<w:name w:val="Title"/>');
    expect(styleBlock(styles, 'Subtitle')).toContain('<w:name w:val="Subtitle"/>');
    expect(documentXml).toContain('<w:pStyle w:val="Title"/>');
    expect(documentXml).toContain('<w:pStyle w:val="Subtitle"/>');
  });

  test('sets DejaVu Sans as the default font with Calibri named as its substitute, and the document language', () => {
    const styles = parts.get('word/styles.xml') ?? '';
    expect(styles).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="DejaVu Sans" w:cs="DejaVu Sans" w:eastAsia="DejaVu Sans" w:hAnsi="DejaVu Sans"\/>/);
    expect(styles).toContain('<w:lang w:val="en-GB"/>');
    const fonts = parts.get('word/fontTable.xml') ?? '';
    expect(fonts).toContain('<w:font w:name="DejaVu Sans"><w:altName w:val="Calibri"/>');
    expect(fonts).toContain('<w:font w:name="DejaVu Sans Mono"><w:altName w:val="Consolas"/>');
  });

  test('shades notes, sets code in a monospace font and defines a table style', () => {
    const styles = parts.get('word/styles.xml') ?? '';
    expect(styleBlock(styles, 'Note')).toContain('<w:shd w:fill="FFF8E2" w:color="auto" w:val="clear"/>');
    expect(documentXml).toContain('<w:pStyle w:val="Note"/>');
    expect(styleBlock(styles, 'Code')).toContain('<w:rFonts w:ascii="DejaVu Sans Mono"');
    expect(documentXml).toMatch(/<w:rStyle w:val="Code"\/><\/w:rPr><w:t xml:space="preserve">sdg7-building-retrofit<\/w:t>/);
    const tableStyle = styleBlock(styles, 'EvidenceTable');
    expect(tableStyle).toContain('w:type="table"');
    expect(tableStyle).toContain('<w:tblStylePr w:type="firstRow">');
    // Appended after docDefaults and the other styles, where the schema allows it.
    expect(styles.indexOf('<w:docDefaults>')).toBeLessThan(styles.indexOf('w:styleId="EvidenceTable"'));
    expect(documentXml).toContain('<w:tblStyle w:val="EvidenceTable"/>');
  });

  test('gives tables a grid and cell widths in twips that fill the text width in proportion', () => {
    const grid = [...(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(documentXml)?.[1] ?? '').matchAll(/w:w="(\d+)"/g)].map((match) => Number(match[1]));
    expect(grid).toEqual([1928, 4819, 2891]);
    expect(grid.reduce((sum, width) => sum + width, 0)).toBe(TEXT_WIDTH);
    expect(documentXml).toContain(`<w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/>`);
    expect(documentXml).toContain('<w:tblLayout w:type="fixed"/>');
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(documentXml)?.[0] ?? '';
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((match) => match[0]);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const cellWidths = [...row.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
      expect(cellWidths).toEqual(grid);
      expect(row).toContain('<w:cantSplit/>');
    }
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    // Header cells are bold and shaded directly too, for readers that apply table styles only in part.
    expect(rows[0]).toContain('<w:shd w:fill="FFF8E2"');
    expect(rows[0]).toContain('<w:b/>');
  });

  test('links to web and mail addresses through external relationships', () => {
    const rels = relationshipTargets(parts.get('word/_rels/document.xml.rels') ?? '');
    const linked = [...documentXml.matchAll(/<w:hyperlink [^>]*r:id="([^"]+)"/g)].map((match) => rels.get(match[1]));
    expect(linked).toEqual([
      { target: 'https://www.mines-ales.fr/ecole/imt-mines-ales/contribution-environnementale-societale', external: true },
      { target: 'mailto:developpement.durable@mines-ales.fr', external: true },
      { target: 'https://www.almoe.org/materiaux/', external: true },
    ]);
    expect(documentXml).toMatch(/<w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">the sustainability page<\/w:t>/);
  });

  test('bookmarks headings under Word-valid names and links to them internally', () => {
    expect(documentXml).toMatch(/<w:bookmarkStart w:name="metric_7_2_1" w:id="\d+"\/><w:r><w:t xml:space="preserve">7\.2\.1 Energy-efficient renovation and building<\/w:t><\/w:r><w:bookmarkEnd/);
    expect(documentXml).toMatch(/<w:hyperlink w:history="1" w:anchor="metric_7_2_1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">measure 7\.2\.1<\/w:t>/);
    for (const [, name] of documentXml.matchAll(/<w:bookmarkStart w:name="([^"]+)"/g)) {
      expect(name).toMatch(/^(_Toc\d+|[A-Za-z][A-Za-z0-9_]{0,39})$/);
    }
  });

  test('pre-fills the table of contents with linked entries and their page numbers', () => {
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(documentXml)?.[0] ?? '';
    expect(toc).toContain('TOC \\h \\o &quot;1-3&quot;');
    expect(unescapeXml(visibleText(toc))).toBe(
      ['7.2 University measures towards affordable and clean energy2', '7.2.1 Energy-efficient renovation and building2', '7.3.1 Energy usage per m²2', 'Energy policy: four lines of action2'].join(''),
    );
    for (const [, anchor] of toc.matchAll(/w:anchor="(_Toc\d+)"/g)) expect(documentXml).toContain(`<w:bookmarkStart w:name="${anchor}"`);
    expect(documentXml).toContain('<w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t xml:space="preserve">Contents</w:t>');
  });

  test('has the running header and a "Page N of M" footer made of PAGE and NUMPAGES fields', () => {
    const header = [...parts].find(([name]) => /^word\/header\d+\.xml$/.test(name))?.[1] ?? '';
    const footer = [...parts].find(([name]) => /^word\/footer\d+\.xml$/.test(name))?.[1] ?? '';
    expect(visibleText(header)).toBe('IMT Mines Alès · SDG 7');
    expect(footer).toMatch(/Page <\/w:t>[\s\S]*<w:instrText xml:space="preserve">PAGE<\/w:instrText>[\s\S]* of <\/w:t>[\s\S]*<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/);
  });

  test('writes the document properties with the build date', () => {
    const core = parts.get('docProps/core.xml') ?? '';
    expect(core).toContain('<dc:title>SDG 7 submission: IMT Mines Alès</dc:title>');
    expect(core).toContain('<dc:subject>THE Impact Rankings 2022, SDG 7 Affordable and Clean Energy</dc:subject>');
    expect(core).toContain('<dc:creator>IMT Mines Alès</dc:creator>');
    expect(core).toContain('<cp:keywords>THE Impact Rankings; SDG 7; energy</cp:keywords>');
    expect(core).toContain('<dc:description>THE Impact Rankings 2022, SDG 7 Affordable and Clean Energy</dc:description>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2022-03-15T09:30:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2022-03-15T09:30:00Z</dcterms:modified>');
  });

  test('gives the same bytes every time, also after other documents were written in the process', async () => {
    const other = await renderDocx(sampleDocument([{ type: 'toc', title: 'x' }, { type: 'heading', level: 1, id: 'a', children: [text('A')] }]));
    expect(other.value.length).toBeGreaterThan(0);
    const again = await renderDocx(sampleDocument());
    expect(Buffer.from(again.value).equals(Buffer.from(bytes))).toBe(true);
    // Every zip entry carries the build date (2022-03-15 09:30:00) rather than the time of packing.
    for (const entry of readZipEntries(bytes)) {
      expect(entry.dosDate).toBe(((2022 - 1980) << 9) | (3 << 5) | 15);
      expect(entry.dosTime).toBe((9 << 11) | (30 << 5));
    }
  });
});

describe('renderDocx link filtering and repairs', () => {
  const blocks: Block[] = [
    { type: 'heading', level: 1, id: 'target', children: [text('Target')] },
    {
      type: 'paragraph',
      children: [link('javascript:alert(1)', 'script link'), link('file:///etc/passwd', 'file link'), link('#nowhere', 'dead anchor'), link('#target', 'good anchor')],
    },
    { type: 'table', widths: [1, 1], rows: [[{ children: [text('lonely')] }]] },
    { type: 'table', widths: [1], rows: [] },
  ];

  test('writes refused links as plain text, with no relationship, and reports them', async () => {
    const { parts, diagnostics } = await partsOf(sampleDocument(blocks));
    const documentXml = parts.get('word/document.xml') ?? '';
    const rels = parts.get('word/_rels/document.xml.rels') ?? '';
    expect(rels).not.toContain('javascript');
    expect(rels).not.toContain('file:');
    expect(rels).not.toContain('hyperlink');
    expect(visibleText(documentXml)).toContain('script linkfile linkdead anchorgood anchor');
    expect(documentXml.match(/<w:hyperlink /g)).toHaveLength(1);
    expect(diagnostics.map((d) => d.code)).toEqual(['LINK_SCHEME_REJECTED', 'LINK_SCHEME_REJECTED', 'LINK_TARGET_MISSING', 'TABLE_SHAPE', 'TABLE_SHAPE']);
    expect(diagnostics[0].message).toBe('DOCX: the link to "javascript:alert(1)" was written as plain text because the scheme "javascript:" is not allowed.');
  });

  test('pads ragged rows and leaves out tables without rows', async () => {
    const { parts } = await partsOf(sampleDocument(blocks));
    const documentXml = parts.get('word/document.xml') ?? '';
    expect(documentXml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(documentXml.match(/<w:tc>/g)).toHaveLength(2);
  });

  test('replaces characters XML cannot hold and collapses line breaks, so Word can open the file', async () => {
    const { parts } = await partsOf(sampleDocument([{ type: 'paragraph', children: [text('bell\u0007 nul\u0000 line\nbreak  twice')] }]));
    const documentXml = parts.get('word/document.xml') ?? '';
    expect(visibleText(documentXml)).toBe('bell\uFFFD nul\uFFFD line break twice');
    expect(documentXml).not.toMatch(/[\u0000-\u0008]/);
  });

  test('escapes markup in evidence text', async () => {
    const hostile = '<w:p>Injected</w:p> & "quotes" <script>';
    const ir = sampleDocument([{ type: 'paragraph', children: [text(hostile)] }]);
    ir.meta.title = hostile;
    const { parts } = await partsOf(ir);
    expect(unescapeXml(visibleText(parts.get('word/document.xml') ?? ''))).toBe(hostile);
    expect(parts.get('word/document.xml')).not.toContain('<w:p>Injected');
    expect(parts.get('docProps/core.xml')).toContain('<dc:title>&lt;w:p&gt;Injected&lt;/w:p&gt; &amp; &quot;quotes&quot; &lt;script&gt;</dc:title>');
  });

  test('falls back to a dark blue accent when the given one is not #rrggbb', async () => {
    const ir = sampleDocument([{ type: 'heading', level: 1, children: [text('x')] }]);
    ir.meta.accent = 'yellow';
    const { parts, diagnostics } = await partsOf(ir);
    expect(styleBlock(parts.get('word/styles.xml') ?? '', 'Heading1')).toContain('<w:color w:val="1F4E79"/>');
    expect(diagnostics.map((d) => d.code)).toEqual(['ACCENT_INVALID']);
  });

  test('restarts numbering for each ordered list', async () => {
    const { parts } = await partsOf(
      sampleDocument([
        { type: 'list', ordered: true, items: [[text('a')], [text('b')]] },
        { type: 'list', ordered: true, items: [[text('c')]] },
      ]),
    );
    const numIds = [...(parts.get('word/document.xml') ?? '').matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((match) => match[1]);
    expect(numIds).toHaveLength(3);
    expect(numIds[0]).toBe(numIds[1]);
    expect(numIds[2]).not.toBe(numIds[0]);
  });

  test('puts space above text that follows a table, since Word leaves none below tables', async () => {
    const table: Block = { type: 'table', widths: [1], rows: [[{ children: [text('cell')] }]] };
    const { parts } = await partsOf(
      sampleDocument([table, { type: 'paragraph', children: [text('after')] }, table, { type: 'list', ordered: false, items: [[text('one')], [text('two')]] }, { type: 'paragraph', children: [text('plain')] }]),
    );
    const documentXml = parts.get('word/document.xml') ?? '';
    const paragraphOf = (words: string) => new RegExp(`<w:p>(?:(?!<w:p>).)*?${words}</w:t>`).exec(documentXml)?.[0] ?? '';
    expect(paragraphOf('after')).toContain('<w:spacing w:before="160"/>');
    expect(paragraphOf('one')).toMatch(/<w:spacing w:after="60" w:before="160"\/>|<w:spacing w:before="160" w:after="60"\/>/);
    expect(paragraphOf('two')).toContain('<w:spacing w:after="60"/>');
    expect(paragraphOf('plain')).not.toContain('w:before');
    expect(documentXml).not.toContain('undefined');
  });

  test('writes an empty document that still has a body paragraph', async () => {
    const { parts } = await partsOf(sampleDocument([]));
    expect(parts.get('word/document.xml')).toMatch(/<w:body><w:p\/?>/);
  });
});
