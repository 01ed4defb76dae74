import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { MINIMAL_CONFIG, tempDir } from '../helpers/temp-pack';

/**
 * Every command that rewrites a coordinator's files (approve, import --update, migrate --write) backs them up
 * through the same guarded path: a `.impact-pack-backups` symbolic link committed by a pull request must never
 * make one of them write outside the pack. approve has its own tests (approve-edits.test.ts); these are the
 * other two.
 */
const ITEM = `# yaml-language-server: $schema=../schemas/evidence-item.2022.schema.json
id: sdg07-renovation
sdg: 7
metric: "7.2.2"
kind: practice
title: Building renovation
narrative: Renovations in 2020.
period: { start: "2020-01-01", end: "2020-12-31" }
status: draft
`;

describe('a committed .impact-pack-backups link never makes a rewrite write outside the pack', () => {
  let outside: string;
  beforeEach(() => {
    outside = mkdtempSync(path.join(tmpdir(), 'impact-pack-outside-'));
  });
  afterEach(() => rmSync(outside, { recursive: true, force: true }));

  it('migrate --write refuses, writes nothing outside, and leaves the files it had not reached as they were', async () => {
    const pack = tempDir({ 'impact-pack.yaml': MINIMAL_CONFIG, 'items/renovation.yaml': ITEM });
    try {
      symlinkSync(outside, path.join(pack.root, '.impact-pack-backups'));
      const before = readFileSync(path.join(pack.root, 'impact-pack.yaml'), 'utf8');
      const r = await runCli(['migrate', pack.root, '--to', '2027', '--write']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/symbolic link/);
      expect(readdirSync(outside)).toEqual([]);
      expect(readFileSync(path.join(pack.root, 'impact-pack.yaml'), 'utf8')).toBe(before);
    } finally {
      pack.cleanup();
    }
  });

  it('import --update refuses the same way', async () => {
    const pack = tempDir({ 'impact-pack.yaml': MINIMAL_CONFIG, 'items/renovation.yaml': ITEM });
    try {
      const sheet = path.join(outside, '..', `${path.basename(outside)}-sheet.csv`);
      writeFileSync(
        sheet,
        '\ufeffSDG,Type,Metric and indicator reference,Metric,Value (for continuous data),Yes/No,Evidence1,Public (Yes/No),Item id,Title\r\n7,Indicator,7.2.2,,,Yes,,,sdg07-renovation,Building renovation of 2020\r\n',
      );
      symlinkSync(outside, path.join(pack.root, '.impact-pack-backups'));
      const r = await runCli(['import', sheet, pack.root, '--update']);
      rmSync(sheet, { force: true });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/symbolic link/);
      expect(readdirSync(outside)).toEqual([]);
      expect(readFileSync(path.join(pack.root, 'items/renovation.yaml'), 'utf8')).toBe(ITEM);
    } finally {
      pack.cleanup();
    }
  });
});
