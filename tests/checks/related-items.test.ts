import { closestId } from '../../src/checks/related-items';
import { loadPack } from '../../src/pipeline/load-pack';
import { FIXED, MINIMAL_CONFIG, tempDir } from '../helpers/temp-pack';

const item = (id: string, related?: string[]) =>
  [
    `id: ${id}`,
    'sdg: 17',
    'metric: "17.2.1"',
    'kind: practice',
    `title: Item ${id}`,
    'narrative: Text.',
    'status: draft',
    ...(related === undefined ? [] : ['related_items:', ...related.map((r) => `  - ${r}`)]),
    '',
  ].join('\n');

async function referenceDiagnostics(items: Record<string, string>) {
  const files: Record<string, string> = { 'impact-pack.yaml': MINIMAL_CONFIG };
  for (const [name, text] of Object.entries(items)) files[`items/${name}.yaml`] = text;
  const t = tempDir(files);
  try {
    const result = await loadPack(t.root, FIXED);
    return result.diagnostics
      .filter((d) => d.code.startsWith('ITEM_REFERENCE') || d.source === 'schema')
      .map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
  } finally {
    t.cleanup();
  }
}

describe('related_items', () => {
  it('accepts references to other items, in any order of files', async () => {
    expect(await referenceDiagnostics({ a: item('sdg06-water', ['sdg13-floods']), b: item('sdg13-floods', ['sdg06-water']) })).toEqual([]);
  });

  it.each([
    ['a typo, with the near spelling suggested', 'sdg13-flods', 'No item of the pack has the id "sdg13-flods". Did you mean "sdg13-floods"?'],
    ['an item filed under another SDG, suggested by its topic words', 'sdg14-floods-warning', 'No item of the pack has the id "sdg14-floods-warning". Did you mean "sdg13-floods"?'],
    ['an id with nothing in common, without a suggestion', 'energy-audit', 'No item of the pack has the id "energy-audit".'],
  ])('reports %s at the entry', async (_name, reference, message) => {
    const found = await referenceDiagnostics({ a: item('sdg06-water', ['sdg13-floods', reference]), b: item('sdg13-floods') });
    expect(found).toEqual([`items/a.yaml:10:5 ITEM_REFERENCE_UNKNOWN ${message}`]);
  });

  it('flags an item that lists itself, and never suggests the item itself', async () => {
    const found = await referenceDiagnostics({ a: item('sdg06-water', ['sdg06-water', 'sdg06-watr']) });
    expect(found).toEqual([
      'items/a.yaml:9:5 ITEM_REFERENCE_SELF The item lists its own id "sdg06-water" among its related items.',
      'items/a.yaml:10:5 ITEM_REFERENCE_UNKNOWN No item of the pack has the id "sdg06-watr".',
    ]);
  });

  it('leaves wrong types and repeated entries to the schema', async () => {
    const found = await referenceDiagnostics({ a: item('sdg06-water', ['sdg13-floods', 'sdg13-floods', '42']), b: item('sdg13-floods') });
    expect(found).toEqual([
      'items/a.yaml:10:5 SCHEMA_INVALID "related_items" lists the same entry twice (entries 1 and 2); remove one.',
      'items/a.yaml:11:5 SCHEMA_TYPE "related_items[2]" must be text.',
    ]);
  });

  it('suggests the first of equally close ids (the check passes them sorted, so every run agrees)', () => {
    expect(closestId('sdg01-b', ['sdg01-c', 'sdg01-a'])).toBe('sdg01-c');
    expect(closestId('sdg01-b', ['sdg01-a', 'sdg01-c'])).toBe('sdg01-a');
  });
});
