import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError, type CliIo } from './io';

/** The pack folder from the first positional argument (default: the current folder); a typo is a usage error. */
export async function packFolder(io: CliIo, given: string | undefined): Promise<string> {
  const dir = path.resolve(io.cwd, given ?? '.');
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`${given ?? dir} is not a folder; give the path of a pack (the folder holding impact-pack.yaml).`);
  return dir;
}
