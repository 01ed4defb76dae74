/**
 * The bad-input corpus in tests/fixtures/bad-packs: one small pack per case. A case states what it must
 * produce in two ways, which may be combined:
 * - `# expect: CODE@COLUMN` markers on the offending line of a YAML file (`# expect-file: CODE` for line 0),
 *   read here from the raw bytes, so that markers work in CRLF and Latin-1 files too;
 * - an `expected.json` with `diagnostics` ("file:line:column CODE") for files that cannot carry a comment
 *   (binary, UTF-16, empty, unterminated quotes), and `setup` steps for what git cannot hold or should not:
 *   a 50 MB file, symbolic links (loops, /etc/passwd), a named pipe, thousands of nesting levels.
 * Every case runs on a temporary copy, so that nothing a run writes (a cache folder) lands in the repository.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CORPUS_ROOT = path.join(__dirname, '../fixtures/bad-packs');

export type SetupStep =
  | { op: 'repeat'; path: string; head: string; unit: string; tail?: string; bytes?: number; count?: number }
  | { op: 'staircase'; path: string; head: string; depth: number }
  | { op: 'symlink'; path: string; target: string }
  | { op: 'fifo'; path: string };

interface CaseFile {
  description?: string;
  diagnostics?: string[];
  setup?: SetupStep[];
}

export interface BadPackCase {
  name: string;
  root: string;
  description: string;
  /** "file:line:column CODE", sorted. */
  expected: string[];
  setup: SetupStep[];
}

export function listCases(): BadPackCase[] {
  return readdirSync(CORPUS_ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map(loadCase);
}

export function loadCase(name: string): BadPackCase {
  const root = path.join(CORPUS_ROOT, name);
  const caseFile = path.join(root, 'expected.json');
  const declared: CaseFile = statSync(caseFile, { throwIfNoEntry: false }) ? JSON.parse(readFileSync(caseFile, 'utf8')) : {};
  return {
    name,
    root,
    description: declared.description ?? '',
    expected: [...markersIn(root), ...(declared.diagnostics ?? [])].sort(),
    setup: declared.setup ?? [],
  };
}

/** Markers from every YAML file, decoded leniently (a Latin-1 file still carries ASCII markers). */
function markersIn(root: string): string[] {
  const found: string[] = [];
  for (const file of filesUnder(root)) {
    if (!/\.ya?ml$/i.test(file)) continue;
    const lines = readFileSync(path.join(root, file)).toString('latin1').split(/\r?\n/);
    lines.forEach((text, index) => {
      const marker = /# expect: (.+)$/.exec(text);
      if (marker) {
        for (const entry of marker[1].trim().split(/\s+/)) {
          const [code, column] = entry.split('@');
          found.push(`${file}:${index + 1}:${column} ${code}`);
        }
      }
      const fileMarker = /# expect-file: (.+)$/.exec(text);
      if (fileMarker) for (const code of fileMarker[1].trim().split(/\s+/)) found.push(`${file}:0:0 ${code}`);
    });
  }
  return found;
}

/** Pack-relative POSIX paths of regular files, with their names exactly as stored (NFD stays NFD). */
function filesUnder(root: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(root, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** A temporary copy of the case with its setup applied; `cleanup` removes it. */
export function materialise(c: BadPackCase): { root: string; cleanup: () => void } {
  const base = mkdtempSync(path.join(tmpdir(), `impact-pack-bad-${c.name}-`));
  const root = path.join(base, 'pack');
  cpSync(c.root, root, { recursive: true });
  rmSync(path.join(root, 'expected.json'), { force: true });
  for (const step of c.setup) applyStep(root, step);
  return { root, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

function applyStep(root: string, step: SetupStep): void {
  const target = path.join(root, step.path);
  mkdirSync(path.dirname(target), { recursive: true });
  switch (step.op) {
    case 'repeat': {
      // Written in chunks so that a 50 MB file never exists as one string in the test process.
      const fd = openSync(target, 'w');
      try {
        writeSync(fd, step.head);
        const chunk = step.unit.repeat(Math.max(1, Math.floor((1024 * 1024) / step.unit.length)));
        if (step.count !== undefined) {
          for (let i = 0; i < step.count; i++) writeSync(fd, step.unit);
        } else {
          let written = step.head.length;
          while (written < (step.bytes ?? 0)) written += writeSync(fd, chunk);
        }
        if (step.tail) writeSync(fd, step.tail);
      } finally {
        closeSync(fd);
      }
      return;
    }
    case 'staircase': {
      const lines = [step.head.replace(/\n$/, '')];
      for (let i = 0; i < step.depth; i++) lines.push(`${' '.repeat(i)}k${i}:`);
      writeFileSync(target, `${lines.join('\n')}\n`);
      return;
    }
    case 'symlink':
      symlinkSync(step.target, target);
      return;
    case 'fifo':
      execFileSync('mkfifo', [target]);
      return;
  }
}
