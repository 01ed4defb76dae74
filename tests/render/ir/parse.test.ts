import { parseDocumentMarkup, type MarkupOrigin } from '../../../src/render/ir/parse';
import type { Block, DocumentMeta } from '../../../src/render/ir/types';

const meta: DocumentMeta = {
  title: 'SDG 7: Affordable and Clean Energy — IMT Mines Alès',
  author: 'IMT Mines Alès',
  subject: 'Evidence',
  keywords: ['SDG 7'],
  language: 'en',
  date: new Date('2021-11-01T00:00:00Z'),
  header: 'IMT Mines Alès · SDG 7',
  accent: '#fcc30b',
};
const origin: MarkupOrigin = { file: 'templates/sdg-document.hbs' };

const parse = (markup: string, from: MarkupOrigin = origin) => parseDocumentMarkup(markup, meta, from);

function blocksOf(markup: string): Block[] {
  const result = parse(markup);
  expect(result.diagnostics).toEqual([]);
  if (result.value === undefined) throw new Error('expected a document');
  return result.value.blocks;
}

/** Code, line and column of every diagnostic, the way a reviewer reads them. */
const where = (markup: string) => parse(markup).diagnostics.map((d) => `${d.code} ${d.severity} ${d.line}:${d.column}`);

describe('parseDocumentMarkup: the vocabulary', () => {
  it('parses every block element into the IR', () => {
    const blocks = blocksOf(`
      <p class="title">IMT Mines Alès</p>
      <p class="subtitle">SDG 7</p>
      <toc title="Contents"/>
      <pagebreak/>
      <h1 id="group-7.2">7.2 University measures</h1>
      <h2 id="metric-7.2.1">7.2.1 Energy-efficient renovation</h2>
      <h3>An item</h3>
      <p>Plain text.</p>
      <p class="note">Nothing submitted for this metric.</p>
      <p class="small">Fine print.</p>
      <ul><li>one</li><li>two</li></ul>
      <ol><li>first</li></ol>
      <table widths="3,1">
        <thead><tr><th>Label</th><th>Value</th></tr></thead>
        <tbody><tr><td>Floor area</td><td>42 000 m²</td></tr></tbody>
      </table>
    `);
    expect(blocks).toEqual([
      { type: 'paragraph', style: 'title', children: [{ type: 'text', text: 'IMT Mines Alès' }] },
      { type: 'paragraph', style: 'subtitle', children: [{ type: 'text', text: 'SDG 7' }] },
      { type: 'toc', title: 'Contents' },
      { type: 'pagebreak' },
      { type: 'heading', level: 1, id: 'group-7.2', children: [{ type: 'text', text: '7.2 University measures' }] },
      { type: 'heading', level: 2, id: 'metric-7.2.1', children: [{ type: 'text', text: '7.2.1 Energy-efficient renovation' }] },
      { type: 'heading', level: 3, children: [{ type: 'text', text: 'An item' }] },
      { type: 'paragraph', style: 'normal', children: [{ type: 'text', text: 'Plain text.' }] },
      { type: 'paragraph', style: 'note', children: [{ type: 'text', text: 'Nothing submitted for this metric.' }] },
      { type: 'paragraph', style: 'small', children: [{ type: 'text', text: 'Fine print.' }] },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'first' }]] },
      {
        type: 'table',
        widths: [3, 1],
        header: [{ children: [{ type: 'text', text: 'Label' }] }, { children: [{ type: 'text', text: 'Value' }] }],
        rows: [[{ children: [{ type: 'text', text: 'Floor area' }] }, { children: [{ type: 'text', text: '42 000 m²' }] }]],
      },
    ]);
  });

  it('parses inline formatting and links, nested formatting included', () => {
    const [block] = blocksOf(
      '<p>A <em>b <strong>c</strong></em> <code>d</code> <a href="https://www.mines-ales.fr/x?a=1&amp;b=2">site <em>page</em></a> <a href="mailto:dd@mines-ales.fr">mail</a></p>',
    );
    expect(block).toEqual({
      type: 'paragraph',
      style: 'normal',
      children: [
        { type: 'text', text: 'A ' },
        { type: 'text', text: 'b ', italic: true },
        { type: 'text', text: 'c', italic: true, bold: true },
        { type: 'text', text: ' ' },
        { type: 'text', text: 'd', code: true },
        { type: 'text', text: ' ' },
        {
          type: 'link',
          href: 'https://www.mines-ales.fr/x?a=1&b=2',
          children: [
            { type: 'text', text: 'site ' },
            { type: 'text', text: 'page', italic: true },
          ],
        },
        { type: 'text', text: ' ' },
        { type: 'link', href: 'mailto:dd@mines-ales.fr', children: [{ type: 'text', text: 'mail' }] },
      ],
    });
  });

  it('keeps an internal link to a heading that comes later in the document', () => {
    const blocks = blocksOf('<p><a href="#appendix-files">see the appendix</a></p><h1 id="appendix-files">Appendix</h1>');
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      style: 'normal',
      children: [{ type: 'link', href: '#appendix-files', children: [{ type: 'text', text: 'see the appendix' }] }],
    });
  });

  it('gives a table without widths equal columns and accepts rows directly in <table>', () => {
    const [table] = blocksOf('<table><tr><td>a</td><td>b</td><td>c</td></tr></table>');
    expect(table).toEqual({
      type: 'table',
      widths: [1, 1, 1],
      rows: [[{ children: [{ type: 'text', text: 'a' }] }, { children: [{ type: 'text', text: 'b' }] }, { children: [{ type: 'text', text: 'c' }] }]],
    });
  });

  it('accepts a header-only table (an empty list rendered as no rows) and decimal widths', () => {
    const [table] = blocksOf('<table widths="2.5,1"><thead><tr><th>a</th><th>b</th></tr></thead><tbody></tbody></table>');
    expect(table).toMatchObject({ type: 'table', widths: [2.5, 1], rows: [] });
  });
});

describe('parseDocumentMarkup: text', () => {
  it('decodes the entities Handlebars escaping produces, numeric references and a few names', () => {
    const [block] = blocksOf('<p>R&amp;D &lt;b&gt; &#x3D; &quot;q&quot; &#x27;s&#x27; &#x60;t&#x60; &#8212; &#x2014; &apos;&nbsp;x</p>');
    expect(block).toEqual({
      type: 'paragraph',
      style: 'normal',
      children: [{ type: 'text', text: 'R&D <b> = "q" \'s\' `t` — — \'\u00a0x' }],
    });
  });

  it('decodes entities in attribute values', () => {
    const [block] = blocksOf('<toc title="Contents &amp; annexes &#x3D;"/>');
    expect(block).toEqual({ type: 'toc', title: 'Contents & annexes =' });
  });

  it('collapses whitespace like HTML, across formatting runs, and keeps no-break spaces', () => {
    const [block] = blocksOf('<p>\n   Two   words\t<em>  and\n more </em>  text\u00a0\u00a0here  \n</p>');
    expect(block).toEqual({
      type: 'paragraph',
      style: 'normal',
      children: [
        { type: 'text', text: 'Two words ' },
        // As in HTML, the space before </em> is the one kept; the one after it collapses into it.
        { type: 'text', text: 'and more ', italic: true },
        { type: 'text', text: 'text\u00a0\u00a0here' },
      ],
    });
  });

  it('joins neighbouring runs with the same formatting', () => {
    const [block] = blocksOf('<p><strong>a</strong><strong>b</strong>c</p>');
    expect(block).toEqual({
      type: 'paragraph',
      style: 'normal',
      children: [
        { type: 'text', text: 'ab', bold: true },
        { type: 'text', text: 'c' },
      ],
    });
  });

  it('drops empty paragraphs but keeps empty headings, list items and cells', () => {
    const blocks = blocksOf('<p>  </p><h3 id="x"></h3><ul><li></li></ul><table><tr><td></td></tr></table>');
    expect(blocks).toEqual([
      { type: 'heading', level: 3, id: 'x', children: [] },
      { type: 'list', ordered: false, items: [[]] },
      { type: 'table', widths: [1], rows: [[{ children: [] }]] },
    ]);
  });

  it('keeps hostile evidence text as text once Handlebars has escaped it', () => {
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href&#x3D;&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;';
    const [block] = blocksOf(`<p>${escaped}</p>`);
    expect(block).toEqual({
      type: 'paragraph',
      style: 'normal',
      children: [{ type: 'text', text: '<script>alert(1)</script> <a href="javascript:alert(1)">x</a>' }],
    });
  });
});

describe('parseDocumentMarkup: structure errors', () => {
  it('reports an unknown element with its line and column, and produces no document', () => {
    const result = parse('<p>fine</p>\n<p>\n    <blink>Hello</blink></p>');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      code: 'TEMPLATE_MARKUP',
      severity: 'error',
      file: 'templates/sdg-document.hbs',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 12,
      source: 'template',
    });
    expect(result.diagnostics[0].message).toContain('Unknown element <blink>');
    expect(result.diagnostics[0].message).toContain('near "<blink>Hello</blink></p>"');
  });

  it('suggests lower case for an upper-case element name', () => {
    const [diagnostic] = parse('<P>x</P>').diagnostics;
    expect(diagnostic.hint).toBe('Element names are lower case: <p>.');
  });

  it.each([
    ['mis-nested tags', '<p><em><strong>x</em></strong></p>', ['TEMPLATE_MARKUP error 1:8'], '<strong> is not closed before </em>'],
    ['an unclosed element', '<p>ok</p>\n<ul>\n  <li>x</li>', ['TEMPLATE_MARKUP error 2:1'], '<ul> is never closed'],
    ['a stray end tag', '<p>x</p></em>', ['TEMPLATE_MARKUP error 1:9'], '</em> closes nothing'],
    ['a block inside a paragraph', '<p>a <p>b</p></p>', ['TEMPLATE_MARKUP error 1:6'], '<p> is not allowed inside <p>'],
    ['a list item outside a list', '<li>x</li>', ['TEMPLATE_MARKUP error 1:1'], '<li> is not allowed inside the top level'],
    ['a nested list', '<ul><li>a<ul><li>b</li></ul></li></ul>', ['TEMPLATE_MARKUP error 1:10'], '<ul> is not allowed inside <li>'],
    ['a link inside a link', '<p><a href="#x">a <em><a href="#y">b</a></em></a></p><h1 id="x">x</h1><h1 id="y">y</h1>', ['TEMPLATE_MARKUP error 1:23'], 'A link cannot contain another link'],
    ['text at the top level', '<p>a</p>\n  loose text\n<p>b</p>', ['TEMPLATE_MARKUP error 2:3'], 'Text is not allowed directly inside the top level'],
    ['text directly in a list', '<ul>x<li>a</li></ul>', ['TEMPLATE_MARKUP error 1:5'], 'Text is not allowed directly inside <ul>'],
    ['a self-closed paragraph', '<p/><p>x</p>', ['TEMPLATE_MARKUP error 1:1'], '<p/> cannot be self-closing'],
    ['a page break that is not self-closed', '<pagebreak>', ['TEMPLATE_MARKUP error 1:1'], 'must be written <pagebreak/>'],
    ['an end tag for an empty element', '<pagebreak/></pagebreak>', ['TEMPLATE_MARKUP error 1:13'], '</pagebreak> is not needed'],
    ['an unknown attribute', '<p style="color:red">x</p>', ['TEMPLATE_MARKUP error 1:4'], 'Unknown attribute "style" on <p>'],
    ['an unknown paragraph class', '<p class="warning">x</p>', ['TEMPLATE_MARKUP error 1:11'], 'Unknown paragraph class "warning"'],
    ['an unquoted attribute value', '<h1 id=top>x</h1>', ['TEMPLATE_MARKUP error 1:5'], 'is not in quotes'],
    ['an attribute without a value', '<table widths><tr><td>a</td></tr></table>', ['TEMPLATE_MARKUP error 1:8'], 'has no value'],
    ['a duplicated attribute', '<h1 id="a" id="b">x</h1>', ['TEMPLATE_MARKUP error 1:12'], 'given twice'],
    ['a missing href', '<p><a>x</a></p>', ['TEMPLATE_MARKUP error 1:4'], '<a> needs the attribute "href"'],
    ['a missing toc title', '<toc/>', ['TEMPLATE_MARKUP error 1:1'], '<toc> needs the attribute "title"'],
    ['a bare ampersand', '<p>R&D</p>', ['TEMPLATE_MARKUP error 1:5'], 'A bare "&"'],
    ['an unknown entity', '<p>&eacute;</p>', ['TEMPLATE_MARKUP error 1:4'], 'Unknown character reference "&eacute;"'],
    ['a reference to no character', '<p>&#0;&#xD800;&#x110000;</p>', ['TEMPLATE_MARKUP error 1:4', 'TEMPLATE_MARKUP error 1:8', 'TEMPLATE_MARKUP error 1:16'], 'does not name a usable character'],
    ['a lone "<"', '<p>a < b</p>', ['TEMPLATE_MARKUP error 1:6'], 'A "<" that does not start a tag'],
    ['an HTML comment', '<!-- <p>x</p> -->', ['TEMPLATE_MARKUP error 1:1'], 'An HTML comment'],
    ['a tag cut short by another tag', '<p class="note"<em>x</em></p>', ['TEMPLATE_MARKUP error 1:1'], 'is not closed with ">"'],
    ['a malformed end tag', '<p>x</p junk>', ['TEMPLATE_MARKUP error 1:5'], 'The end tag </p> is malformed'],
    ['a <br>, which the vocabulary leaves out', '<p>a<br/>b</p>', ['TEMPLATE_MARKUP error 1:5'], 'Unknown element <br>'],
    ['a <th> in the body', '<table><tr><th>a</th></tr></table>', ['TEMPLATE_MARKUP error 1:12'], '<th> belongs in <thead>'],
    ['a <td> in the header', '<table><thead><tr><td>a</td></tr></thead></table>', ['TEMPLATE_MARKUP error 1:19'], 'Cells in <thead> are written <th>'],
    ['two header rows', '<table><thead><tr><th>a</th></tr><tr><th>b</th></tr></thead></table>', ['TEMPLATE_MARKUP error 1:8'], 'exactly one <tr>, not 2'],
    ['an id that is not an anchor', '<h1 id="a b">x</h1>', ['TEMPLATE_MARKUP error 1:9'], 'is not a usable anchor'],
  ])('reports %s', (_name, markup, expected, messagePart) => {
    const result = parse(markup);
    expect(result.diagnostics.map((d) => `${d.code} ${d.severity} ${d.line}:${d.column}`)).toEqual(expected);
    expect(result.diagnostics[0].message).toContain(messagePart);
    expect(result.value).toBeUndefined();
  });

  it('reports every problem of a document in one run, in document order', () => {
    expect(where('<blink>a</blink>\n<p class="x">b</p>\n<p>R&D</p>')).toEqual([
      'TEMPLATE_MARKUP error 1:1',
      'TEMPLATE_MARKUP error 2:11',
      'TEMPLATE_MARKUP error 3:5',
    ]);
  });

  it('counts lines in markup with Windows line ends', () => {
    expect(where('<p>a</p>\r\n<p>b</p>\r\n  <x/>')).toEqual(['TEMPLATE_MARKUP error 3:3']);
  });
});

describe('parseDocumentMarkup: repairs, as the writers make them, with a warning', () => {
  const one = (text: string) => [{ type: 'text', text }];

  it('pads short table rows with empty cells', () => {
    const result = parse('<table>\n<thead><tr><th>a</th><th>b</th><th>c</th></tr></thead>\n<tr><td>d</td></tr>\n</table>');
    expect(result.diagnostics.map((d) => `${d.code} ${d.severity} ${d.line}:${d.column}`)).toEqual(['TABLE_SHAPE warning 3:1']);
    expect(result.diagnostics[0].message).toContain('This row has 1 cells where the table has 3 columns');
    expect(result.value?.blocks).toEqual([
      {
        type: 'table',
        widths: [1, 1, 1],
        header: [{ children: one('a') }, { children: one('b') }, { children: one('c') }],
        rows: [[{ children: one('d') }, { children: [] }, { children: [] }]],
      },
    ]);
  });

  it('takes the widest row as the number of columns, padding the header too', () => {
    const result = parse('<table><thead><tr><th>a</th></tr></thead><tr><td>b</td><td>c</td></tr></table>');
    expect(result.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['TABLE_SHAPE 1:15']);
    expect(result.value?.blocks[0]).toMatchObject({ widths: [1, 1], header: [{ children: one('a') }, { children: [] }] });
  });

  it.each([
    ['3,x', 'must list positive numbers'],
    ['3,0', 'must list positive numbers'],
    ['3,-1', 'must list positive numbers'],
    ['1,2,3', 'gives 3 widths for 2 columns'],
  ])('makes the columns equal when widths="%s" does not fit', (widths, reason) => {
    const result = parse(`<table widths="${widths}"><tr><td>a</td><td>b</td></tr></table>`);
    expect(result.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['TABLE_SHAPE 1:16']);
    expect(result.diagnostics[0].message).toContain(reason);
    expect(result.value?.blocks[0]).toMatchObject({ widths: [1, 1] });
  });

  it('leaves out a table without cells', () => {
    const result = parse('<p>x</p><table><tbody></tbody></table>');
    expect(result.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['TABLE_SHAPE 1:9']);
    expect(result.value?.blocks).toEqual([{ type: 'paragraph', style: 'normal', children: one('x') }]);
  });

  it('keeps a heading id for the first heading that has it only', () => {
    const result = parse('<h1 id="a">x</h1><h2 id="a">y</h2><p><a href="#a">to x</a></p>');
    expect(result.diagnostics.map((d) => `${d.code} ${d.severity} ${d.line}:${d.column}`)).toEqual(['ANCHOR_DUPLICATE warning 1:26']);
    expect(result.value?.blocks.slice(0, 2)).toEqual([
      { type: 'heading', level: 1, id: 'a', children: one('x') },
      { type: 'heading', level: 2, children: one('y') },
    ]);
    expect(result.value?.blocks[2]).toMatchObject({ children: [{ type: 'link', href: '#a' }] });
  });
});

describe('parseDocumentMarkup: links', () => {
  it.each([
    ['javascript:alert(1)', 'the scheme "javascript:" is not allowed'],
    ['JaVaScRiPt:alert(1)', 'the scheme "javascript:" is not allowed'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'the scheme "data:" is not allowed'],
    ['file:///etc/passwd', 'the scheme "file:" is not allowed'],
    ['java&#x0A;script:alert(1)', 'control characters'],
    ['files/sdg-7/plan.pdf', 'neither an absolute http(s) or mailto link nor a #anchor'],
    ['//evil.example/x', 'neither an absolute http(s) or mailto link nor a #anchor'],
    ['https://', 'is not a complete https link'],
    ['', 'the link target is empty'],
  ])('drops a link to %s with a warning and keeps its text', (href, reason) => {
    const result = parse(`<p>\n  See <a href="${href}">the <em>page</em></a>.</p>`);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'LINK_SCHEME_REJECTED', severity: 'warning', line: 2, column: 16 });
    expect(result.diagnostics[0].message).toContain(reason);
    expect(result.value?.blocks).toEqual([
      {
        type: 'paragraph',
        style: 'normal',
        children: [
          { type: 'text', text: 'See the ' },
          { type: 'text', text: 'page', italic: true },
          { type: 'text', text: '.' },
        ],
      },
    ]);
  });

  it('drops an internal link to an id no heading has, with a warning', () => {
    const result = parse('<p><a href="#nowhere">x</a></p>');
    expect(result.diagnostics.map((d) => `${d.code} ${d.severity} ${d.line}:${d.column}`)).toEqual(['LINK_TARGET_MISSING warning 1:13']);
    expect(result.value?.blocks).toEqual([{ type: 'paragraph', style: 'normal', children: [{ type: 'text', text: 'x' }] }]);
  });

  it('returns the document meta it was given', () => {
    expect(parse('<p>x</p>').value?.meta).toBe(meta);
  });
});

describe('parseDocumentMarkup: which template produced the text', () => {
  it('names the file of the span the problem falls in', () => {
    const markup = '<p>main</p>\n<p>item <blink>x</blink></p>\n<p>main again <x/></p>';
    const spans = [
      { start: markup.indexOf('<p>item'), file: 'templates/partials/item.hbs' },
      { start: markup.indexOf('\n<p>main again'), file: 'templates/sdg-document.hbs' },
    ];
    const result = parse(markup, { file: 'templates/sdg-document.hbs', spans });
    expect(result.diagnostics.map((d) => `${d.file} ${d.line}:${d.column}`)).toEqual([
      'templates/partials/item.hbs 2:9',
      'templates/sdg-document.hbs 3:15',
    ]);
  });
});
