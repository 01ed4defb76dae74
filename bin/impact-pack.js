#!/usr/bin/env node
'use strict';
// Thin entry point: all behaviour lives in the library so that it can be tested in-process.
const { run } = require('../dist/cli/run.js');

// `impact-pack gaps | head` closes the pipe early; that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

run({ argv: process.argv.slice(2), cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr })
  .then((code) => { process.exitCode = code; })
  .catch((error) => {
    process.stderr.write(`impact-pack: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  });
