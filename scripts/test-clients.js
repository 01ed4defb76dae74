#!/usr/bin/env node
'use strict';
/**
 * Run by `npm test` before anything else: the tests check our PDF, DOCX and HTML with the programs people
 * open them with, so those programs must be there. Missing ones are installed with apt-get when that is
 * possible (root, Debian or Ubuntu); otherwise this stops at once with one line naming what to install.
 * IMPACT_PACK_SKIP_REAL_CLIENTS=1 skips the suites that need them instead (jest.config.cjs), loudly.
 */
const { spawnSync } = require('node:child_process');
const { accessSync, constants, existsSync } = require('node:fs');
const path = require('node:path');

/** Each program the tests run, how they find it, and the Debian package that provides it. */
const CLIENTS = [
  { program: 'pdftotext', pkg: 'poppler-utils' },
  { program: 'pdfinfo', pkg: 'poppler-utils' },
  { program: 'pdffonts', pkg: 'poppler-utils' },
  { program: 'pdftoppm', pkg: 'poppler-utils' },
  { program: 'pdfdetach', pkg: 'poppler-utils' },
  { program: 'pdfimages', pkg: 'poppler-utils' },
  { program: 'qpdf', pkg: 'qpdf' },
  // LibreOffice, headless, opens the DOCX documents.
  { program: 'soffice', pkg: 'libreoffice-writer-nogui' },
  // LibreOffice Calc opens the exported workbook (a library of LibreOffice's, not a program of its own).
  { program: '/usr/lib/libreoffice/program/libsclo.so', pkg: 'libreoffice-calc-nogui', library: true },
  // Debian's Chromium, driven by playwright-core at this exact path, opens the HTML documents.
  { program: '/usr/bin/chromium', pkg: 'chromium' },
  // GNU time measures peak memory in the benchmark's smoke run.
  { program: '/usr/bin/time', pkg: 'time' },
];

const SKIP_VARIABLE = 'IMPACT_PACK_SKIP_REAL_CLIENTS';

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** True when the program is an executable path, or a name found on PATH. */
function found(program, env, library = false) {
  if (library) return existsSync(program);
  if (program.includes('/')) return executable(program);
  return (env.PATH ?? '').split(path.delimiter).some((dir) => dir && executable(path.join(dir, program)));
}

/** The Debian packages still needed, without repeats, in the order of CLIENTS. */
function missingPackages(env, clients = CLIENTS) {
  return [...new Set(clients.filter((c) => !found(c.program, env, c.library === true)).map((c) => c.pkg))];
}

const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

/** apt-get, with its output on this terminal; returns its exit status. */
function aptGet(args, env) {
  return spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } }).status;
}

function installCommand(packages) {
  return `apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/**
 * Returns the exit status: 0 when every client is there (or was installed, or the run skips them), 1 after
 * one line naming what to install. `isRoot`, `run` and `clients` are there for the tests.
 */
function main({ env = process.env, log = (line) => process.stderr.write(`${line}\n`), isRoot = IS_ROOT, run = aptGet, clients = CLIENTS } = {}) {
  if (env[SKIP_VARIABLE] === '1') {
    log(`npm test: ${SKIP_VARIABLE}=1: SKIPPING every suite that checks the output with real clients (PDF, DOCX, HTML); this run proves less.`);
    return 0;
  }
  let missing = missingPackages(env, clients);
  if (missing.length === 0) return 0;
  if (isRoot && found('apt-get', env)) {
    log(`npm test: installing the programs the tests check the output with: ${missing.join(' ')} (apt-get, as root)`);
    if (run(['update', '-qq'], env) === 0) run(['install', '-y', '-qq', '--no-install-recommends', ...missing], env);
    missing = missingPackages(env, clients);
    if (missing.length === 0) return 0;
  }
  log(
    `npm test: missing programs the tests need: install ${missing.join(' ')} (Debian: ${installCommand(missing)}), ` +
      `or set ${SKIP_VARIABLE}=1 to skip the suites that use them.`,
  );
  return 1;
}

if (require.main === module) process.exitCode = main();

module.exports = { CLIENTS, SKIP_VARIABLE, missingPackages, main };
