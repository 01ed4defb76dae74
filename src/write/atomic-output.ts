import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Marks a folder as written by impact-pack, so a build never replaces a folder it did not create. */
export const OUTPUT_MARKER = '.impact-pack-output';

export class OutputRefused extends Error {}

/**
 * Writes a complete output folder or nothing: the files go to a staging folder beside the target,
 * which then replaces the target with two renames. A build that fails or is killed leaves the previous
 * output whole (at worst a stale staging folder, removed by the next build).
 */
export async function writeOutputAtomically(outDir: string, files: Map<string, Uint8Array | string>): Promise<string[]> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  await assertReplaceable(target);
  await mkdir(parent, { recursive: true });
  await removeStale(parent, base);
  // The suffix is random only to avoid clashing with a concurrent build; it never reaches the output.
  const suffix = randomBytes(4).toString('hex');
  const staging = path.join(parent, `.${base}.staging-${suffix}`);
  const retired = path.join(parent, `.${base}.old-${suffix}`);
  const written: string[] = [];
  try {
    await mkdir(staging);
    await writeFile(path.join(staging, OUTPUT_MARKER), 'Written by impact-pack; the whole folder is replaced on each build.\n');
    for (const name of [...files.keys()].sort()) {
      const dest = path.join(staging, name);
      await mkdir(path.dirname(dest), { recursive: true });
      await writeFile(dest, files.get(name)!);
      written.push(name);
    }
    const exists = await stat(target).then(() => true, () => false);
    if (exists) await rename(target, retired);
    await rename(staging, target);
    if (exists) await rm(retired, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return written;
}

/** Refuses to replace a non-empty folder that impact-pack did not write (say `--out ~/Documents`). */
async function assertReplaceable(target: string): Promise<void> {
  const entries = await readdir(target).catch(() => undefined);
  if (entries === undefined || entries.length === 0) return;
  if (!entries.includes(OUTPUT_MARKER)) {
    throw new OutputRefused(
      `${target} already holds files that impact-pack did not write; choose an empty or new folder with --out, or delete it first.`,
    );
  }
}

async function removeStale(parent: string, base: string): Promise<void> {
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const e of entries) {
    if (e.startsWith(`.${base}.staging-`) || e.startsWith(`.${base}.old-`)) {
      await rm(path.join(parent, e), { recursive: true, force: true });
    }
  }
}
