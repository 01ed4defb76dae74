import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyToTemp, REPO_ROOT, tempDir } from '../helpers/temp-pack';
import { fingerprintPack } from './pack-fingerprint';

/**
 * What each command may touch. Only `impact-pack links` may use the network; only `approve`, whose purpose
 * is to write sign-offs into items, may change evidence, and it keeps a backup of each file it rewrites.
 * Every command runs as a real process with a tripwire preloaded (network-tripwire.js) that records and
 * blocks any socket, DNS query, HTTP request or child process, on a copy of a pack whose items cite public
 * URLs; every file of the pack is fingerprinted before and after. The command list is read from
 * `impact-pack --help`, so a command added later is covered without editing this test.
 */
const BIN = path.join(REPO_ROOT, 'bin/impact-pack.js');
const TRIPWIRE = path.join(__dirname, 'network-tripwire.js');
const VALID = path.join(__dirname, '../fixtures/packs/valid');
const NETWORK_COMMAND = 'links';
/** The command that writes into evidence files, by design, after backing them up. */
const EVIDENCE_WRITER = 'approve';
const BACKUP_FOLDER = '.impact-pack-backups';

function commands(): string[] {
  const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout;
  const section = help.split('Commands:')[1] ?? '';
  return [...section.matchAll(/^ {2}(\S+) {2,}/gm)].map((m) => m[1]);
}

/** Arguments that make each command do its real work on the pack (unknown commands get just the pack). */
function argsFor(command: string, pack: string, scratch: string): string[] {
  switch (command) {
    case 'build':
    case 'watch':
      return [command, pack, '--out', path.join(scratch, `out-${command}`)];
    case 'criteria':
      return [command, '--edition', '2022', '--sdg', '7'];
    case 'init':
      return [command, path.join(scratch, 'new-pack'), '--institution', 'University of Example'];
    case 'schemas':
      return [command, pack, '--out', path.join(scratch, 'schemas')];
    case 'explain':
      return [command, 'FILE_NOT_FOUND'];
    case 'approve':
      return [command, pack, '--item', 'sdg-dialogue', '--reviewer', 'A. Reviewer', '--date', '2021-11-01'];
    case 'gaps':
      return [command, pack, '--format', 'json'];
    case 'import': {
      // A department's sheet with a wrong answer: read and checked against the pack, nothing written (exit 1).
      const sheet = path.join(scratch, 'department.csv');
      writeFileSync(sheet, 'Type,Metric and indicator reference,Yes/No\r\nIndicator,17.2.1,Perhaps\r\n');
      return [command, sheet, pack];
    }
    case 'migrate':
      // Without --write, migrate only prints its plan.
      return [command, pack, '--to', '2027'];
    default:
      return [command, pack];
  }
}

interface Run {
  code: number | null;
  stderr: string;
}

/** Runs a command to its end, or, for `watch`, which never ends, until its first round is done. */
function runWithTripwire(args: string[], log: string, cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', TRIPWIRE, BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', IMPACT_PACK_TRIPWIRE_LOG: log },
    });
    let stdout = '';
    let stderr = '';
    // watch and review run until stopped.
    const watching = args[0] === 'watch' || args[0] === 'review';
    const stop = () => child.kill('SIGTERM');
    const limit = watching ? setTimeout(stop, 90_000) : undefined;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      // watch prints its first summary once the first validate-and-build round is over.
      // review prints its address once the desk is listening.
      if (watching && /Built|error\(s\)|warning\(s\)|Open http:\/\/127\.0\.0\.1:/.test(stdout)) stop();
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      if (limit) clearTimeout(limit);
      resolve({ code: watching ? 0 : code, stderr });
    });
  });
}

test('the command list is read from the help text', () => {
  expect(commands()).toEqual(expect.arrayContaining(['validate', 'build', 'gaps', 'criteria', 'init', 'schemas', NETWORK_COMMAND]));
});

test.each(commands().filter((c) => c !== NETWORK_COMMAND))(
  'impact-pack %s uses no network, starts no other program, and leaves the evidence as it was (or backed up)',
  async (command) => {
    const pack = copyToTemp(VALID);
    const scratch = tempDir();
    try {
      const log = path.join(scratch.root, 'tripwire.log');
      const before = fingerprintPack(pack.root);
      const originals = new Map(Object.keys(before).filter((f) => before[f].startsWith('file ')).map((f) => [f, readFileSync(path.join(pack.root, f))]));
      const run = await runWithTripwire(argsFor(command, pack.root, scratch.root), log, scratch.root);
      const after = fingerprintPack(pack.root, ['.impact-pack-cache', 'out', BACKUP_FOLDER]);
      if (command === EVIDENCE_WRITER) {
        const changed = Object.keys(before).filter((f) => before[f] !== after[f]);
        expect(changed.length).toBeGreaterThan(0);
        // Each rewritten file's previous bytes are in the backup folder.
        const backupPrints = fingerprintPack(path.join(pack.root, BACKUP_FOLDER), []);
        const backups = Object.keys(backupPrints)
          .filter((f) => backupPrints[f].startsWith('file '))
          .map((f) => readFileSync(path.join(pack.root, BACKUP_FOLDER, f)));
        for (const file of changed) expect({ file, backedUp: backups.some((b) => b.equals(originals.get(file)!)) }).toEqual({ file, backedUp: true });
      } else {
        expect(after).toEqual(before);
      }
      expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toBe('');
      expect({ command, code: run.code, stderr: run.code === 2 ? run.stderr : '' }).toEqual({ command, code: expect.any(Number), stderr: '' });
      expect([0, 1]).toContain(run.code);
    } finally {
      pack.cleanup();
      scratch.cleanup();
    }
  },
  180_000,
);

test('the tripwire itself catches an attempt (so a silent pass means no attempt)', () => {
  const scratch = tempDir();
  try {
    const log = path.join(scratch.root, 'tripwire.log');
    const probe = spawnSync(process.execPath, ['--require', TRIPWIRE, '-e', "require('node:https').get('https://example.org/')"], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', IMPACT_PACK_TRIPWIRE_LOG: log },
    });
    expect(probe.status).not.toBe(0);
    expect(readFileSync(log, 'utf8')).toContain('node:https get https://example.org/');
  } finally {
    scratch.cleanup();
  }
});

test(`impact-pack ${NETWORK_COMMAND}, the one command that checks URLs, does trip the wire`, async () => {
  const pack = copyToTemp(VALID);
  const scratch = tempDir();
  try {
    const log = path.join(scratch.root, 'tripwire.log');
    await runWithTripwire([NETWORK_COMMAND, pack.root], log, scratch.root);
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toMatch(/example\.edu/);
  } finally {
    pack.cleanup();
    scratch.cleanup();
  }
}, 180_000);
