import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { REPO_ROOT } from '../helpers/temp-pack';
import { listCases, materialise } from './bad-pack-corpus';
import { fingerprintPack } from './pack-fingerprint';

/**
 * Every bad pack in the corpus gives exactly its expected diagnostics (code, file, line, column), exit 1 and
 * never 2, never a stack trace, the same output twice, and no change to the pack. Run time is bounded by the
 * per-case timeout (generous: the machine may be busy); no assertion is made on how long a case takes.
 */
const CASE_TIMEOUT_MS = 120_000;
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
const CASES = listCases();

interface JsonReport {
  diagnostics: Array<{ code: string; file: string; line: number; column: number; message: string; hint?: string }>;
}

test('the corpus covers every kind of bad input the issue names', () => {
  expect(CASES.map((c) => c.name)).toEqual(
    expect.arrayContaining([
      'malformed-yaml', 'tab-indentation', 'byte-order-mark', 'crlf-line-endings', 'invalid-utf8', 'latin1-text', 'binary-file',
      'empty-file', 'huge-file', 'alias-bomb', 'deep-nesting', 'duplicate-keys', 'yaml-1.1-directive', 'yaml-1.1-booleans',
      'merge-keys', 'numeric-keys', 'control-characters', 'bidi-override', 'nfd-file-names', 'symlink-loops', 'outside-references',
      'url-schemes', 'config-missing', 'config-empty', 'config-wrong',
    ]),
  );
  // A case that expects nothing would pass without testing anything.
  expect(CASES.filter((c) => c.expected.length === 0).map((c) => c.name)).toEqual([]);
});

describe.each(CASES.map((c) => [c.name, c] as const))('bad pack %s', (_name, c) => {
  it(
    'validate reports exactly the expected diagnostics, exits 1, and says the same on a second run',
    async () => {
      const pack = materialise(c);
      try {
        const before = fingerprintPack(pack.root);
        const first = await runCli(['validate', pack.root, '--format', 'json']);
        expect(first.stderr).not.toMatch(STACK_TRACE);
        expect(first.code).toBe(1);
        const report = JSON.parse(first.stdout) as JsonReport;
        const actual = report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`).sort();
        expect(actual).toEqual(c.expected);
        for (const d of report.diagnostics) {
          expect(d.message.length).toBeGreaterThan(10);
          expect(d.hint?.length ?? 0).toBeGreaterThan(10);
        }
        const second = await runCli(['validate', pack.root, '--format', 'json']);
        expect(second).toEqual(first);
        expect(fingerprintPack(pack.root)).toEqual(before);
      } finally {
        pack.cleanup();
      }
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'build exits 1 with the same problems, writes nothing outside its output folder, and changes nothing in the pack',
    async () => {
      const pack = materialise(c);
      try {
        const before = fingerprintPack(pack.root);
        const out = path.join(path.dirname(pack.root), 'out');
        const result = await runCli(['build', pack.root, '--out', out, '--formats', 'html']);
        expect(result.stderr).not.toMatch(STACK_TRACE);
        expect(result.code).toBe(1);
        for (const expected of c.expected) expect(result.stderr).toContain(expected.split(' ')[1]);
        expect(fingerprintPack(pack.root)).toEqual(before);
      } finally {
        pack.cleanup();
      }
    },
    CASE_TIMEOUT_MS,
  );
});

/**
 * The cases where the danger is the process itself (a hang on a named pipe, memory on a 50 MB file or an
 * alias bomb, the stack on deep nesting, a loop through links), through the real executable as CI runs it:
 * the process ends by itself (a hang would hit the spawn timeout), exits 1, and prints no stack trace.
 * The in-process tests above already check every case's exit code; spawning each of them too would only
 * repeat those checks at several seconds per process.
 */
const PROCESS_CASES = ['named-pipe', 'huge-file', 'alias-bomb', 'deep-nesting', 'many-entries', 'symlink-loops', 'binary-file', 'config-missing'];

test.each(PROCESS_CASES)(
  'the installed command exits 1 without a stack trace on %s',
  (name) => {
    const c = CASES.find((x) => x.name === name)!;
    const pack = materialise(c);
    try {
      const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/impact-pack.js'), 'validate', pack.root], {
        encoding: 'utf8',
        timeout: CASE_TIMEOUT_MS,
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      });
      expect({ status: run.status, signal: run.signal }).toEqual({ status: 1, signal: null });
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(run.stdout).not.toMatch(STACK_TRACE);
      for (const expected of c.expected) expect(run.stdout).toContain(expected.split(' ')[1]);
    } finally {
      pack.cleanup();
    }
  },
  CASE_TIMEOUT_MS,
);
