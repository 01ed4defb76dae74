import { setTopLevelField } from '../../src/review/field-edit';

describe('setTopLevelField: one top-level scalar changed, everything else kept byte for byte', () => {
  const file = '# owner of the item\nid: a1 # the id\nowner: "A. Old" # who keeps it\nsdg: 7\nrelevance: general\n';
  it.each([
    ['replaces a value in place, keeping the comment after it', 'owner', 'B. New', '# owner of the item\nid: a1 # the id\nowner: "B. New" # who keeps it\nsdg: 7\nrelevance: general\n'],
    ['adds an absent key at the end', 'primary', true, `${file}primary: true\n`],
    ['removes a key with its line', 'relevance', undefined, '# owner of the item\nid: a1 # the id\nowner: "A. Old" # who keeps it\nsdg: 7\n'],
    ['removes a key in the middle', 'owner', undefined, '# owner of the item\nid: a1 # the id\nsdg: 7\nrelevance: general\n'],
    ['keeps the comment above the next key', 'owner', undefined, '# owner of the item\nid: a1 # the id\nsdg: 7\nrelevance: general\n'],
    ['leaves the text alone when removing an absent key', 'primary', undefined, file],
    ['quotes a value so that it cannot break the structure', 'owner', 'x"\nsdg: 1 #', '# owner of the item\nid: a1 # the id\nowner: "x\\"\\nsdg: 1 #" # who keeps it\nsdg: 7\nrelevance: general\n'],
  ])('%s', (_what, key, value, expected) => {
    expect(setTopLevelField(file, key as string, value as string | boolean | undefined)).toBe(expected);
  });

  it('removes a key whose next key has a comment of its own above it, keeping that comment', () => {
    expect(setTopLevelField('id: a1\nprimary: true\n# why sdg 7\nsdg: 7\n', 'primary', undefined)).toBe('id: a1\n# why sdg 7\nsdg: 7\n');
  });

  it.each([
    ['a flow mapping', '{id: a1, owner: x}\n'],
    ['a key holding a map', 'id: a1\nowner:\n  name: x\n'],
    ['a file that does not parse', 'id: [a1\n'],
  ])('refuses %s', (_what, text) => {
    expect(setTopLevelField(text, 'owner', 'y')).toBeUndefined();
  });
});
