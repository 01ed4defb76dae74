import type { Grid, GridCell } from './grid';
import { cellText, columnLetter, normaliseLabel, type Cell } from './layout';

/** Reading what a department typed into a cell: yes and no, numbers, evidence, and where a cell is. */

/** A cell's name as a spreadsheet writes it: SDG6!F12, or F12 in a CSV file (no sheet). */
export function address(grid: Grid, r: number, c: number): string {
  return `${grid.sheet === undefined ? '' : `${quoteSheet(grid.sheet)}!`}${columnLetter(c)}${r}`;
}

/** Excel quotes a sheet name with spaces or punctuation in a reference: 'Water data'!B3. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A cell's content as text, whatever its type; undefined when empty. */
export function textOf(cell: Cell | GridCell | undefined): string | undefined {
  if (!cell) return undefined;
  const value = 'kind' in cell ? cell : cell.value;
  return value ? cellText(value) : undefined;
}

/** A number cell, or text that is a plain number (digits, a dot, an optional % sign); never "12 390,5". */
export function numberOf(cell: Cell): number | undefined {
  if (cell.kind === 'number' || cell.kind === 'percent') return cell.value;
  if (cell.kind !== 'text') return undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*%?\s*$/.exec(cell.text);
  return m ? Number(m[1]) : undefined;
}

/** A web address, or a path inside the pack; anything else (javascript:, /etc/passwd, ../) is refused. */
export function parseEvidence(t: string): { url: string } | { file: string } | { problem: string } {
  if (/^https?:\/\//i.test(t)) {
    try {
      const u = new URL(t);
      if (/\s/.test(t) || !u.hostname) throw new Error('no host');
      return { url: t };
    } catch {
      return { problem: `"${t}" is not a valid web address.` };
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(t)) return { problem: `"${t.slice(0, 80)}" is neither an http(s) address nor a file path.` };
  if (t.includes('\\')) return { problem: `"${t}" uses backslashes; write the path with forward slashes (files/sdg-06/policy.pdf).` };
  if (t.startsWith('/') || t.startsWith('~')) return { problem: `"${t}" is an absolute path; give the path relative to the pack folder.` };
  if (t.split('/').some((s) => s === '..')) return { problem: `"${t}" leaves the pack folder; supporting files are inside the pack.` };
  if (/[\u0000-\u001f\u007f]/.test(t)) return { problem: 'The file path holds a control character.' };
  return { file: t.replace(/^\.\//, '') };
}

export function isYes(t: string): boolean {
  return ['yes', 'y', 'true'].includes(normaliseLabel(t));
}

export function isNo(t: string): boolean {
  return ['no', 'n', 'false'].includes(normaliseLabel(t));
}
