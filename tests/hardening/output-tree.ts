import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file of an output folder with its content, by relative path; 'missing' when there is no folder. */
export type OutputTree = Record<string, string> | 'missing';

export function readOutputTree(dir: string): OutputTree {
  if (!existsSync(dir)) return 'missing';
  const tree: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const child = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, child)).isDirectory()) walk(child);
      else tree[child] = readFileSync(path.join(dir, child)).toString('base64');
    }
  };
  walk('');
  return tree;
}

/** Names a writer leaves beside the output folder while it works (staging, retired, lock files). */
export function leftoversBeside(outDir: string): string[] {
  const base = path.basename(outDir);
  return readdirSync(path.dirname(outDir))
    .filter((name) => name !== base && name.startsWith(`.${base}.`))
    .sort();
}
