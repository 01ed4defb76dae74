import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { baselineText, type Baseline } from '../analyse/baseline';
import type { LoadedPack } from '../pipeline/load-pack';

/** The baseline would land in the evidence; the command turns this into a usage error. */
export class BaselineWriteRefused extends Error {}

/**
 * Records a baseline where the user asked for it, never inside the pack's items, files or templates (the
 * evidence), and atomically: a temporary file beside the target is renamed over it, so a reader never
 * sees half a baseline.
 */
export async function writeBaselineFile(file: string, baseline: Baseline, pack: Pick<LoadedPack, 'root' | 'settings'>): Promise<void> {
  const target = path.resolve(file);
  const { folders } = pack.settings.config;
  for (const f of [folders.items, folders.files, folders.templates]) {
    const dir = path.resolve(pack.root, f);
    if (target === dir || target.startsWith(dir + path.sep)) {
      throw new BaselineWriteRefused(`The baseline ${file} would be written into the pack's ${f} folder; keep it beside impact-pack.yaml instead.`);
    }
  }
  await mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(temp, baselineText(baseline), { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
