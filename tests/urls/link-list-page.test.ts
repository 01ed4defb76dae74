import { judgeLinkList, LINK_LIST_RULE } from '../../src/urls/link-list-page';

const sentence = 'The university opened a community energy cooperative with local residents and students in March of the data year.';
const paragraph = (n: number) => `<p>${Array.from({ length: n }, () => sentence).join(' ')}</p>`;
const linkItems = (n: number, prefix = 'Report') => Array.from({ length: n }, (_, i) => `<li><a href="/doc-${i}">${prefix} ${i} on sustainability</a></li>`).join('');
const page = (body: string, head = '<title>t</title>') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('judgeLinkList (impact-pack\'s heuristic)', () => {
  const cases: [string, string, boolean][] = [
    ['a link farm: forty links and a heading', page(`<h1>Sustainability reports</h1><ul>${linkItems(40)}</ul>`), true],
    ['a link farm with short labels between links', page(`<h1>Resources</h1>${Array.from({ length: 15 }, (_, i) => `<div>Year ${i}: <a href="/r${i}">annual report for energy and water</a></div>`).join('')}`), true],
    ['an article with a few links', page(`<h1>Energy</h1>${paragraph(4)}<p>See <a href="/a">the policy</a> and <a href="/b">the report</a>.</p>${paragraph(3)}`), false],
    ['a nav-heavy page with a real article', page(`<nav><ul>${linkItems(80, 'Menu')}</ul></nav><article><h1>Solar roof</h1>${paragraph(8)}</article><footer>${linkItems(30, 'Footer')}</footer>`), false],
    ['nine links and nothing else (too few to call a list)', page(`<ul>${linkItems(9)}</ul>`), false],
    ['empty string', '', false],
    ['an empty body', page(''), false],
    ['malformed HTML: unclosed tags and stray brackets', `<div><a href="/x">one two<a href=/y>three <<< >> <p>four ${'<a href="/z">z'.repeat(12)}`, true],
    ['links hidden in a script do not count', page(`<script>${'document.write("<a href=/x>x</a>");'.repeat(50)}</script>${paragraph(2)}`), false],
    ['text in a style or comment is not running text', page(`<style>${'p { color: red } '.repeat(200)}</style><!-- ${sentence.repeat(30)} --><ul>${linkItems(20)}</ul>`), true],
    ['an unclosed script hides the rest', page(`<ul>${linkItems(5)}</ul><script>var a = 1; ${linkItems(50)}`), false],
    ['named anchors are not links, and their text is running text', page(`<ul>${linkItems(12)}</ul>${Array.from({ length: 8 }, (_, i) => `<h2><a name="s${i}">Section ${i}</a></h2><p><a id="p${i}">${sentence}</a></p>`).join('')}`), false],
    ['<header> is visible, not <head>', `<header>${linkItems(20)}</header>`, true],
  ];
  it.each(cases)('%s', (_name, html, expected) => {
    expect(judgeLinkList(html).isLinkList).toBe(expected);
  });

  it('reports the figures it judged on', () => {
    const v = judgeLinkList(page(`<h1>Reports</h1><ul>${linkItems(20)}</ul>`));
    expect(v).toMatchObject({ isLinkList: true, links: 20, runningWords: 0, truncated: false });
    expect(v.linkWordShare).toBeGreaterThan(0.9);
  });

  it('reads only the start of a huge body, and says so', () => {
    const huge = page(`<ul>${linkItems(30)}</ul>${'<p></p>'.repeat(LINK_LIST_RULE.MAX_CHARS / 7)}<p>${paragraph(20)}</p>`);
    const v = judgeLinkList(huge);
    expect(v.truncated).toBe(true);
    expect(v.isLinkList).toBe(true);
  });

  it('stays bounded on pathological input (many unclosed openers)', () => {
    for (const piece of ['<a', '<script', '<!--', '<a href=']) {
      const v = judgeLinkList(piece.repeat(LINK_LIST_RULE.MAX_CHARS / piece.length));
      expect(v.isLinkList).toBe(false);
    }
  });
});
