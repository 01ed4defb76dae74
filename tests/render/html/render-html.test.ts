import type { Block, DocumentIR } from '../../../src/render/ir/types';
import { renderHtml } from '../../../src/render/html';
import { FRENCH, POLISH, SAMPLE_BLOCKS, TURKISH, link, sampleDocument, text } from '../docx/sample-document';

/** The page's tags outside the stylesheet (CSS selectors contain '>' and would confuse the scan). */
function tagsOf(html: string): { name: string; source: string }[] {
  const withoutStyle = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  return [...withoutStyle.matchAll(/<\/?([a-zA-Z0-9!]+)[^>]*>/g)].map((match) => ({ name: match[1].toLowerCase(), source: match[0] }));
}

/** Attribute names of a tag, read after removing quoted values (where escaped text such as "onload=" may sit). */
function attributeNamesOf(tagSource: string): string[] {
  const withoutValues = tagSource.replace(/="[^"]*"/g, '');
  return [...withoutValues.matchAll(/\s([^\s=>\/]+)/g)].map((match) => match[1].toLowerCase());
}

function hrefsOf(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => match[1]);
}

function stylesheetOf(html: string): string {
  return /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
}

const ALLOWED_TAGS = new Set([
  '!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'nav', 'p', 'h1', 'h2', 'h3',
  'ul', 'ol', 'li', 'a', 'strong', 'em', 'code', 'div', 'table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td', 'hr',
]);

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)> "quoted" 'single' & ampersand`;

function documentWith(blocks: Block[]): DocumentIR {
  return sampleDocument(blocks);
}

describe('renderHtml on a submission document', () => {
  const { value: html, diagnostics } = renderHtml(sampleDocument());

  test('is an HTML5 document in the IR language, with title, description and a phone viewport', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<title>SDG 7 submission: IMT Mines Alès</title>');
    expect(html).toContain('<meta name="description" content="THE Impact Rankings 2022, SDG 7 Affordable and Clean Energy">');
    expect(html).toContain('<meta name="author" content="IMT Mines Alès">');
    expect(html).toContain('<meta name="keywords" content="THE Impact Rankings, SDG 7, energy">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<meta name="dcterms.created" content="2022-03-15">');
    expect(diagnostics).toEqual([]);
  });

  test('keeps every text, with French, Polish and Turkish characters as characters', () => {
    for (const expected of [FRENCH, POLISH, TURKISH, '7.3.1 Energy usage per m²', '59 % of energy bought, 83 % of its carbon footprint']) {
      expect(html).toContain(expected);
    }
    expect(html).toContain('« Mines Alès durable » : l’œuvre commune, budget 12 000 €');
  });

  test('writes headings with their ids and a linked table of contents that reaches each of them', () => {
    expect(html).toContain('<h1 id="group-7-2">7.2 University measures towards affordable and clean energy</h1>');
    expect(html).toContain('<h3 id="item-sdg7-energy-policy">Energy policy: four lines of action</h3>');
    const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    expect(toc).toContain('<p class="toc-title">Contents</p>');
    const tocTargets = hrefsOf(toc);
    expect(tocTargets).toEqual(['#group-7-2', '#metric-7-2-1', '#metric-7-3-1', '#item-sdg7-energy-policy']);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    for (const target of tocTargets) expect(ids).toContain(target.slice(1));
    // The level-2 entries nest inside the level-1 entry.
    expect(toc).toMatch(/<li><a href="#group-7-2">[^<]*<\/a>\s*<ol>\s*<li><a href="#metric-7-2-1">/);
  });

  test('writes tables with a header in <thead>, column widths, and a scroll box for narrow screens', () => {
    expect(html).toContain('<colgroup><col style="width:20.00%"><col style="width:50.00%"><col style="width:30.00%"></colgroup>');
    expect(html).toContain('<thead><tr><th scope="col">Energy</th><th scope="col">Share of purchases 2020</th><th scope="col">Source</th></tr></thead>');
    expect(html).toMatch(/<div class="table-scroll"[^>]*tabindex="0">\n<table>/);
    expect(stylesheetOf(html)).toMatch(/\.table-scroll \{ overflow-x: auto;/);
  });

  test('marks notes, small print, title and subtitle, and page breaks', () => {
    expect(html).toContain('<p class="note" role="note">Nothing submitted: the table of energy purchased in 2020 is missing from the report.</p>');
    expect(html).toContain('<p class="small">');
    expect(html).toContain('<p class="title">SDG 7: Affordable and Clean Energy</p>');
    expect(html).toContain('<p class="subtitle">');
    expect(html).toContain('<hr class="page-break">');
    expect(html).toMatch(/<ol>\n<li>Find the 2020 energy invoices<\/li>/);
    expect(html).toContain('<code>sdg7-building-retrofit</code>');
  });

  test('uses the accent for rules and a darker shade of it for heading text', () => {
    const css = stylesheetOf(html);
    expect(css).toContain('--accent: #fcc30b;');
    expect(css).toMatch(/--accent-text: #[0-9a-f]{6};/);
    expect(css).not.toContain('--accent-text: #fcc30b;');
    expect(css).toContain('h1, h2, h3 { color: var(--accent-text);');
  });

  test('has print rules for A4, page breaks, repeated table headers and link addresses', () => {
    const css = stylesheetOf(html);
    expect(css).toContain('size: A4;');
    expect(css).toMatch(/@media print \{[\s\S]*hr\.page-break \{ break-after: page;/);
    expect(css).toContain('content: " (" attr(href) ")"');
    expect(css).toContain('thead { display: table-header-group; }');
    expect(css).toContain('@top-center { content: "IMT Mines Alès · SDG 7";');
  });

  test('does not print the address after a link whose text already is the address', () => {
    const { value } = renderHtml(documentWith([{ type: 'paragraph', children: [link('https://www.almoe.org/materiaux/', 'www.almoe.org/materiaux'), link('https://www.almoe.org/', 'ALMOE')] }]));
    expect(value).toContain('<a href="https://www.almoe.org/materiaux/" class="bare">www.almoe.org/materiaux</a>');
    expect(value).toContain('<a href="https://www.almoe.org/">ALMOE</a>');
  });

  test('loads nothing: no scripts, external style sheets, images, frames or CSS urls, and a CSP that forbids them', () => {
    for (const tag of tagsOf(html)) expect(ALLOWED_TAGS).toContain(tag.name);
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed|base|form)\b/i);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    const css = stylesheetOf(html);
    expect(css).not.toMatch(/url\(|@import/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"`);
    // Every address in the page is a link a reader clicks, never a resource the page fetches.
    const addresses = [...html.matchAll(/(\w+)="(https?:[^"]*)"/g)].map((match) => match[1]);
    expect(new Set(addresses)).toEqual(new Set(['href']));
  });

  test('gives the same string on every run', () => {
    expect(renderHtml(sampleDocument()).value).toBe(html);
  });
});

describe('renderHtml with hostile evidence text', () => {
  const hostile: DocumentIR = {
    meta: {
      ...sampleDocument().meta,
      title: HOSTILE,
      subject: HOSTILE,
      author: '"><script>alert(1)</script>',
      keywords: ['a"b', '<k>'],
      header: 'x"; } </style><script>alert(1)</script>',
      language: 'en" onload="alert(1)',
    },
    blocks: [
      { type: 'heading', level: 1, id: 'x" onmouseover="alert(1)', children: [text(HOSTILE)] },
      { type: 'paragraph', children: [text(HOSTILE, { bold: true }), text(HOSTILE, { code: true })] },
      { type: 'paragraph', style: 'note', children: [link('https://example.org/?q="><script>alert(1)</script>', HOSTILE)] },
      { type: 'list', ordered: false, items: [[text(HOSTILE)]] },
      { type: 'table', widths: [1], header: [{ children: [text(HOSTILE)] }], rows: [[{ children: [text(HOSTILE)] }]] },
      { type: 'toc', title: HOSTILE },
    ],
  };
  const { value: html } = renderHtml(hostile);

  test('shows the text as text: only allowed tags, no event handler attributes', () => {
    for (const tag of tagsOf(html)) {
      expect(ALLOWED_TAGS).toContain(tag.name);
      for (const name of attributeNamesOf(tag.source)) expect(name).not.toMatch(/^on/);
    }
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &#39;single&#39; &amp; ampersand');
  });

  test('keeps the style element closed where it should be', () => {
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(stylesheetOf(html)).not.toContain('<');
  });

  test('escapes quotes and brackets inside link addresses', () => {
    expect(hrefsOf(html)).toContain('https://example.org/?q=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('renderHtml link filtering', () => {
  const blocks: Block[] = [
    { type: 'heading', level: 2, id: 'target', children: [text('Target')] },
    {
      type: 'paragraph',
      children: [
        link('javascript:alert(1)', 'script link'),
        link('data:text/html,<b>x</b>', 'data link'),
        link('file:///etc/passwd', 'file link'),
        link('vbscript:x', 'vb link'),
        link('java\tscript:alert(1)', 'tab link'),
        link('#target', 'good anchor'),
        link('#nowhere', 'dead anchor'),
        link('https://www.mines-ales.fr/', 'web'),
        link('mailto:developpement.durable@mines-ales.fr', 'mail'),
      ],
    },
  ];
  const { value: html, diagnostics } = renderHtml(documentWith(blocks));

  test('emits only http, https, mailto and existing #anchor hrefs', () => {
    expect(hrefsOf(html)).toEqual(['#target', 'https://www.mines-ales.fr/', 'mailto:developpement.durable@mines-ales.fr']);
    for (const href of hrefsOf(html)) expect(href).toMatch(/^(https?:|mailto:|#)/);
  });

  test('writes refused links as their plain text and reports each one', () => {
    expect(html).toContain('script linkdata linkfile linkvb linktab link<a href="#target">good anchor</a>dead anchor<a');
    expect(diagnostics.map((d) => d.code)).toEqual([...Array(5).fill('LINK_SCHEME_REJECTED'), 'LINK_TARGET_MISSING']);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', file: '', message: 'HTML: the link to "javascript:alert(1)" was written as plain text because the scheme "javascript:" is not allowed.' });
    expect(diagnostics[5].message).toBe('HTML: the internal link to "#nowhere" was written as plain text because no heading has that id.');
  });
});

describe('renderHtml anchors and repairs', () => {
  test('keeps a duplicated id on its first heading only and still lists both in the contents', () => {
    const { value: html, diagnostics } = renderHtml(
      documentWith([
        { type: 'toc', title: 'Contents' },
        { type: 'heading', level: 1, id: 'same', children: [text('First')] },
        { type: 'heading', level: 1, id: 'same', children: [text('Second')] },
        { type: 'heading', level: 2, children: [text('No id')] },
      ]),
    );
    expect(html.match(/id="same"/g)).toHaveLength(1);
    expect(html).toContain('<h1 id="section-1">Second</h1>');
    expect(html).toContain('<h2 id="section-2">No id</h2>');
    expect(hrefsOf(html)).toEqual(['#same', '#section-1', '#section-2']);
    expect(diagnostics.map((d) => d.code)).toEqual(['ANCHOR_DUPLICATE']);
  });

  test('does not hand out a generated id a heading already has', () => {
    const { value: html } = renderHtml(
      documentWith([
        { type: 'heading', level: 1, children: [text('Generated')] },
        { type: 'heading', level: 1, id: 'section-1', children: [text('Own')] },
      ]),
    );
    expect(html).toContain('<h1 id="section-2">Generated</h1>');
    expect(html).toContain('<h1 id="section-1">Own</h1>');
  });

  test('falls back to a safe accent when the given one is not #rrggbb', () => {
    const ir = sampleDocument([]);
    ir.meta.accent = 'red; } main { visibility: hidden';
    const { value: html, diagnostics } = renderHtml(ir);
    expect(html).not.toContain('visibility');
    expect(stylesheetOf(html)).toContain('--accent: #1f4e79;');
    expect(diagnostics.map((d) => d.code)).toEqual(['ACCENT_INVALID']);
  });

  test('repairs ragged tables and leaves out tables without rows, reporting both', () => {
    const { value: html, diagnostics } = renderHtml(
      documentWith([
        { type: 'table', widths: [1, 1], rows: [[{ children: [text('only one')] }]] },
        { type: 'table', widths: [1], rows: [] },
      ]),
    );
    expect(html).toContain('<tr><td>only one</td><td></td></tr>');
    expect(html.match(/<table>/g)).toHaveLength(1);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['TABLE_SHAPE', 'HTML: row 1 has 1 cell(s) for 2 column(s).'],
      ['TABLE_SHAPE', 'HTML: the table has no rows and is left out.'],
    ]);
  });
});
