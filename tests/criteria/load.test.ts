import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { clearCatalogueCache, DEFAULT_CRITERIA_DIR, listEditions, loadCatalogue } from '../../src/criteria/load';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';

/**
 * The loader on good and broken catalogue folders. Broken catalogues are written to a temporary folder
 * per test by editing a copy of the shipped 2022 file, so each case differs from a valid file by one defect.
 */

const SHIPPED_2022 = fs.readFileSync(path.join(DEFAULT_CRITERIA_DIR, 'the-2022.yaml'), 'utf8');
const tempDirs: string[] = [];

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'impact-pack-criteria-'));
  tempDirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** The shipped 2022 catalogue with one exact text replacement; fails loudly if the text to replace is absent. */
function edited2022(find: string, replace: string): string {
  expect(SHIPPED_2022.split(find).length - 1).toBe(1);
  return SHIPPED_2022.replace(find, replace);
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  expect(offset).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function loadBroken(text: string): { value: unknown; diagnostics: Diagnostic[]; file: string } {
  const dir = folderWith({ 'the-2022.yaml': text });
  const result = loadCatalogue('2022', { dir });
  return { ...result, file: `${dir.split(path.sep).join('/')}/the-2022.yaml` };
}

describe('shipped catalogues', () => {
  test('listEditions finds the shipped files in order', () => {
    expect(listEditions()).toEqual(['2022', '2024', '2026', '2027']);
  });

  test('loading twice returns the cached catalogue', () => {
    const first = loadCatalogue('2024');
    const second = loadCatalogue('2024');
    expect(first.value).toBeDefined();
    expect(second.value).toBe(first.value);
  });

  test('a metric keeps its string id, SDG, group and optional fields after mapping', () => {
    const cat = loadCatalogue('2022').value!;
    const metric = cat.sdgs[0].groups[1].metrics[0];
    expect(metric).toEqual({
      id: '1.2.1',
      sdg: 1,
      groupId: '1.2',
      title: 'Low-income students receiving financial aid',
      kind: 'numeric',
      weight: 27,
      weightConfirmed: true,
      definition: expect.stringContaining('financial aid because of poverty'),
      values: [
        { name: 'low_income_students_aided_fte', title: expect.any(String), unit: 'students (FTE)', required: true, basis: 'fte' },
        { name: 'students_fte', title: expect.any(String), unit: 'students (FTE)', required: true, basis: 'fte' },
      ],
      confirmed: true,
      sources: ['S6', 'G2', 'U1', 'M'],
    });
    expect(Object.values(metric)).not.toContain(undefined);
  });
});

describe('unknown editions', () => {
  test('an edition without a file gives EDITION_UNKNOWN listing the known editions', () => {
    const result = loadCatalogue('2023');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'EDITION_UNKNOWN', severity: 'error', source: 'config', file: '', line: 0, column: 0 }),
    ]);
    expect(result.diagnostics[0].message).toContain('2022, 2024, 2026');
  });

  test('an edition that is not a year never reaches the file system', () => {
    const dir = folderWith({ 'the-2022.yaml': SHIPPED_2022 });
    const result = loadCatalogue('../2022', { dir });
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['EDITION_UNKNOWN']);
  });

  test('a folder that does not exist has no editions', () => {
    const missing = path.join(os.tmpdir(), 'impact-pack-no-such-criteria-folder');
    expect(listEditions({ dir: missing })).toEqual([]);
    const result = loadCatalogue('2022', { dir: missing });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['EDITION_UNKNOWN']);
    expect(result.diagnostics[0].message).toContain('no catalogue files');
  });

  test('listEditions ignores files that are not catalogues', () => {
    const dir = folderWith({ 'the-2022.yaml': SHIPPED_2022, 'notes.yaml': 'x: 1\n', 'the-22.yaml': '', 'the-2030.yml': '' });
    expect(listEditions({ dir })).toEqual(['2022']);
  });
});

describe('broken catalogues give diagnostics, not exceptions', () => {
  test('a YAML syntax error is positioned', () => {
    const text = edited2022('  mandatory_sdg: 17\n', '  mandatory_sdg: [17\n');
    const result = loadBroken(text);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics[0]).toMatchObject({ code: 'YAML_SYNTAX', severity: 'error', file: result.file });
    expect(result.diagnostics[0].line).toBeGreaterThan(0);
    expect(result.diagnostics[0].hint).toContain('criteria catalogue is damaged');
  });

  test('an empty file is reported', () => {
    const result = loadBroken('');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['YAML_NOT_A_MAP']);
  });

  test('an unquoted group id read as a number points at the id and says to quote it', () => {
    const text = edited2022('id: "6.2"', 'id: 6.20');
    const result = loadBroken(text);
    expect(result.value).toBeUndefined();
    const d = result.diagnostics.find((x) => x.code === 'SCHEMA_TYPE');
    expect(d).toMatchObject({ ...positionOf(text, '6.20'), file: result.file });
    expect(d!.message).toBe('Group 6.2: field "id" must be text (write it in quotes: YAML reads 6.10 as the number 6.1).');
  });

  test('a missing required field points at the map that lacks it', () => {
    const text = edited2022('    title: No Poverty\n', '');
    const result = loadBroken(text);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'SCHEMA_REQUIRED', ...positionOf(text, 'number: 1\n'), message: 'Required field "title" is missing in SDG 1.' }),
    ]);
  });

  test('an unknown field points at its key', () => {
    const text = edited2022('    colour: "#E5243B"\n', '    colour: "#E5243B"\n    colour_name: red\n');
    const result = loadBroken(text);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'SCHEMA_UNKNOWN_FIELD', ...positionOf(text, 'colour_name'), message: 'Unknown field "colour_name" in SDG 1.' }),
    ]);
  });

  test('a numeric metric without named values is rejected by the schema', () => {
    const start = SHIPPED_2022.indexOf('            values:\n', SHIPPED_2022.indexOf('id: "1.2.1"'));
    const end = SHIPPED_2022.indexOf('            confirmed:', start);
    const text = SHIPPED_2022.slice(0, start) + SHIPPED_2022.slice(end);
    const result = loadBroken(text);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'SCHEMA_REQUIRED', message: 'Required field "values" is missing in Metric 1.2.1.', ...positionOf(text, 'id: "1.2.1"') }),
    ]);
  });

  test('a field that does not fit the metric kind points at its key', () => {
    const text = edited2022('            weight: 7\n            weight_confirmed: true\n            definition: Share of the university\'s poverty papers', '            weight: 7\n            weight_confirmed: true\n            max_points: 3\n            definition: Share of the university\'s poverty papers');
    const result = loadBroken(text);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'SCHEMA_UNKNOWN_FIELD', message: 'Metric 1.1.1: field "max_points" does not apply here.', ...positionOf(text, 'max_points: 3\n            definition: Share') }),
    ]);
  });

  test('a weight that is neither a number nor null gives one diagnostic', () => {
    const text = edited2022('income countries\n            kind: bibliometric\n            weight: 7\n', 'income countries\n            kind: bibliometric\n            weight: seven\n');
    const result = loadBroken(text);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'SCHEMA_TYPE', message: 'Metric 1.1.1: field "weight" must be a number or null.', ...positionOf(text, 'seven') }),
    ]);
  });

  test('a derived weight without its basis is rejected by the schema', () => {
    const text = edited2022('            weight_basis: Group weight 23 split evenly over its 5 questions\n            question_type: activity\n            max_points: 3\n            definition: Does the university give students from low-income', '            question_type: activity\n            max_points: 3\n            definition: Does the university give students from low-income');
    const result = loadBroken(text);
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([['SCHEMA_REQUIRED', 'Required field "weight_basis" is missing in Metric 1.3.3.']]);
  });

  test('a duplicate metric id is an inconsistency at the second id', () => {
    const text = edited2022('- id: "1.1.2"', '- id: "1.1.1"');
    const result = loadBroken(text);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'CRITERIA_INCONSISTENT',
        severity: 'error',
        file: result.file,
        ...positionOf(text, '"1.1.1"\n            title: "No poverty: FWCI"'),
        message: 'Id "1.1.1" of this metric is already used by a metric.',
      }),
    ]);
  });

  test('a metric filed under the wrong group and an undeclared source are both reported', () => {
    let text = edited2022('- id: "1.1.3"', '- id: "2.1.3"');
    text = text.replace('sources: [ S6, G2, U1, M ]', 'sources: [ S6, G2, U1, M, X9 ]');
    const result = loadBroken(text);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'Metric 2.1.3 is filed under group 1.1; its id must start with "1.1.".',
      'Metric 1.2.1 cites source "X9", which the catalogue\'s sources list does not declare.',
      'Id "2.1.3" of this metric is already used by a metric.',
    ]);
    // The second use is the one reported, at the id's value.
    expect(result.diagnostics[2]).toMatchObject(positionOf(text, '"2.1.3"\n            title: "Zero hunger'));
  });

  test('a file whose edition field disagrees with its name is rejected', () => {
    const text = edited2022('edition: "2022"', 'edition: "2021"');
    const result = loadBroken(text);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'CRITERIA_INCONSISTENT', ...positionOf(text, '"2021"') }),
    ]);
  });

  test('a point maximum that contradicts the point rule is rejected', () => {
    const text = edited2022('            question_type: activity\n            max_points: 3\n            definition: Does the university set targets to admit', '            question_type: activity\n            max_points: 4\n            definition: Does the university set targets to admit');
    const result = loadBroken(text);
    expect(result.diagnostics.map((d) => d.message)).toEqual(['Metric 1.3.1 gives 4 points at most, but the "activity" rule gives 3.']);
  });

  const POLICY_RULE_2022 = '      - { label: The policy exists, points: 1 }\n';
  test.each([
    [
      'a cap other than the indicator maximum',
      ['  - question_type: policy\n    max_points: 4\n', '  - question_type: policy\n    max_points: 4\n    cap: 5\n'],
      'The "policy" rule caps its total at 5, not at the indicator\'s maximum of 4.',
    ],
    [
      'relevance grades on a component other than the evidence',
      [POLICY_RULE_2022, '      - { label: The policy exists, points: 1, grades: { specific: 1 } }\n'],
      'Only the evidence component is graded by relevance; component "statement" of the "policy" rule has grades.',
    ],
    [
      'two components for the same thing',
      [POLICY_RULE_2022, '      - { id: public, label: The policy exists, points: 1 }\n'],
      'The "policy" rule has more than one "public" component.',
    ],
    [
      'a multi-select question whose answers earn more than the statement',
      ['              - { id: students, title: Students elect representatives, points: 0.33 }', '              - { id: students, title: Students elect representatives, points: 0.9 }'],
      'The answers of multi-select metric 16.2.1 earn 1.56 points together, more than the statement\'s 1.',
    ],
    [
      'a question not scored that carries a weight',
      ['            multi_select: true\n            confirmed: true\n            sources: [ S22, M ]\n            note: Several answers can apply; each earns its points.\n          - id: "16.2.2"',
       '            multi_select: true\n            not_scored: true\n            confirmed: true\n            sources: [ S22, M ]\n            note: Several answers can apply; each earns its points.\n          - id: "16.2.2"'],
      'Metric 16.2.1 is not scored in this edition but has the weight 3.35.',
    ],
    [
      'an edition fact citing an undeclared source',
      ['title: THE Impact Rankings 2022\n', 'title: THE Impact Rankings 2022\nproduct: { name: THE Impact Rankings, confidence: C, sources: [ NOPE ] }\n'],
      'The product name cites source "NOPE", which the catalogue\'s sources list does not declare.',
    ],
  ])('%s is rejected', (_name, [find, replace], message) => {
    const result = loadBroken(edited2022(find!, replace!));
    expect(result.diagnostics.map((d) => d.message)).toEqual([message]);
    expect(result.value).toBeUndefined();
  });

  test('a catalogue that cannot be read is reported as unreadable', () => {
    const dir = folderWith({});
    fs.mkdirSync(path.join(dir, 'the-2030.yaml'));
    const result = loadCatalogue('2030', { dir });
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['FILE_UNREADABLE']);
  });

  test('a broken catalogue is not cached: fixing the file in place makes it load', () => {
    const dir = folderWith({ 'the-2022.yaml': 'edition: [' });
    expect(loadCatalogue('2022', { dir }).value).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'the-2022.yaml'), SHIPPED_2022);
    const fixed = loadCatalogue('2022', { dir });
    expect(fixed.diagnostics).toEqual([]);
    expect(fixed.value?.edition).toBe('2022');
    clearCatalogueCache();
  });
});
