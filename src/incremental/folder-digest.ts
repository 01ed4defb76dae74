import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from './digest';

/**
 * Digest of a folder's files by content (paths and bytes), for inputs where a new modification time
 * with the same bytes must not count as a change: a pack's templates, and impact-pack's own code, which
 * every `tsc` run rewrites unchanged. A missing folder has a digest too, and an unreadable entry is
 * described rather than skipped. `include` picks files by name (all by default).
 */
export function folderDigest(folder: string, include: (name: string) => boolean = () => true): string {
  const lines: string[] = [];
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(folder, rel), { withFileTypes: true });
    } catch (error) {
      lines.push(`${rel}\0${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
      return;
    }
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (include(entry.name)) {
        let content: string;
        try {
          content = sha256(readFileSync(path.join(folder, child)));
        } catch (error) {
          content = (error as NodeJS.ErrnoException).code ?? 'unreadable';
        }
        lines.push(`${child}\0${content}`);
      }
    }
  };
  walk('');
  return sha256(lines.sort().join('\n'));
}
