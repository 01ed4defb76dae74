import type { Diagnostic } from './diagnostic';
import { guardLineStarts, printable } from './escape-terminal';
import { countBySeverity } from './make';

export interface HumanFormatOptions {
  colour: boolean;
}

type Style = 'red' | 'yellow' | 'cyan' | 'dim' | 'bold' | 'underline';

const ANSI: Record<Style, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  dim: [2, 22],
  bold: [1, 22],
  underline: [4, 24],
};

/**
 * ESLint's "stylish" layout: diagnostics grouped under their file, one line each with position, severity,
 * message and code, the hint underneath, and a count at the end. Everything that can come from a pack
 * (file names, messages quoting it) is written through `printable`, and no line can start a workflow command.
 */
export function formatHuman(diagnostics: Diagnostic[], options: HumanFormatOptions): string {
  const paint = (style: Style, text: string) => (options.colour ? `\u001b[${ANSI[style][0]}m${text}\u001b[${ANSI[style][1]}m` : text);
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = groups.get(d.file) ?? [];
    list.push(d);
    groups.set(d.file, list);
  }
  const lines: string[] = [];
  for (const [file, list] of groups) {
    lines.push(paint('underline', file === '' ? '(pack)' : printable(file)));
    for (const d of list) {
      // A spreadsheet problem is placed by sheet and cell (SDG6!F12), a text file's by line and column.
      const pos = d.cell ?? (d.line > 0 ? `${d.line}:${d.column}` : '');
      const sev = d.severity === 'error' ? paint('red', 'error') : d.severity === 'warning' ? paint('yellow', 'warning') : paint('cyan', 'info');
      lines.push(`  ${paint('dim', pos.padEnd(7))} ${sev.padEnd(options.colour ? 7 + 10 : 7)}  ${printable(d.message)}  ${paint('dim', printable(d.code))}`);
      if (d.hint) lines.push(`  ${' '.repeat(7)} ${paint('dim', `hint: ${printable(d.hint)}`)}`);
    }
    lines.push('');
  }
  const c = countBySeverity(diagnostics);
  const summary = `${c.error} error(s), ${c.warning} warning(s), ${c.info} note(s)`;
  lines.push(c.error > 0 ? paint('red', paint('bold', `✖ ${summary}`)) : c.warning > 0 ? paint('yellow', `⚠ ${summary}`) : `✔ ${summary}`);
  return guardLineStarts(`${lines.join('\n')}\n`);
}
