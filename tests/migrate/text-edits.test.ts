import { setConfigEdition } from '../../src/migrate/config-edit';
import { schemaLineEdition, setSchemaLineEdition } from '../../src/migrate/schema-line';

describe('setting the edition in a pack config', () => {
  it.each([
    [
      'quoted edition with a comment, data_year written',
      '# my pack\ninstitution:\n  name: X   # the name\nedition: "2022"   # old edition\ndata_year: 2020\nsubmit: [17, 1, 2, 3]\n',
      '# my pack\ninstitution:\n  name: X   # the name\nedition: "2027"   # old edition\ndata_year: 2025\nsubmit: [17, 1, 2, 3]\n',
    ],
    ['unquoted edition, no data_year', 'edition: 2024\nsubmit: [17, 1, 2, 3]\n', 'edition: "2027"\nsubmit: [17, 1, 2, 3]\n'],
    ['single-quoted, data_year before edition', "data_year: 2022\n\nedition: '2024'\n", 'data_year: 2025\n\nedition: "2027"\n'],
  ])('%s: only the two values change', (_name, before, after) => {
    expect(setConfigEdition(before, '2027', 2025)).toBe(after);
  });

  it('renames the old edition in a comment on the edition line, as init writes one, and leaves other comments', () => {
    const words = { from: { title: 'THE Impact Rankings 2024', edition: '2024', dataYear: 2022 }, to: { title: 'THE Sustainability Impact Ratings 2027', edition: '2027', dataYear: 2025 } };
    const before = '# from 2024 on\nedition: "2024"        # THE Impact Rankings 2024; it looks at data year 2022\ndata_year: 2022   # 2022 figures\n';
    expect(setConfigEdition(before, '2027', 2025, words)).toBe(
      '# from 2024 on\nedition: "2027"        # THE Sustainability Impact Ratings 2027; it looks at data year 2025\ndata_year: 2025   # 2022 figures\n',
    );
  });

  it.each([
    ['a flow mapping', '{ edition: "2022", submit: [17, 1, 2, 3] }\n'],
    ['an edition that is a list', 'edition: [2022]\n'],
    ['no edition', 'submit: [17, 1, 2, 3]\n'],
    ['broken YAML', 'edition: "2022\n'],
  ])('%s is left for the coordinator to edit', (_name, text) => {
    expect(setConfigEdition(text, '2027', 2025)).toBeUndefined();
  });
});

describe('pointing the schema line at another edition', () => {
  it.each([
    ['# yaml-language-server: $schema=../../schemas/evidence-item.2022.schema.json\nid: a\n', '# yaml-language-server: $schema=../../schemas/evidence-item.2027.schema.json\nid: a\n'],
    ['# yaml-language-server: $schema=https://impact-pack.dev/schemas/evidence-item.2024.schema.json\nid: a\n', '# yaml-language-server: $schema=https://impact-pack.dev/schemas/evidence-item.2027.schema.json\nid: a\n'],
    ['id: a\n# yaml-language-server: $schema=x/evidence-item.2026.schema.json   \n', 'id: a\n# yaml-language-server: $schema=x/evidence-item.2027.schema.json   \n'],
  ])('%j', (before, after) => {
    expect(schemaLineEdition(before)).toMatch(/^\d{4}$/);
    expect(setSchemaLineEdition(before, '2027')).toBe(after);
  });

  it('leaves a file without the line, or with another schema, as it is', () => {
    for (const text of ['id: a\n', '# yaml-language-server: $schema=../pack-config.schema.json\nid: a\n', 'narrative: see evidence-item.2022.schema.json\n']) {
      expect(schemaLineEdition(text)).toBeUndefined();
      expect(setSchemaLineEdition(text, '2027')).toBe(text);
    }
  });
});
