import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { printable, guardLineStarts } from '../../src/diagnostics/escape-terminal';
import { jsonText } from '../../src/diagnostics/escape-json';
import { mdCode, mdText } from '../../src/report/markdown-text';
import { escapeData } from '../../src/report/github-annotations';
import { runCli } from '../helpers/run-cli';
import { copyToTemp } from '../helpers/temp-pack';

/**
 * Output a pull request cannot forge: names, paths, owners and messages from the pack reach the terminal,
 * the CI log and Markdown only through the escaping of their target.
 */
const VALID = path.join(__dirname, '../fixtures/packs/valid');
const FORGED = '\n::error file=items/sdg-07/energy-policy.yaml,line=1::Evidence APPROVED';
/** Anything a terminal or a runner would act on: C0 but tab and newline, DEL, C1, bidi controls. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function workflowCommandLines(output: string): string[] {
  return output.split('\n').filter((line) => /^\s*(::|##\[)/.test(line));
}

describe('escaping per target', () => {
  it.each([
    ['a newline', 'a\nb', 'a\\nb'],
    ['a lone CR', 'a\rb', 'a\\rb'],
    ['ESC', '\x1b[2Jcleared', '\\x1b[2Jcleared'],
    ['a C1 CSI', '\x9b31mred', '\\x9b31mred'],
    ['NEL', 'a\x85b', 'a\\x85b'],
    ['a bidi override', 'abc\u202edcba', 'abc\\u202edcba'],
    ['a line separator', 'a\u2028b', 'a\\u2028b'],
    ['plain text', 'Estates office · 7.2.1 ✓', 'Estates office · 7.2.1 ✓'],
  ])('the terminal target writes %s as a visible escape', (_what, input, expected) => {
    expect(printable(input)).toBe(expected);
  });

  it('never lets an output line start a workflow command', () => {
    expect(guardLineStarts('ok\n::error::x\n  ::warning::y\n##[error]z\nin the :: middle\n')).toBe('ok\n\\x3a:error::x\n  \\x3a:warning::y\n\\x23#[error]z\nin the :: middle\n');
  });

  it.each([
    ['a lone CR', 'Estates\r# Heading', 'Estates # Heading'],
    ['CR LF', 'a\r\nb', 'a b'],
    ['a table breaker', 'a | b', 'a \\| b'],
    ['a leading #', '# Heading', '\\# Heading'],
    ['a mention', 'ask @estates-team', 'ask @&#8203;estates-team'],
    ['an e-mail address', 'office@example.edu', 'office@&#8203;example.edu'],
    ['HTML', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['ESC', '\x1b[31m', '\\\\x1b\\[31m'],
  ])('the Markdown target neutralises %s', (_what, input, expected) => {
    expect(mdText(input)).toBe(expected);
  });

  it('keeps code spans on one line', () => {
    expect(mdCode(`files/a${FORGED}|x.pdf`)).toBe('`files/a ::error file=items/sdg-07/energy-policy.yaml,line=1::Evidence APPROVED\\|x.pdf`');
  });

  it('escapes the data of a workflow command as the runner reads it, and control characters visibly', () => {
    expect(escapeData('50%\r\n\x1b[2J')).toBe('50%25%0D%0A\\x1b[2J');
  });

  it('writes C1 and line separators in JSON as \\u escapes, which parse back to the same text', () => {
    const value = { message: 'a\x9bb\u2028c\x7f' };
    const text = jsonText(value);
    expect(text).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('names and texts from a pull request, through the commands', () => {
  let pack: { root: string; cleanup: () => void };
  beforeAll(() => {
    pack = copyToTemp(VALID);
    // A supporting file whose name carries a forged annotation and terminal escapes, and an item citing a path that does too.
    writeFileSync(path.join(pack.root, 'files', `report${FORGED.replace(/\//g, '-')}\x1b[2J\x9b31m.pdf`), '%PDF-1.4\n');
    const item = path.join(pack.root, 'items/sdg-07/energy-policy.yaml');
    const text = readFileSync(item, 'utf8')
      .replace('  - files/energy-policy.pdf', `  - files/energy-policy.pdf\n  - "files/missing${FORGED.replace('\n', '\\n')}\\e[2J.pdf"`)
      .replace('owner: Estates office', 'owner: "Estates\\r# Injected heading @estates-team | x"')
      .replace('status: approved', 'status: draft');
    writeFileSync(item, text);
  });
  afterAll(() => pack.cleanup());

  it('validate (human) prints no workflow command and no raw control character', async () => {
    const r = await runCli(['validate', pack.root]);
    for (const out of [r.stdout, r.stderr]) {
      expect(workflowCommandLines(out)).toEqual([]);
      expect(out).not.toMatch(RAW_CONTROL);
    }
    expect(r.stdout).toContain('\\n::error file=items/sdg-07/energy-policy.yaml,line=1::Evidence APPROVED');
  });

  it('validate --format json carries the same texts, escaped', async () => {
    const r = await runCli(['validate', pack.root, '--format', 'json']);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    const json = JSON.parse(r.stdout);
    expect(JSON.stringify(json)).toContain('Evidence APPROVED');
  });

  it('gaps --format md keeps every table row on one line and notifies no one', async () => {
    const r = await runCli(['gaps', pack.root, '--format', 'md']);
    expect(r.stdout).not.toMatch(/\r/);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).not.toMatch(/^#+ Injected heading/m);
    expect(r.stdout).not.toMatch(/@estates-team/);
    expect(r.stdout).toContain('@&#8203;estates-team');
    // Every line that starts a table row ends it, with the same number of cells as its header.
    const lines = r.stdout.split('\n');
    let cells = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        cells = 0;
        continue;
      }
      expect(line.endsWith('|')).toBe(true);
      const n = line.replace(/\\\|/g, '').split('|').length;
      if (cells === 0) cells = n;
      expect([line, n]).toEqual([line, cells]);
    }
  });

  it('approve prints an item id that looks like a workflow command as text', async () => {
    const copy = copyToTemp(VALID);
    try {
      const file = path.join(copy.root, 'items/sdg-17/dialogue.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('id: sdg-dialogue', 'id: "::error::APPROVED"'));
      const r = await runCli(['approve', copy.root, '--item', '::error::APPROVED', '--reviewer', 'R', '--flag', 'x']);
      expect(r.code).toBe(0);
      expect(workflowCommandLines(r.stdout + r.stderr)).toEqual([]);
      expect(r.stdout).toContain('\\x3a:error::APPROVED: flagged by R');
    } finally {
      copy.cleanup();
    }
  });

  it('gaps --format github escapes data so that no second command starts', async () => {
    const r = await runCli(['gaps', pack.root, '--format', 'github']);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    for (const line of workflowCommandLines(r.stdout)) expect(line).toMatch(/^::(error|warning|notice) [^:]*(%3A[^:]*)*::/);
    expect(r.stdout.split('\n').filter((l) => l.includes('Evidence APPROVED')).every((l) => /^::(error|warning|notice) /.test(l))).toBe(true);
  });
});
