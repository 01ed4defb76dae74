import { spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../helpers/run-cli';
import { copyToTemp, REPO_ROOT, tempDir } from '../helpers/temp-pack';

/** approve never loses an edit, never changes how a file is stored, and never writes outside the pack. */
const VALID = path.join(__dirname, '../fixtures/packs/valid');
const ITEM = 'items/sdg-07/energy-policy.yaml';
const BIN = path.join(REPO_ROOT, 'bin/impact-pack.js');

function approveProcess(pack: string, reviewer: string, comment: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'approve', pack, '--item', 'energy-policy,sdg-dialogue', '--reviewer', reviewer, '--flag', comment, '--date', '2021-11-01'], {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

it('loses no flag when four approve --flag processes, each flagging both items, run at the same time', async () => {
  expect(existsSync(path.join(REPO_ROOT, 'dist/cli/run.js'))).toBe(true);
  const pack = copyToTemp(VALID);
  try {
    const runs = await Promise.all(Array.from({ length: 4 }, (_, i) => approveProcess(pack.root, `Reviewer ${i}`, `note ${i}`)));
    expect(runs.map((r) => [r.code, r.stderr])).toEqual(runs.map(() => [0, '']));
    for (const file of [ITEM, 'items/sdg-17/dialogue.yaml']) {
      const item = parse(readFileSync(path.join(pack.root, file), 'utf8'));
      expect(item.review_notes.map((n: { note: string }) => n.note).sort()).toEqual(['note 0', 'note 1', 'note 2', 'note 3']);
      expect(item.status).toBe('in_review');
    }
    // Every run kept its own backups (same second: -1, -2 … folders), and the lock is gone.
    const backups = readdirSync(path.join(pack.root, '.impact-pack-backups'));
    expect(backups.length).toBeGreaterThanOrEqual(1);
    expect(readdirSync(pack.root).filter((f) => f.includes('lock'))).toEqual([]);
  } finally {
    pack.cleanup();
  }
}, 120_000);

it('keeps CRLF line endings, the byte order mark and the file mode', async () => {
  const pack = copyToTemp(VALID);
  try {
    const file = path.join(pack.root, ITEM);
    const lf = readFileSync(file, 'utf8');
    writeFileSync(file, `\ufeff${lf.replace(/\n/g, '\r\n')}`);
    chmodSync(file, 0o600);
    const r = await runCli(['approve', pack.root, '--item', 'energy-policy', '--reviewer', 'A. Reviewer']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('content_hash:');
    expect(text.match(/\n/g)!.length).toBe(text.match(/\r\n/g)!.length);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  } finally {
    pack.cleanup();
  }
});

it('refuses a committed .impact-pack-backups symbolic link, writing nothing outside the pack and leaving the item as it was', async () => {
  const pack = copyToTemp(VALID);
  const outside = tempDir();
  try {
    symlinkSync(outside.root, path.join(pack.root, '.impact-pack-backups'));
    const before = readFileSync(path.join(pack.root, ITEM));
    const r = await runCli(['approve', pack.root, '--item', 'energy-policy', '--reviewer', 'A. Reviewer', '--flag', 'check the dates']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('.impact-pack-backups is a symbolic link; backups are only written into real folders inside the pack');
    expect(readdirSync(outside.root)).toEqual([]);
    expect(readFileSync(path.join(pack.root, ITEM))).toEqual(before);
  } finally {
    pack.cleanup();
    outside.cleanup();
  }
});

it('refuses a link deeper in the backup folder too', async () => {
  const pack = copyToTemp(VALID);
  const outside = tempDir();
  try {
    mkdirSync(path.join(pack.root, '.impact-pack-backups/20211101T120000Z'), { recursive: true });
    symlinkSync(outside.root, path.join(pack.root, '.impact-pack-backups/20211101T120000Z/items'));
    const r = await runCli(['approve', pack.root, '--item', 'energy-policy', '--reviewer', 'A. Reviewer', '--flag', 'check the dates']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('.impact-pack-backups/20211101T120000Z/items is a symbolic link');
    expect(readdirSync(outside.root)).toEqual([]);
    expect(lstatSync(path.join(pack.root, '.impact-pack-backups/20211101T120000Z/items')).isSymbolicLink()).toBe(true);
  } finally {
    pack.cleanup();
    outside.cleanup();
  }
});
