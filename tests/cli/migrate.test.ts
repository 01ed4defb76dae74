import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fingerprintPack } from '../hardening/pack-fingerprint';
import { runCli } from '../helpers/run-cli';
import { copyToTemp, REPO_ROOT, tempDir } from '../helpers/temp-pack';

/**
 * `impact-pack migrate PACK --to EDITION` on copies of the 2024 fixture pack: a plan without --write that
 * changes nothing; with --write, backups first, then only the edition, the data year and the schema lines
 * change, every comment kept.
 */
const PACK_2024 = path.join(REPO_ROOT, 'tests/fixtures/packs/ratings-2024');
const CONFIG_2024 = `# The test university's pack.
institution:
  name: Test University   # as THE lists it
edition: "2024"   # the edition we submit to
data_year: 2022
submit: [17, 4, 7, 12]
build_date: "2023-12-01"
sources:
  report:
    title: Test report
    year: 2022
`;

function packWithSchemaLines(): { root: string; cleanup: () => void } {
  const pack = copyToTemp(PACK_2024);
  writeFileSync(path.join(pack.root, 'impact-pack.yaml'), CONFIG_2024);
  for (const name of ['clean-control.yaml', 'policy-after.yaml']) {
    const file = path.join(pack.root, 'items', name);
    writeFileSync(file, `# yaml-language-server: $schema=../schemas/evidence-item.2024.schema.json\n# a comment the coordinator wrote\n${readFileSync(file, 'utf8')}`);
  }
  return pack;
}

describe('impact-pack migrate', () => {
  it('without --write prints the plan and changes nothing', async () => {
    const pack = packWithSchemaLines();
    try {
      const before = fingerprintPack(pack.root, []);
      const r = await runCli(['migrate', pack.root, '--to', '2027']);
      expect(r.code).toBe(0);
      expect(fingerprintPack(pack.root, [])).toEqual(before);
      expect(r.stdout).toContain('Moving the pack from THE Impact Rankings 2024 (data year 2022) to THE Sustainability Impact Ratings 2027 (data year 2025).');
      expect(r.stdout).toContain('Would change (run again with --write');
      expect(r.stdout).toContain('impact-pack.yaml: edition "2024" → "2027", data_year 2022 → 2025');
      expect(r.stdout).toContain('2 item file(s): schema line → evidence-item.2027.schema.json');
    } finally {
      pack.cleanup();
    }
  });

  it('lists what the coordinator must now do, with the items concerned', async () => {
    const pack = packWithSchemaLines();
    try {
      const r = await runCli(['migrate', pack.root, '--to', '2027', '--format', 'json']);
      const plan = JSON.parse(r.stdout) as { written: boolean; changes: { topic: string; message: string; items: string[] }[] };
      expect(plan.written).toBe(false);
      const topic = (t: string) => plan.changes.find((c) => c.topic === t);
      expect(plan.changes.map((c) => c.topic)).toEqual(
        expect.arrayContaining(['product', 'data_year', 'value_years', 'policy_window', 'metrics_added', 'one_evidence', 'attachment_not_public', 'self_contained', 'point_rule', 'relevance', 'results']),
      );
      expect(topic('data_year')!.message).toContain('moves from 2022 to 2025');
      expect(topic('data_year')!.items).toEqual(expect.arrayContaining(['clean-control (items/clean-control.yaml)']));
      expect(topic('one_evidence')!.message).toMatch(/one piece of evidence per indicator \[confidence 3P\]. Where several items answer one metric \(4\.3\.3, 4\.3\.4\)/);
      expect(topic('one_evidence')!.items).toHaveLength(4);
      expect(topic('attachment_not_public')!.items).toEqual(['attachment-only (items/attachment-only.yaml)']);
      expect(topic('policy_window')!.message).toContain('from 2019-2023 to 2022-2026');
      expect(topic('metrics_added')!.message).toContain('17.4.4 Sustainability literacy');
      // The policy created in 2023 was in place by the end of 2025.
      expect(topic('policy_in_place')).toBeUndefined();
    } finally {
      pack.cleanup();
    }
  });

  it('with --write backs the files up, then changes only the edition, the data year and the schema lines', async () => {
    const pack = packWithSchemaLines();
    try {
      const originals = new Map(['impact-pack.yaml', 'items/clean-control.yaml', 'items/policy-after.yaml', 'items/undated-activity.yaml'].map((f) => [f, readFileSync(path.join(pack.root, f), 'utf8')]));
      const r = await runCli(['migrate', pack.root, '--to', '2027', '--write']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Changed:');
      const read = (f: string) => readFileSync(path.join(pack.root, f), 'utf8');
      expect(read('impact-pack.yaml')).toBe(CONFIG_2024.replace('edition: "2024"', 'edition: "2027"').replace('data_year: 2022', 'data_year: 2025'));
      expect(read('items/clean-control.yaml')).toBe(originals.get('items/clean-control.yaml')!.replace('evidence-item.2024.schema.json', 'evidence-item.2027.schema.json'));
      expect(read('items/undated-activity.yaml')).toBe(originals.get('items/undated-activity.yaml'));
      const [stamp] = readdirSync(path.join(pack.root, '.impact-pack-backups'));
      for (const f of ['impact-pack.yaml', 'items/clean-control.yaml', 'items/policy-after.yaml']) {
        expect(readFileSync(path.join(pack.root, '.impact-pack-backups', stamp!, f), 'utf8')).toBe(originals.get(f));
      }
      expect(existsSync(path.join(pack.root, '.impact-pack-backups', stamp!, 'items/undated-activity.yaml'))).toBe(false);
      // The pack now validates under 2027, with the Ratings' rules.
      const validate = await runCli(['validate', pack.root, '--format', 'json']);
      const codes = (JSON.parse(validate.stdout) as { diagnostics: { code: string; severity: string }[] }).diagnostics;
      expect(codes.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['SCHEMA_ENUM']);
      expect(codes.map((d) => d.code)).toEqual(expect.arrayContaining(['PRIMARY_EVIDENCE_MISSING', 'ATTACHMENT_NOT_PUBLIC', 'PERIOD_OUTSIDE_DATA_YEAR']));
      // A second run has nothing left to do.
      expect((await runCli(['migrate', pack.root, '--to', '2027'])).stdout).toContain('already on THE Sustainability Impact Ratings 2027');
    } finally {
      pack.cleanup();
    }
  });

  it('moves a pack made by init, adding the new edition\'s schema for editors, and it still validates', async () => {
    const t = tempDir();
    try {
      const dir = path.join(t.root, 'pack');
      const env = { SOURCE_DATE_EPOCH: String(Date.parse('2026-12-06T00:00:00Z') / 1000) };
      expect((await runCli(['init', dir, '--edition', '2024'], { env })).code).toBe(0);
      const r = await runCli(['migrate', dir, '--to', '2027', '--write'], { env });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('schemas/evidence-item.2027.schema.json: new: the item schema of the edition, for editors');
      expect(existsSync(path.join(dir, 'schemas/evidence-item.2027.schema.json'))).toBe(true);
      const validate = await runCli(['validate', dir, '--format', 'json'], { env });
      expect((JSON.parse(validate.stdout) as { diagnostics: { severity: string }[] }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it.each([
    [['migrate', '.'], '--to names the edition'],
    [['migrate', '.', '--to', '1999'], 'no criteria catalogue for edition "1999"'],
    [['migrate', 'no-such-folder', '--to', '2027'], 'is not a folder'],
  ])('%j is a usage error', async (argv, message) => {
    const r = await runCli(argv, { cwd: PACK_2024 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
