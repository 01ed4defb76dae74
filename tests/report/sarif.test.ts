import Ajv04 from 'ajv-draft-04';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { smallPack } from '../analyse/small-pack';

/**
 * The SARIF 2.1.0 JSON Schema as Microsoft's SARIF SDK ships it (draft-04), checked with Ajv's draft-04 class.
 * One of its patterns is written for JavaScript regular expressions without the u flag, so Ajv compiles them so.
 */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  return ajv.compile(schema);
}

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } } }[];
}

describe('SARIF output', () => {
  let pack: { root: string; cleanup: () => void };
  beforeAll(() => {
    pack = smallPack({ 'items/sdg-12/broken file.yaml': 'id: broken\nsdg: 12\nmetric: 12.2\nkind: policy\ntitle: T\nnarrative: N\nstatus: draft\n' });
  });
  afterAll(() => pack.cleanup());

  it('validates against the SARIF 2.1.0 schema and places every finding at its YAML file, line and column', async () => {
    const r = await runCli(['gaps', '.', '--format', 'sarif', '--as-of', '2021-11-01'], { cwd: pack.root });
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.version).toBe('2.1.0');
    const results: SarifResult[] = log.runs[0].results;
    const at = (code: string) => results.filter((x) => x.ruleId === code).map((x) => {
      const loc = x.locations?.[0].physicalLocation;
      return `${loc?.artifactLocation.uri}:${loc?.region?.startLine}:${loc?.region?.startColumn} ${x.level}`;
    });
    expect(at('METRIC_NOT_STRING')).toEqual(['items/sdg-12/broken%20file.yaml:3:9 error']);
    expect(at('FACT_MISMATCH')).toEqual(['items/sdg-06/water.yaml:9:26 warning']);
    expect(at('METRIC_PARTIAL')).toContain('items/sdg-17/dialogue.yaml:1:1 note');
    expect(at('METRIC_MISSING')[0]).toBe('impact-pack.yaml:5:1 warning');
    const rules = log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id);
    for (const x of results) expect(rules[(x as unknown as { ruleIndex: number }).ruleIndex]).toBe(x.ruleId);
  });

  it('prefixes paths with the pack folder as seen from where the command runs (the repository root in CI)', async () => {
    const r = await runCli(['gaps', path.basename(pack.root), '--format', 'sarif', '--as-of', '2021-11-01'], { cwd: path.dirname(pack.root) });
    const uris: string[] = JSON.parse(r.stdout).runs[0].results.flatMap((x: SarifResult) => x.locations?.map((l) => l.physicalLocation.artifactLocation.uri) ?? []);
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) expect(uri.startsWith(`${path.basename(pack.root)}/`)).toBe(true);
  });
});
