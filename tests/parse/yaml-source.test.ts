import { locate, parseYamlSource } from '../../src/parse/yaml-source';
import { parseItem } from '../../src/parse/item';

describe('parseYamlSource', () => {
  it('maps nested data paths to lines and columns through the node tree', () => {
    const text = ['id: a', 'policy:', '  created: "2019"', 'public_urls:', '  - https://a.example', '  - url: https://b.example', '    label: B', '2024: numeric key'].join('\n');
    const src = parseYamlSource('x.yaml', text).value!;
    expect(locate(src, ['policy', 'created'])).toMatchObject({ line: 3, column: 12 });
    expect(locate(src, ['public_urls', 1, 'label'])).toMatchObject({ line: 7, column: 12 });
    expect(locate(src, ['public_urls', 0])).toMatchObject({ line: 5, column: 5 });
    // A map value is shown at its key, where the reader looks.
    expect(locate(src, ['policy'])).toMatchObject({ line: 2, column: 1 });
    // An absent field falls back to its nearest existing parent.
    expect(locate(src, ['policy', 'last_reviewed'])).toMatchObject({ line: 2, column: 1 });
    // Numeric keys are compared as text.
    expect(locate(src, ['2024'])).toMatchObject({ line: 8, column: 7 });
    expect(locate(src, ['label'], 'key')).toMatchObject({ line: 1, column: 1 });
  });

  it('strips a byte-order mark so columns stay right', () => {
    const src = parseYamlSource('x.yaml', '\ufeffid: a\nsdg: 7\n').value!;
    expect(src.data).toEqual({ id: 'a', sdg: 7 });
    expect(locate(src, ['sdg'])).toMatchObject({ line: 2, column: 6 });
  });

  it('reports duplicate keys but keeps the document usable', () => {
    const r = parseYamlSource('x.yaml', 'id: a\nid: b\n');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['YAML_DUPLICATE_KEY', 2, 1]]);
    expect(r.value?.data).toBeDefined();
  });

  it('reports a second document and an empty file', () => {
    expect(parseYamlSource('x.yaml', 'id: a\n---\nid: b\n').diagnostics.map((d) => [d.code, d.line])).toEqual([['YAML_MULTIPLE_DOCUMENTS', 2]]);
    expect(parseYamlSource('x.yaml', '').diagnostics.map((d) => d.code)).toEqual(['YAML_NOT_A_MAP']);
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    const r = parseYamlSource('x.yaml', bomb);
    expect(r.diagnostics.map((d) => d.code)).toContain('YAML_ALIAS_LIMIT');
  });
});

describe('parseItem', () => {
  it('restores a metric id that YAML read as a number and says to quote it', () => {
    const r = parseItem('x.yaml', 'id: a\nmetric: 6.10\n');
    expect(r.value?.item.metric).toBe('6.10');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'METRIC_NOT_STRING', line: 2, column: 9 });
    expect(r.diagnostics[0].message).toBe('Metric 6.10 is written without quotes, so YAML reads it as the number 6.1; write metric: "6.10".');
  });

  it('keeps unquoted years as text', () => {
    const r = parseItem('x.yaml', 'policy:\n  created: 2019\n  last_reviewed: unknown\nprovenance:\n  - source: r\n    lines: 12\n');
    expect(r.value?.item.policy).toEqual({ created: '2019', last_reviewed: 'unknown' });
    expect(r.value?.item.provenance?.[0].lines).toBe('12');
  });
});

describe('warnings from the YAML library', () => {
  it('a map used as a key is a diagnostic, not a Node warning on stderr', () => {
    const emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const parsed = parseYamlSource('items/a.yaml', 'id: a\n? {id: x}\n: 1\n');
      expect(parsed.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['YAML_KEY_COLLECTION@2:3']);
      expect(emitWarning).not.toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      emitWarning.mockRestore();
      warn.mockRestore();
    }
  });
});
