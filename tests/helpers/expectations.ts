import fg from 'fast-glob';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';

/**
 * Fixture packs carry their expectations inline, on the offending line, in the manner of markdownlint's
 * test files:   metric: 7.2   # expect: METRIC_NOT_STRING@9 METRIC_UNKNOWN@9
 * Each marker is CODE@COLUMN; the line is the marker's own line. `# expect-file: CODE` expects a
 * diagnostic at line 0 of that file.
 */
export interface Expected {
  file: string;
  line: number;
  column: number;
  code: string;
}

export function expectedDiagnostics(packRoot: string): Expected[] {
  const files = fg.sync(['**/*.yaml', '**/*.yml'], { cwd: packRoot, dot: false }).sort();
  const out: Expected[] = [];
  for (const file of files) {
    const lines = readFileSync(path.join(packRoot, file), 'utf8').split('\n');
    lines.forEach((text, i) => {
      const m = /# expect: (.+)$/.exec(text);
      if (m) {
        for (const marker of m[1].trim().split(/\s+/)) {
          const [code, column] = marker.split('@');
          out.push({ file, line: i + 1, column: Number(column), code });
        }
      }
      const f = /# expect-file: (.+)$/.exec(text);
      if (f) for (const code of f[1].trim().split(/\s+/)) out.push({ file, line: 0, column: 0, code });
    });
  }
  return sortExpected(out);
}

export function actualOf(diagnostics: Diagnostic[]): Expected[] {
  return sortExpected(diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, code: d.code })));
}

function sortExpected(list: Expected[]): Expected[] {
  return [...list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : 1)));
}

export function asLines(list: Expected[]): string[] {
  return list.map((e) => `${e.file}:${e.line}:${e.column} ${e.code}`);
}
