import { mkdtempSync, mkdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Creates a throw-away folder from inline files (as changesets' testdir does) and removes it after the test. */
export function tempDir(files: Record<string, string | Uint8Array> = {}): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'impact-pack-test-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A copy of a folder (for instance the example pack) that a test may change freely. */
export function copyToTemp(source: string): { root: string; cleanup: () => void } {
  const t = tempDir();
  cpSync(source, t.root, { recursive: true });
  return t;
}

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const EXAMPLE_PACK = path.join(REPO_ROOT, 'evidence');

/** A fixed environment and clock so that results never depend on the day the tests run. */
export const FIXED = { env: {} as Record<string, string | undefined>, now: new Date('2021-11-01T12:00:00Z') };

export const MINIMAL_CONFIG = `institution:
  name: Test University
edition: "2022"
data_year: 2020
submit: [17, 4, 7, 12]
build_date: "2021-11-01"
sources:
  report:
    title: Test report
    year: 2020
`;
