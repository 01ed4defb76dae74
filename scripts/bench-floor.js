#!/usr/bin/env node
'use strict';
// Baseline (a) of the benchmark: the floor under any validator of a pack. It finds the evidence files
// (*.yaml and *.yml under items/, as impact-pack does), reads each one and parses it with the same YAML
// library, and does nothing else: no positions kept, no schema, no rules, no supporting files.
// `impact-pack validate` cannot be faster than this; bench.js reports how many times slower it is.
//
//   node scripts/bench-floor.js PACK      prints the number of files parsed
//
// Synchronous reads on purpose: for thousands of small files they are the fastest way Node has.

const fg = require('fast-glob');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

function floor(packDir) {
  const items = path.join(packDir, 'items');
  const files = fg.sync(['**/*.yaml', '**/*.yml'], { cwd: items, onlyFiles: true, dot: false, followSymbolicLinks: false });
  let parsed = 0;
  for (const rel of files) {
    try {
      YAML.parse(fs.readFileSync(path.join(items, rel), 'utf8'));
      parsed++;
    } catch {
      // A file with a syntax error is still read and parsed as far as it goes; that is the floor's work too.
    }
  }
  return { files: files.length, parsed };
}

if (require.main === module) {
  const pack = process.argv[2];
  if (!pack) {
    process.stderr.write('usage: node scripts/bench-floor.js PACK\n');
    process.exitCode = 2;
  } else {
    const r = floor(path.resolve(pack));
    process.stdout.write(`${r.files} files read, ${r.parsed} parsed without error\n`);
  }
}

module.exports = { floor };
