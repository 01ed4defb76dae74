import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/run-cli';
import { EXAMPLE_PACK, copyToTemp, tempDir } from '../helpers/temp-pack';
import { EVERY_TYPE_PACK } from './helpers';

/** Every file under a folder with its bytes (but the hash cache), to prove a command changed nothing (or exactly what it says). */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.name === '.impact-pack-cache') continue;
      if (entry.isDirectory()) walk(abs);
      else out.set(path.relative(root, abs), readFileSync(abs).toString('base64'));
    }
  };
  walk(root);
  return out;
}

/** Workbooks written beside the temporary packs, removed after the tests. */
const beside: string[] = [];
function besidePack(root: string, name: string): string {
  const file = path.join(root, '..', `${path.basename(root)}-${name}`);
  beside.push(file);
  return file;
}
afterAll(() => beside.forEach((f) => rmSync(f, { force: true })));

function emptyPackLike(source: string) {
  const t = tempDir({ 'impact-pack.yaml': readFileSync(path.join(source, 'impact-pack.yaml'), 'utf8') });
  return t;
}

describe('impact-pack export and import', () => {
  test('export → import into an empty pack → export: the same file, byte for byte (example pack, xlsx and csv)', async () => {
    const work = tempDir();
    const empty = emptyPackLike(EXAMPLE_PACK);
    try {
      for (const format of ['xlsx', 'csv']) {
        const first = path.join(work.root, `first.${format}`);
        const again = path.join(work.root, `again.${format}`);
        expect((await runCli(['export', EXAMPLE_PACK, '--format', format, '--out', first])).code).toBe(0);
        const target = format === 'xlsx' ? empty.root : emptyPackLike(EXAMPLE_PACK).root;
        const imported = await runCli(['import', first, target]);
        expect(imported.stderr).toBe('');
        expect(imported.code).toBe(0);
        expect(imported.stdout).toMatch(/^Imported .*: 186 new item\(s\)\./);
        expect((await runCli(['export', target, '--format', format, '--out', again])).code).toBe(0);
        expect(readFileSync(again).equals(readFileSync(first))).toBe(true);
      }
      // What the import wrote validates but for the supporting files, which the empty pack does not have.
      const validated = await runCli(['validate', empty.root, '--format', 'json']);
      const codes = new Set((JSON.parse(validated.stdout).diagnostics as { code: string; severity: string }[]).filter((d) => d.severity === 'error').map((d) => d.code));
      expect([...codes]).toEqual(['FILE_NOT_FOUND']);
    } finally {
      work.cleanup();
      empty.cleanup();
    }
  }, 120_000);

  test('the same through the CLI on the pack with every question type, whatever the item files are called', async () => {
    // Without the multi-select item: the 2026 catalogue does not mark 16.2.1 as multi-select yet
    // (round-trip.test.ts covers it with a catalogue that does).
    const pack = copyToTemp(EVERY_TYPE_PACK);
    const empty = emptyPackLike(EVERY_TYPE_PACK);
    try {
      rmSync(path.join(pack.root, 'items/elected-representation.yaml'));
      const first = besidePack(pack.root, 'first.xlsx');
      const again = besidePack(pack.root, 'again.xlsx');
      expect((await runCli(['export', pack.root, '--out', first])).stdout).toContain('7 item(s)');
      const imported = await runCli(['import', first, empty.root]);
      expect([imported.code, imported.stderr]).toEqual([0, '']);
      expect(readdirSync(path.join(empty.root, 'items/sdg-06')).sort()).toEqual([
        'sdg06-wastewater-plant.yaml',
        'sdg06-wastewater.yaml',
        'sdg06-water-per-person.yaml',
        'sdg06-water-policy.yaml',
        'sdg06-water-reuse.yaml',
        'sdg06-water-tracking.yaml',
      ]);
      expect((await runCli(['export', empty.root, '--out', again])).code).toBe(0);
      expect(readFileSync(again).equals(readFileSync(first))).toBe(true);
    } finally {
      pack.cleanup();
      empty.cleanup();
    }
  });

  test('importing its own export with --update changes nothing, byte for byte', async () => {
    const pack = copyToTemp(EVERY_TYPE_PACK);
    try {
      rmSync(path.join(pack.root, 'items/elected-representation.yaml'));
      const out = besidePack(pack.root, 'self.xlsx');
      expect((await runCli(['export', pack.root, '--out', out])).code).toBe(0);
      const before = snapshot(pack.root);
      const result = await runCli(['import', out, pack.root, '--update']);
      expect([result.code, result.stderr]).toEqual([0, '']);
      expect(result.stdout).toContain('0 new item(s), 0 updated, 7 unchanged');
      expect(snapshot(pack.root)).toEqual(before);
    } finally {
      pack.cleanup();
    }
  });

  test('import never overwrites an item: WORKBOOK_ITEM_EXISTS, exit 1, the pack untouched', async () => {
    const pack = copyToTemp(EVERY_TYPE_PACK);
    try {
      const out = besidePack(pack.root, 'export.xlsx');
      expect((await runCli(['export', pack.root, '--out', out])).code).toBe(0);
      const before = snapshot(pack.root);
      const result = await runCli(['import', out, pack.root]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('WORKBOOK_ITEM_EXISTS');
      expect(result.stdout).toMatch(/SDG6!H\d+ +error +The item sdg06-water-tracking is already in the pack \(items\/water-tracking\.yaml\)/);
      expect(result.stderr).toContain('nothing was imported');
      expect(snapshot(pack.root)).toEqual(before);
    } finally {
      pack.cleanup();
    }
  });

  test('a sheet with one bad cell imports nothing (exit 1), and says where', async () => {
    const pack = emptyPackLike(EVERY_TYPE_PACK);
    try {
      const csv = besidePack(pack.root, 'dept.csv');
      writeFileSync(
        csv,
        '\uFEFFType,Metric and indicator reference,Metric,Value (for continuous data),Yes/No,Evidence1,Public (Yes/No)\r\n' +
          'Indicator,6.3.1,Wastewater,,Yes,https://example.edu/ww,Yes\r\n' +
          'Indicator,6.2.1,Water tracking,,Sometimes,,\r\n',
      );
      const before = snapshot(pack.root);
      const result = await runCli(['import', csv, pack.root]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('E3      error    "Sometimes" is not an answer of 6.2.1');
      expect(snapshot(pack.root)).toEqual(before);
      const json = await runCli(['import', csv, pack.root, '--format', 'json']);
      expect(JSON.parse(json.stdout).diagnostics.map((d: { cell: string; code: string }) => `${d.code}@${d.cell}`)).toEqual([
        'WORKBOOK_DESCRIPTION_MISSING@A2',
        'WORKBOOK_DESCRIPTION_MISSING@A3',
        'WORKBOOK_ANSWER_UNKNOWN@E3',
      ]);
      expect(JSON.parse(json.stdout).diagnostics[2].file).toBe(csv);
    } finally {
      pack.cleanup();
    }
  });

  test('--update backs the item up first, changes only what the sheet gives, and keeps the comments', async () => {
    const pack = copyToTemp(EVERY_TYPE_PACK);
    try {
      const file = besidePack(pack.root, 'update.xlsx');
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('SDG6');
      ws.addRow(['SDG6: Clean Water and Sanitation']);
      ws.addRow(['Type', 'Metric and indicator reference', 'Metric', 'Value (for continuous data)', 'Yes/No', 'Evidence1', 'Public (Yes/No)', 'Item id', 'Policy last reviewed', 'Value name']);
      ws.addRow(['Indicator', '6.4.1', 'Water policy', null, 'Yes', 'https://www.example.edu/water-policy', 'Yes', 'sdg06-water-policy', '2025-02-01']);
      ws.addRow(['Indicator', '6.2.2', 'Water per person', null, null, null, null, 'sdg06-water-per-person']);
      ws.addRow(['Value', '6.2.2', 'Water taken in', 13000, null, null, null, null, null, 'water_used_m3']);
      await wb.xlsx.writeFile(file);
      const policyBefore = readFileSync(path.join(pack.root, 'items/water-policy.yaml'), 'utf8');

      const result = await runCli(['import', file, pack.root, '--update']);
      expect([result.stderr, result.code]).toEqual(['', 0]);
      expect(result.stdout).toContain('0 new item(s), 2 updated, 0 unchanged');

      const policyAfter = readFileSync(path.join(pack.root, 'items/water-policy.yaml'), 'utf8');
      expect(policyAfter).toContain('# Policy with its dates: created as a year, last reviewed on a day.');
      expect(policyAfter).toContain('created: "2019"');
      expect(policyAfter).toContain('last_reviewed: "2025-02-01"');
      expect(policyAfter).toContain('public_urls:\n  - https://www.example.edu/water-policy');
      expect(policyAfter).toContain('supporting_files: [ files/water-policy.pdf ]');
      const perPerson = readFileSync(path.join(pack.root, 'items/water-per-person.yaml'), 'utf8');
      expect(perPerson).toContain('water_used_m3: { value: 13000, unit: m3 }');
      expect(perPerson).toContain('students_fte: { value: 1453, unit: students (FTE) }');

      const backups = snapshot(path.join(pack.root, '.impact-pack-backups'));
      expect([...backups.keys()].sort()).toEqual(['20211101T120000Z/items/water-per-person.yaml', '20211101T120000Z/items/water-policy.yaml']);
      expect(Buffer.from(backups.get('20211101T120000Z/items/water-policy.yaml')!, 'base64').toString('utf8')).toBe(policyBefore);

      // The same sheet again changes nothing.
      const again = await runCli(['import', file, pack.root, '--update']);
      expect(again.stdout).toContain('0 new item(s), 0 updated, 2 unchanged');
      const validated = await runCli(['validate', pack.root, '--format', 'json']);
      expect((JSON.parse(validated.stdout).diagnostics as { file: string; severity: string }[]).filter((d) => ['items/water-policy.yaml', 'items/water-per-person.yaml'].includes(d.file) && d.severity === 'error')).toEqual([]);
    } finally {
      pack.cleanup();
    }
  });

  test('never writes through a link leading outside the pack', async () => {
    const pack = emptyPackLike(EVERY_TYPE_PACK);
    const outside = tempDir();
    try {
      mkdirSync(path.join(pack.root, 'items'));
      symlinkSync(outside.root, path.join(pack.root, 'items/sdg-06'));
      const csv = besidePack(pack.root, 'link.csv');
      writeFileSync(csv, 'Type,Metric and indicator reference,Yes/No,Description\r\nIndicator,6.3.1,Yes,Treated on site.\r\n');
      const result = await runCli(['import', csv, pack.root]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('items/sdg-06 is a link leading outside the pack. Nothing was written.');
      expect(readdirSync(outside.root)).toEqual([]);
    } finally {
      pack.cleanup();
      outside.cleanup();
    }
  });

  test.each([
    [['import'], 'Name the workbook to import'],
    [['import', 'no-such-file.xlsx'], 'no-such-file.xlsx is not a file'],
    [['export', '.', '--format', 'ods'], '--format must be xlsx or csv'],
  ])('usage errors exit 2: %j', async (argv, message) => {
    const result = await runCli(argv as string[]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  test('export to a folder it cannot write exits 2 with a message, and writes nothing', async () => {
    const work = tempDir();
    try {
      const result = await runCli(['export', EVERY_TYPE_PACK, '--out', path.join(work.root, 'missing-folder', 'w.xlsx')]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('cannot write');
      expect(existsSync(path.join(work.root, 'missing-folder'))).toBe(false);
    } finally {
      work.cleanup();
    }
  });
});
