#!/usr/bin/env node
'use strict';
// Regenerates the committed, generated references: the JSON Schemas (for editors) and docs/diagnostics.md.
// Run after changing the criteria catalogue or the diagnostic codes: `npm run generate`.
const { writeFileSync, mkdirSync } = require('node:fs');
const path = require('node:path');
const { generatedSchemas } = require('../dist/schemas/write.js');
const { diagnosticsReference } = require('../dist/diagnostics/docs.js');

const root = path.resolve(__dirname, '..');
const { files, diagnostics } = generatedSchemas();
if (diagnostics.length > 0) {
  console.error(diagnostics);
  process.exit(2);
}
mkdirSync(path.join(root, 'schemas'), { recursive: true });
for (const [name, text] of files) writeFileSync(path.join(root, 'schemas', name), text);
writeFileSync(path.join(root, 'docs', 'diagnostics.md'), diagnosticsReference());
console.log(`wrote ${files.size} schemas and docs/diagnostics.md`);
