import type { Diagnostic } from './diagnostic';
import { countBySeverity } from './make';

/** Machine-readable diagnostics: a versioned envelope so that scripts can rely on the shape. */
export function formatJson(diagnostics: Diagnostic[]): string {
  const c = countBySeverity(diagnostics);
  return `${JSON.stringify({ version: 1, errors: c.error, warnings: c.warning, infos: c.info, diagnostics }, null, 2)}\n`;
}
