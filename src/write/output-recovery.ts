import path from 'node:path';
import type { OutputFileSystem } from './output-fs';

/** Marks a folder as a complete output written by impact-pack; it is written last, after every document. */
export const OUTPUT_MARKER = '.impact-pack-output';

/** Names of the folders a build keeps beside the output folder while it works. */
export function stagingName(base: string, suffix: string): string {
  return `.${base}.staging-${suffix}`;
}

export function retiredName(base: string, suffix: string): string {
  return `.${base}.old-${suffix}`;
}

export interface Recovery {
  /** Set when the previous output was put back after a build died between its two renames. */
  restored?: string;
  /** Leftover staging and retired folders of interrupted builds, removed. */
  removed: string[];
}

/**
 * Puts things right after a build that died part-way (SIGKILL, power cut, full disk), before the next one
 * starts. A build replaces the output folder with two renames: output → retired, staging → output. Dying
 * between them leaves no output folder, the previous output under the retired name and the new one,
 * complete, under the staging name of the same build. That previous output is renamed back, so the state
 * is as if the killed build had never run. Every other leftover is only removed: a staging folder may be
 * incomplete, and a retired folder whose build finished its swap is an older output than the current one.
 * Must run under the output lock.
 */
export async function recoverInterruptedOutput(fs: OutputFileSystem, outDir: string): Promise<Recovery> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  const stagingPrefix = stagingName(base, '');
  const retiredPrefix = retiredName(base, '');
  const leftovers = (await fs.readdir(parent).catch(() => [] as string[]))
    .filter((name) => name.startsWith(stagingPrefix) || name.startsWith(retiredPrefix))
    .sort();
  const recovery: Recovery = { removed: [] };
  if ((await fs.kind(target)) === undefined) {
    for (const name of leftovers.filter((n) => n.startsWith(retiredPrefix))) {
      const suffix = name.slice(retiredPrefix.length);
      const interruptedSwap = leftovers.includes(stagingName(base, suffix));
      const complete = (await fs.kind(path.join(parent, name, OUTPUT_MARKER))) === 'file';
      if (interruptedSwap && complete) {
        await fs.rename(path.join(parent, name), target);
        await fs.syncFolder(parent);
        recovery.restored = name;
        break;
      }
    }
  }
  for (const name of leftovers) {
    if (name === recovery.restored) continue;
    await fs.rm(path.join(parent, name), { recursive: true, force: true });
    recovery.removed.push(name);
  }
  return recovery;
}
