import type { Diagnostic } from './diagnostic';
import { codeDocsPath, codeHelpUri } from './docs';
import { jsonText } from './escape-json';
import { countBySeverity } from './make';

/**
 * Machine-readable diagnostics: a versioned envelope so that scripts can rely on the shape. Each diagnostic
 * also carries where its code is documented: `docs` (docs/diagnostics.md#anchor, in the package) and
 * `helpUri` (an absolute link to the same section).
 */
export function formatJson(diagnostics: Diagnostic[]): string {
  const c = countBySeverity(diagnostics);
  const uris = new Map<string, string>();
  const documented = diagnostics.map((d) => {
    if (!uris.has(d.code)) uris.set(d.code, codeHelpUri(d.code));
    return { ...d, docs: codeDocsPath(d.code), helpUri: uris.get(d.code) };
  });
  return `${jsonText({ version: 1, errors: c.error, warnings: c.warning, infos: c.info, diagnostics: documented })}\n`;
}
