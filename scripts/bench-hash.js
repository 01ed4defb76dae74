#!/usr/bin/env node
'use strict';
// The supporting-file hashing of impact-pack on its own, for comparison (c) of the benchmark against
// `sha256sum` over the same files. It calls the very function `validate` uses (inspectFiles from the
// compiled dist/: streamed SHA-256 plus content sniffing, files in parallel) with the hash cache turned
// off, so every byte of every file is read and hashed.
//
//   node scripts/bench-hash.js PACK [FOLDER]    FOLDER defaults to files/; prints files and bytes hashed
//
// Needs the compiled tool (npm run build:ts).

const fg = require('fast-glob');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..');

/** Hashes every file under `folder` of the pack with impact-pack's own code; returns counts and the digest of all digests. */
async function hashFolder(packDir, folder = 'files') {
  const { inspectFiles } = require(path.join(REPO_ROOT, 'dist/files/inspect-files.js'));
  const { HashCache } = require(path.join(REPO_ROOT, 'dist/files/hash-cache.js'));
  const root = path.resolve(packDir);
  const found = fg.sync('**/*', { cwd: path.join(root, folder), onlyFiles: true, dot: false, followSymbolicLinks: false }).sort();
  const files = found.map((rel) => ({ path: `${folder}/${rel}`, onDisk: `${folder}/${rel}` }));
  const cache = await HashCache.load(root, false, Date.now());
  const { inspections, hashed } = await inspectFiles(root, files, cache);
  let bytes = 0;
  const failed = [];
  for (const [file, inspection] of inspections) {
    if (inspection.ok) bytes += inspection.facts.size;
    else failed.push(`${file}: ${inspection.reason}`);
  }
  return { files: files.length, hashed, bytes, failed };
}

if (require.main === module) {
  const [pack, folder] = process.argv.slice(2);
  if (!pack) {
    process.stderr.write('usage: node scripts/bench-hash.js PACK [FOLDER]\n');
    process.exitCode = 2;
  } else {
    hashFolder(pack, folder).then(
      (r) => {
        process.stdout.write(`${r.hashed} of ${r.files} files hashed, ${r.bytes} bytes\n`);
        for (const f of r.failed) process.stderr.write(`${f}\n`);
        if (r.failed.length > 0) process.exitCode = 1;
      },
      (error) => {
        process.stderr.write(`bench-hash: ${error.message}\n`);
        process.exitCode = 2;
      },
    );
  }
}

module.exports = { hashFolder };
