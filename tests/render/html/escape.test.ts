import { cssString, escapeHtml } from '../../../src/render/html/escape';

describe('escapeHtml', () => {
  test('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & more`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; more');
  });

  test('keeps non-ASCII text as characters', () => {
    expect(escapeHtml('« œuvre » l’été 12 € Łódź Şişli İstanbul')).toBe('« œuvre » l’été 12 € Łódź Şişli İstanbul');
  });

  test('shows control characters and lone surrogates as U+FFFD', () => {
    expect(escapeHtml('a\u0000b\u0007c\uD800d\tok\n')).toBe('a\uFFFDb\uFFFDc\uFFFDd\tok\n');
    expect(escapeHtml('emoji \uD83D\uDE00 stays')).toBe('emoji \uD83D\uDE00 stays');
  });
});

describe('cssString', () => {
  test('quotes plain text as it is', () => {
    expect(cssString('IMT Mines Alès · SDG 7')).toBe('"IMT Mines Alès · SDG 7"');
  });

  test('cannot be ended early by a quote, a backslash, a newline or a closing style tag', () => {
    const css = cssString('x"; } </style><script>alert(1)</script>\\\n');
    expect(css.startsWith('"') && css.endsWith('"')).toBe(true);
    const inner = css.slice(1, -1);
    expect(inner).not.toMatch(/["<>\n]/);
    // Every backslash left is the start of a hex escape such as "\3C ".
    expect(inner.replace(/\\[0-9A-F]+ /g, '')).not.toContain('\\');
    expect(inner).toContain('\\3C \\2F style\\3E ');
  });
});
