import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from './digest';
import { folderDigest } from './folder-digest';

/** The package root: two levels up from src/incremental (ts-jest) or dist/incremental. */
const PACKAGE_ROOT = path.resolve(__dirname, '../..');
/** The compiled (or, under ts-jest, source) code: one level up from this file's folder. */
const CODE_ROOT = path.resolve(__dirname, '..');

let memo: string | undefined;

/**
 * Identifies this installation of impact-pack by content: its code, criteria catalogues, built-in
 * templates and the exact dependency versions in package.json. Saved results carry it, so that results
 * of another version (or of a developer's edited copy) are never reused, while recompiling the same code
 * changes nothing. Computed once per process.
 */
export function toolFingerprint(): string {
  if (memo === undefined) {
    const parts = [
      readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'),
      // Type declarations (dist/**/*.d.ts) change nothing at run time.
      folderDigest(CODE_ROOT, (name) => !name.endsWith('.d.ts')),
      folderDigest(path.join(PACKAGE_ROOT, 'criteria')),
      folderDigest(path.join(PACKAGE_ROOT, 'templates')),
    ];
    memo = sha256(parts.join('\n'));
  }
  return memo;
}
