import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The DOCX tests open the documents in a real word processor: LibreOffice converts them to PDF headlessly. It must
 * be installed (Debian: libreoffice-writer-nogui, which .ci/run installs); without it the tests fail and say so,
 * rather than skip: a check of a real client that silently skips proves nothing.
 */
export function requireLibreOffice(): void {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `LibreOffice (soffice) cannot be run (${probe.error?.message ?? probe.stderr}). The DOCX tests open the documents in it: ` +
        'install the Debian package libreoffice-writer-nogui (apt-get install -y libreoffice-writer-nogui).',
    );
  }
}

/** Converts a DOCX in workDir to PDF there, as LibreOffice lays it out, and returns the PDF's path. */
export function convertWithLibreOffice(docxPath: string, workDir: string): string {
  // A fresh profile per run: a profile left by another soffice (or a crashed one) blocks or slows conversion.
  const profile = pathToFileURL(join(workDir, 'profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', workDir, docxPath], { stdio: 'pipe', timeout: 170_000 });
  return docxPath.replace(/\.docx$/, '.pdf');
}
