import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { clearCatalogueCache, DEFAULT_CRITERIA_DIR, loadCatalogue } from '../../src/criteria/load';
import { readPrecompiledCatalogue, writePrecompiledCatalogue } from '../../src/criteria/precompiled';
import { itemSchemaForEdition } from '../../src/schemas/item-edition';
import { AJV_OPTIONS } from '../../src/validate/schema-errors';
import { precompiledValidator, writePrecompiledValidator } from '../../src/validate/precompiled-validators';

// What `npm run build` saves so that commands start fast (scripts/precompile.js) must give exactly what
// loading and compiling at run time gives, and must never be used once its source has changed.
describe('precompiled catalogues and validators', () => {
  let dir: string;
  beforeEach(() => {
    // Inside the repository, so that the saved modules resolve ajv's run-time helpers from its node_modules.
    const cache = path.resolve(__dirname, '../../node_modules/.cache');
    mkdirSync(cache, { recursive: true });
    dir = mkdtempSync(path.join(cache, 'impact-pack-precompiled-'));
    clearCatalogueCache();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const text = readFileSync(path.join(DEFAULT_CRITERIA_DIR, 'the-2022.yaml'), 'utf8');

  it('saves a catalogue that reads back equal to the one loaded from YAML', () => {
    const loaded = loadCatalogue('2022', { precompiled: false });
    expect(loaded.value).toBeDefined();
    writePrecompiledCatalogue('2022', text, loaded.value!, loaded.diagnostics, dir);
    const saved = readPrecompiledCatalogue('2022', text, dir);
    expect(saved?.catalogue).toStrictEqual(JSON.parse(JSON.stringify(loaded.value)));
    expect(saved?.catalogue).toEqual(loaded.value);
    expect(saved?.diagnostics).toEqual(loaded.diagnostics);
  });

  it('ignores a saved catalogue once the catalogue text changed', () => {
    const loaded = loadCatalogue('2022', { precompiled: false });
    writePrecompiledCatalogue('2022', text, loaded.value!, loaded.diagnostics, dir);
    expect(readPrecompiledCatalogue('2022', `${text}\n# edited\n`, dir)).toBeUndefined();
  });

  it('ignores a missing or damaged saved catalogue', () => {
    expect(readPrecompiledCatalogue('2022', text, dir)).toBeUndefined();
    writeFileSync(path.join(dir, 'the-2022.json'), '{"key": ');
    expect(readPrecompiledCatalogue('2022', text, dir)).toBeUndefined();
  });

  it('compiles validators ahead of time that report the same errors as ajv compiling at run time', () => {
    const schema = itemSchemaForEdition(loadCatalogue('2022').value!);
    expect(precompiledValidator(schema, dir)).toBeUndefined();
    writePrecompiledValidator(new Ajv2020({ ...AJV_OPTIONS, code: { source: true } }), schema, dir);
    const ahead = precompiledValidator(schema, dir)!;
    const atRunTime = new Ajv2020(AJV_OPTIONS).compile(schema);
    const samples: unknown[] = [
      {},
      { id: 'x', sdg: '7', metric: '7.2.1', title: 5, unknown_field: 1 },
      { id: 'p', sdg: 7, metric: '7.2.1', kind: 'policy', title: 'Energy policy' },
      { id: 'n', sdg: 6, metric: '6.2.1', kind: 'numeric', title: 'Water', values: {} },
      'not an item',
    ];
    for (const sample of samples) {
      expect(ahead(sample)).toBe(atRunTime(sample));
      expect(ahead.errors ?? null).toEqual(atRunTime.errors ?? null);
    }
    expect(atRunTime.errors?.length).toBeGreaterThan(0);
    // Another schema (a catalogue edited since the build) has another digest and finds no saved module.
    expect(precompiledValidator({ ...schema, title: 'edited' }, dir)).toBeUndefined();
  });
});
