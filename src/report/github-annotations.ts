import type { Diagnostic, Severity } from '../diagnostics/diagnostic';
import { printable } from '../diagnostics/escape-terminal';
import { sortDiagnostics } from '../diagnostics/make';
import { repoPath, uniqueFindings } from './finding-paths';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub workflow commands (`::warning file=…,line=…,col=…,title=…::message`), one per finding, which the
 * Actions runner turns into annotations on the evidence files in the run and in pull requests.
 */
export function gapReportGithub(diagnostics: Diagnostic[], options: { pathPrefix: string }): string {
  const lines = sortDiagnostics(uniqueFindings(diagnostics)).map((d) => {
    const props: string[] = [];
    if (d.file !== '') {
      props.push(`file=${escapeProperty(repoPath(d.file, options.pathPrefix))}`);
      if (d.line > 0) {
        props.push(`line=${d.line}`, `col=${Math.max(1, d.column)}`);
        if (d.endLine !== undefined && d.endLine >= d.line) props.push(`endLine=${d.endLine}`);
        if (d.endColumn !== undefined && d.endLine === d.line && d.endColumn >= d.column) props.push(`endColumn=${d.endColumn}`);
      }
    }
    props.push(`title=${escapeProperty(d.code)}`);
    return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * The runner's escaping for the message part of a workflow command; other control characters (ESC, C1,
 * bidi controls), which the runner would pass to the log as they are, are written as visible escapes.
 */
export function escapeData(text: string): string {
  return printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** The runner's escaping for a property value (also ':' and ',', which separate properties). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
