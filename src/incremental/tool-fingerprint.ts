import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from './digest';
import { statTree } from './stat-walk';

/** The package root: two levels up from src/incremental (ts-jest) or dist/incremental. */
const PACKAGE_ROOT = path.resolve(__dirname, '../..');
/** The compiled (or, under ts-jest, source) code: one level up from this file's folder. */
const CODE_ROOT = path.resolve(__dirname, '..');

let memo: string | undefined;

/**
 * Identifies this installation of impact-pack: its code, criteria catalogues, built-in templates and the
 * exact dependency versions in package.json. Saved results carry it, so that results a different version
 * (or a developer's edited copy) produced are never reused. Computed once per process.
 */
export function toolFingerprint(): string {
  if (memo === undefined) {
    const parts = [
      readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'),
      statTree(CODE_ROOT).digest,
      statTree(path.join(PACKAGE_ROOT, 'criteria')).digest,
      statTree(path.join(PACKAGE_ROOT, 'templates')).digest,
    ];
    memo = sha256(parts.join('\n'));
  }
  return memo;
}
