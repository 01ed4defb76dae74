import { isDocument, isNode } from 'yaml';
import { parseItem } from '../../src/parse/item';
import { locate, nodeAt, parseYamlSource } from '../../src/parse/yaml-source';

const codes = (text: string) => parseYamlSource('x.yaml', text).diagnostics.map((d) => [d.code, d.line, d.column]);

describe('one walk over the document', () => {
  it("reports a map's merge keys before those of the maps inside it, and none inside a merged value", () => {
    const text = ['a:', '  <<: {x: 1}', '<<: {b: 2, <<: {c: 3}}', 'd: 4'].join('\n');
    expect(codes(text)).toEqual([
      ['YAML_MERGE_KEY', 3, 1],
      ['YAML_MERGE_KEY', 2, 3],
    ]);
    const source = parseYamlSource('x.yaml', text).value!;
    expect(source.data).toEqual({ a: {}, d: 4 });
    // Positions are those of the document without its merge keys.
    expect(locate(source, ['d'])).toMatchObject({ line: 4, column: 4 });
    expect(locate(source, ['b'])).toMatchObject({ line: 1, column: 1 });
  });

  it('compares an alias key by the anchor it names, even when the anchor sits in a merged value', () => {
    expect(codes('m:\n  <<: {q: &k name}\nn: {name: 1, *k : 2}\n')[0]).toEqual(['YAML_DUPLICATE_KEY', 3, 14]);
  });

  it('finds duplicate keys, keys not read as written and escaped invisible characters in one pass, each in file order', () => {
    const text = ['1.10: a', 'k:', '  z: "\\u202E"', '  z: 2', '  ~: n', 'q: "\\x07"'].join('\n');
    expect(codes(text)).toEqual([
      ['TEXT_BIDI_CONTROL', 3, 6],
      ['TEXT_CONTROL_CHARACTER', 6, 4],
      ['YAML_DUPLICATE_KEY', 4, 3],
      ['YAML_KEY_NOT_TEXT', 1, 1],
      ['YAML_KEY_NOT_TEXT', 5, 3],
    ]);
  });

  it('tells a plain scalar from a quoted one, for the boolean-words rule', () => {
    const source = parseYamlSource('x.yaml', 'a: yes\nb: "yes"\nc: [on, "off"]\n').value!;
    expect(nodeAt(source, ['a']).node).toMatchObject({ kind: 'scalar', plain: true });
    expect(nodeAt(source, ['b']).node).toMatchObject({ kind: 'scalar', plain: false });
    expect(nodeAt(source, ['c', 0]).node).toMatchObject({ kind: 'scalar', plain: true });
    expect(nodeAt(source, ['c', 1]).node).toMatchObject({ kind: 'scalar', plain: false });
  });

  it('points at the first of duplicate keys and gives an entry of a !!omap list no position of its own', () => {
    const source = parseYamlSource('x.yaml', 'a: 1\na: 2\ns: !!omap [k: v]\n').value!;
    expect(locate(source, ['a'])).toMatchObject({ line: 1, column: 4 });
    expect(locate(source, ['s', 0])).toMatchObject({ line: 3, column: 1 });
  });
});

describe('what a parsed item keeps', () => {
  it("holds none of yaml's nodes or documents, only the outline of positions", () => {
    const item = parseItem('x.yaml', 'id: a\nsdg: 7\nmetric: "7.2.1"\nvalues:\n  - name: n\n    value: 3\n').value!;
    const seen = new Set<unknown>();
    const pending: unknown[] = [item];
    while (pending.length > 0) {
      const value = pending.pop();
      if (value === null || typeof value !== 'object' || seen.has(value)) continue;
      seen.add(value);
      expect(isNode(value) || isDocument(value)).toBe(false);
      pending.push(...Object.values(value));
    }
    expect(Object.keys(item.source).sort()).toEqual(['data', 'file', 'lineCounter', 'outline', 'text']);
    expect(locate(item.source, ['values', 0, 'value'])).toMatchObject({ line: 6, column: 12 });
  });
});
