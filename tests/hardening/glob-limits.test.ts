import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_PATTERN_MATCHES } from '../../src/files/match-reference';
import { runCli } from '../helpers/run-cli';
import { copyToTemp } from '../helpers/temp-pack';

/** supporting_files patterns are bounded, and copies of one content are noted once per citing line. */
const VALID = path.join(__dirname, '../fixtures/packs/valid');

function citing(root: string, entries: string[]): void {
  const item = path.join(root, 'items/sdg-07/energy-policy.yaml');
  const list = entries.map((e) => `  - "${e}"`).join('\n');
  writeFileSync(item, readFileSync(item, 'utf8').replace('  - files/energy-policy.pdf', `  - files/energy-policy.pdf\n${list}`));
}

it(`refuses a pattern matching more than ${MAX_PATTERN_MATCHES.toLocaleString('en')} files at its line, citing none of them`, async () => {
  const pack = copyToTemp(VALID);
  try {
    mkdirSync(path.join(pack.root, 'files/bulk'));
    for (let i = 0; i <= MAX_PATTERN_MATCHES; i++) writeFileSync(path.join(pack.root, `files/bulk/f${i}.pdf`), '%PDF-1.4 same\n');
    citing(pack.root, ['files/bulk/*']);
    const r = await runCli(['validate', pack.root, '--format', 'json']);
    const json = JSON.parse(r.stdout);
    const tooMany = json.diagnostics.filter((d: { code: string }) => d.code === 'GLOB_TOO_MANY');
    expect(tooMany).toEqual([expect.objectContaining({ file: 'items/sdg-07/energy-policy.yaml', line: 20, message: 'Pattern "files/bulk/*" matches more than 10,000 files; none of them is cited.' })]);
    expect(json.diagnostics.filter((d: { code: string }) => d.code === 'FILE_DUPLICATE_CONTENT')).toEqual([]);
  } finally {
    pack.cleanup();
  }
});

it('notes fifty copies brought in by one pattern once, naming five', async () => {
  const pack = copyToTemp(VALID);
  try {
    mkdirSync(path.join(pack.root, 'files/copies'));
    for (let i = 10; i < 60; i++) writeFileSync(path.join(pack.root, `files/copies/c${i}.pdf`), '%PDF-1.4 copy\n');
    citing(pack.root, ['files/copies/*.pdf']);
    const r = await runCli(['validate', pack.root, '--format', 'json']);
    const notes = JSON.parse(r.stdout).diagnostics.filter((d: { code: string }) => d.code === 'FILE_DUPLICATE_CONTENT');
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toMatch(/^"files\/copies\/c11\.pdf", "files\/copies\/c12\.pdf", .*"files\/copies\/c15\.pdf" and 44 more files have the same content as "files\/copies\/c10\.pdf"/);
  } finally {
    pack.cleanup();
  }
});
