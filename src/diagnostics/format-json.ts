import type { Diagnostic } from './diagnostic';
import { jsonText } from './escape-json';
import { countBySeverity } from './make';

/** Machine-readable diagnostics: a versioned envelope so that scripts can rely on the shape. */
export function formatJson(diagnostics: Diagnostic[]): string {
  const c = countBySeverity(diagnostics);
  return `${jsonText({ version: 1, errors: c.error, warnings: c.warning, infos: c.info, diagnostics })}\n`;
}
