import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE } from '../config/resolve';
import { UsageError, type CliIo } from './io';

/**
 * The pack folder from the first positional argument (default: the current folder), found as ESLint,
 * Prettier, tsc and markdownlint-cli2 find their config: when the folder holds no impact-pack.yaml, the
 * nearest folder above it that does is the pack, so `cd my-pack/items && impact-pack validate` checks
 * my-pack. When no folder up to the root holds one, the folder itself is returned, and loading it reports
 * CONFIG_MISSING. A path that is not a folder is a usage error.
 */
export async function packFolder(io: CliIo, given: string | undefined): Promise<string> {
  const dir = path.resolve(io.cwd, given ?? '.');
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`${given ?? dir} is not a folder; give the path of a pack (the folder holding impact-pack.yaml).`);
  return (await findPackRoot(dir)) ?? dir;
}

/** The nearest folder from `start` upwards that holds impact-pack.yaml, or undefined. */
export async function findPackRoot(start: string): Promise<string | undefined> {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const config = await stat(path.join(dir, CONFIG_FILE)).catch(() => undefined);
    if (config?.isFile()) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
