import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * Everything about a pack's files that a command could change: content hash, size, mode, modification
 * time and link targets, by pack-relative path. Comparing two fingerprints proves that a command left the
 * evidence alone. Named pipes are noted, never opened. `skip` names top-level entries that commands may
 * write by design (the output folder; the supporting-file hash cache, which is not evidence).
 */
export type Fingerprint = Record<string, string>;

export const NOT_EVIDENCE = ['.impact-pack-cache', 'out'];

export function fingerprintPack(root: string, skip: readonly string[] = NOT_EVIDENCE): Fingerprint {
  const prints: Fingerprint = {};
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(root, rel)).sort()) {
      const child = rel ? `${rel}/${entry}` : entry;
      if (!rel && skip.includes(entry)) continue;
      const absolute = path.join(root, child);
      const info = lstatSync(absolute);
      if (info.isSymbolicLink()) prints[child] = `link -> ${readlinkSync(absolute)}`;
      else if (info.isDirectory()) {
        prints[child] = `folder ${info.mode.toString(8)}`;
        walk(child);
      } else if (info.isFile()) {
        const hash = createHash('sha256').update(readFileSync(absolute)).digest('hex');
        prints[child] = `file ${hash} ${info.size} ${info.mode.toString(8)} ${info.mtimeMs}`;
      } else prints[child] = `special ${info.mode.toString(8)}`;
    }
  };
  walk('');
  return prints;
}
