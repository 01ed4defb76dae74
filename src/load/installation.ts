import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import { loadFontMetrics } from '../render/pdf/fonts';
import { compileTemplateSet, loadTemplateSet } from '../render/templates';

/**
 * Checks the files impact-pack ships and every build reads, before anything is rendered: the PDF fonts
 * (from the dejavu-fonts-ttf package) and the default templates. A missing or corrupt one is a damaged
 * installation, not a problem in the pack, and deserves a message that says so instead of a stack trace
 * halfway through the third document. The fonts are loaded through the PDF renderer's own loader, which
 * keeps them for the render, so the check costs nothing when all is well.
 */
export async function checkInstallation(formats: readonly string[]): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  if (formats.includes('pdf')) {
    try {
      await loadFontMetrics();
    } catch (error) {
      problems.push(damaged(`The PDF fonts shipped with impact-pack cannot be loaded: ${reason(error)}.`));
    }
  }
  let defaults;
  try {
    defaults = loadTemplateSet().value;
  } catch (error) {
    problems.push(damaged(`The default templates shipped with impact-pack cannot be read: ${reason(error)}.`));
  }
  if (defaults) {
    const compiled = compileTemplateSet(defaults);
    for (const d of compiled.diagnostics.filter((x) => x.severity === 'error')) {
      problems.push(damaged(`The default template ${d.file} shipped with impact-pack does not compile (line ${d.line}): ${d.message}.`));
    }
  }
  return problems;
}

function damaged(message: string): Diagnostic {
  return diagnostic('INSTALL_DAMAGED', message, { file: '' });
}

/** The error's first line, with the system's code when there is one (ENOENT, EACCES). */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // Not instanceof Error: errors may come from another realm (Node's fs under a test runner).
  const text = (error as { message?: unknown } | undefined)?.message;
  const message = typeof text === 'string' ? text.split('\n')[0] : String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message.replace(/\.$/, '');
}
