import { findMetric } from '../../src/criteria/lookup';
import { loadCatalogue } from '../../src/criteria/load';
import type { Catalogue } from '../../src/criteria/types';
import { parseItem } from '../../src/parse/item';
import { newItemYaml, updateItemYaml } from '../../src/workbook/item-yaml';
import type { SheetItem } from '../../src/workbook/rows-to-items';

const catalogue = loadCatalogue('2026').value as Catalogue;

function sheetItem(metricId: string, fields: Partial<SheetItem> = {}): SheetItem {
  const metric = findMetric(catalogue, metricId)!;
  return { id: 'sdg06-item', generatedId: false, sdg: metric.sdg, metric, origin: 'SDG6!A3', values: {}, ...fields };
}

const EXISTING = `# The estates office's item; keep this comment.
id: sdg06-item
sdg: 6
metric: "6.3.1"
kind: practice
title: Old title   # and this one
narrative: |
  Old text.
public_urls:
  - https://example.edu/one
  - url: https://example.edu/two
    label: Two
status: not_pursuing
status_reason: Not yet.
owner: Estates
`;

describe('updating an existing item from a sheet', () => {
  test.each<[string, Partial<SheetItem>, string[], string[]]>([
    ['an empty row changes nothing, byte for byte', {}, [], []],
    ['values already as given change nothing', { title: 'Old title', narrative: 'Old text.' }, [], []],
    ['a title: only the title changes, comments stay', { title: 'New title' }, ['title: New title # and this one', "# The estates office's item; keep this comment."], ['Old title']],
    ['a Yes takes a not-pursued item back to draft', { pursued: true }, ['status: draft'], ['status_reason', 'not_pursuing']],
    ['a No records the reason', { notPursuedReason: 'No plant on campus.' }, ['status: not_pursuing', 'status_reason: No plant on campus.'], ['Not yet.']],
    ['evidence already listed second moves first, the others stay', { evidence: { url: 'https://example.edu/two' } }, ['public_urls:\n  - url: https://example.edu/two\n    label: Two\n  - https://example.edu/one'], []],
    ['new evidence goes first', { evidence: { url: 'https://example.edu/three' } }, ['public_urls:\n  - https://example.edu/three\n  - https://example.edu/one'], []],
    ['a file starts the supporting files', { evidence: { file: 'files/a.pdf' } }, ['supporting_files:\n  - files/a.pdf'], []],
    ['policy dates, one at a time', { policy: { last_reviewed: '2024-03-15' } }, ['policy:\n  last_reviewed: 2024-03-15'], ['created']],
  ])('%s', (_name, fields, present, absent) => {
    const after = updateItemYaml(EXISTING, sheetItem('6.3.1', fields))!;
    if (present.length === 0) expect(after).toBe(EXISTING);
    for (const p of present) expect(after).toContain(p);
    for (const a of absent) expect(after).not.toContain(a);
    expect(after).toContain('owner: Estates');
    expect(parseItem('items/x.yaml', after).diagnostics).toEqual([]);
  });

  test('a file that is not a block of fields is left alone', () => {
    expect(updateItemYaml('- a list\n', sheetItem('6.3.1', { title: 'x' }))).toBeUndefined();
    expect(updateItemYaml('id: [unclosed\n', sheetItem('6.3.1', { title: 'x' }))).toBeUndefined();
  });
});

describe('a new item from a sheet', () => {
  test('metric ids quoted, the missing policy date unknown, no invented narrative', () => {
    const text = newItemYaml(sheetItem('6.4.1', { policy: { created: '2019' } }), catalogue, { schemaPath: '../../schemas/s.json', source: 'w.xlsx SDG6!A3' });
    expect(text).toContain('# yaml-language-server: $schema=../../schemas/s.json\n# Imported from w.xlsx SDG6!A3 (THE Sustainability Impact Ratings 2026).');
    expect(text).toContain('metric: "6.4.1"');
    expect(text).toContain('kind: policy');
    expect(text).toContain('policy:\n  created: "2019"\n  last_reviewed: unknown');
    expect(text).toContain('narrative: ""');
    expect(text).toContain('status: draft');
  });
});
