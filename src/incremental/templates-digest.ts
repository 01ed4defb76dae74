import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from './digest';

/**
 * Digest of a pack's own templates folder, by content: editing a template re-renders every document.
 * The built-in templates are part of toolFingerprint(). A missing folder has a digest too (the pack uses
 * the defaults), and an unreadable entry is described rather than skipped.
 */
export function templatesDigest(folder: string): string {
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
      else {
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
