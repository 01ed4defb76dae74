import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadCatalogue } from '../../src/criteria/load';
import { diagnosticsReference } from '../../src/diagnostics/docs';
import { parseItem } from '../../src/parse/item';
import { itemSchemaForEdition } from '../../src/schemas/item-edition';
import { generatedSchemas } from '../../src/schemas/write';
import { validateWithSchema } from '../../src/validate/schema-errors';
import { REPO_ROOT } from '../helpers/temp-pack';

describe('committed generated files', () => {
  it('schemas/ matches what the catalogue generates (run `npm run generate` after changing criteria)', () => {
    const { files, diagnostics } = generatedSchemas();
    expect(diagnostics).toEqual([]);
    const dir = path.join(REPO_ROOT, 'schemas');
    const committed = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'criteria.schema.json').sort();
    expect(committed).toEqual([...files.keys()].sort());
    for (const [name, text] of files) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(text);
  });

  it('docs/diagnostics.md matches the codes catalogue', () => {
    expect(readFileSync(path.join(REPO_ROOT, 'docs/diagnostics.md'), 'utf8')).toBe(diagnosticsReference());
  });
});

describe('edition item schema', () => {
  const cat = loadCatalogue('2022').value!;
  const schema = itemSchemaForEdition(cat);
  const check = (text: string) => {
    const p = parseItem('x.yaml', text).value!;
    return validateWithSchema(schema, p.item, { source: p.source, subject: 'item', metric: String(p.item.metric), metricRequirements: true });
  };
  const base = 'id: x\nsdg: 7\nkind: numeric\ntitle: Energy use\nnarrative: Figures.\nstatus: draft\n';

  it('requires the named values of a numeric metric', () => {
    const d = check(`${base}metric: "7.3.1"\nvalues:\n  energy_used_gj: { value: 1, unit: GJ }\n`);
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([['VALUES_MISSING', 8, 1]]);
    expect(d[0].message).toContain('floor_area_m2');
    expect(check(`${base}metric: "7.3.1"\n`).map((x) => x.code)).toEqual(['VALUES_MISSING']);
  });

  it('requires policy dates on a policy question and restricts answers to the options', () => {
    expect(check(base.replace('numeric', 'policy') + 'metric: "7.2.1"\n').map((x) => x.code)).toEqual(['POLICY_DATES_REQUIRED']);
    const options = cat.sdgs[16].groups.flatMap((g) => g.metrics).find((m) => (m.options?.length ?? 0) > 0)!;
    const d = check(`id: x\nsdg: 17\nkind: practice\ntitle: Options\nnarrative: N.\nstatus: draft\nmetric: "${options.id}"\nanswer: nonsense\n`);
    expect(d.map((x) => [x.code, x.line])).toEqual([['SCHEMA_ENUM', 8]]);
  });

  it('accepts the documented example item', () => {
    const text = readFileSync(path.join(REPO_ROOT, 'docs/examples/item-policy.yaml'), 'utf8');
    expect(check(text)).toEqual([]);
  });
});
