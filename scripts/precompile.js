#!/usr/bin/env node
'use strict';
// Run by `npm run build:ts` after tsc: saves what every command would otherwise work out again at start-up
// from data that ships with impact-pack (src/criteria/precompiled.ts, src/validate/precompiled-validators.ts):
// each edition's catalogue, loaded and checked, as JSON; the item schema of each edition and the pack-config
// schema as ajv standalone modules. Everything goes under dist/precompiled/, which is rebuilt whole.
const { readFileSync, rmSync } = require('node:fs');
const path = require('node:path');
const Ajv2020 = require('ajv/dist/2020').default;
const { DEFAULT_CRITERIA_DIR, listEditions, loadCatalogue } = require('../dist/criteria/load');
const { writePrecompiledCatalogue } = require('../dist/criteria/precompiled');
const { itemSchemaForEdition } = require('../dist/schemas/item-edition');
const { packConfigSchema } = require('../dist/schemas/config-schema');
const { AJV_OPTIONS } = require('../dist/validate/schema-errors');
const { writePrecompiledValidator } = require('../dist/validate/precompiled-validators');

rmSync(path.resolve(__dirname, '../dist/precompiled'), { recursive: true, force: true });
const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
const editions = listEditions();
for (const edition of editions) {
  const text = readFileSync(path.join(DEFAULT_CRITERIA_DIR, `the-${edition}.yaml`), 'utf8');
  const loaded = loadCatalogue(edition, { precompiled: false });
  if (!loaded.value) {
    // The catalogue itself is broken: nothing is saved, and every command reports it as it loads it.
    console.error(`precompile: the ${edition} catalogue has errors; it is left to be loaded at run time.`);
    continue;
  }
  writePrecompiledCatalogue(edition, text, loaded.value, loaded.diagnostics);
  writePrecompiledValidator(ajv, itemSchemaForEdition(loaded.value));
}
writePrecompiledValidator(ajv, packConfigSchema(editions));
