/**
 * Runs real PDF clients (poppler's pdftotext, pdfinfo and pdffonts; qpdf) on rendered bytes, so tests check
 * what users' tools see rather than what our own code believes it wrote. A missing tool fails
 * the test with instructions; it is never a reason to skip.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type PdfTool = 'pdftotext' | 'pdfinfo' | 'pdffonts' | 'qpdf';

const DEBIAN_PACKAGE: Record<PdfTool, string> = {
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdffonts: 'poppler-utils',
  qpdf: 'qpdf',
};
const VERSION_FLAG: Record<PdfTool, string> = { pdftotext: '-v', pdfinfo: '-v', pdffonts: '-v', qpdf: '--version' };

/** Throws a clear error when the tool is not on PATH. */
export function requireTool(tool: PdfTool): void {
  const probe = spawnSync(tool, [VERSION_FLAG[tool]], { encoding: 'utf8' });
  if (probe.error) {
    const pkg = DEBIAN_PACKAGE[tool];
    throw new Error(
      `${tool} is not installed (${probe.error.message}). The PDF tests check the output with real clients: ` +
        `install the Debian package ${pkg} (apt-get install -y ${pkg}) locally and in CI.`,
    );
  }
}

/** Writes the bytes to a temporary file for the duration of fn. */
export function withPdfFile<T>(bytes: Uint8Array, fn: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'impact-pack-pdf-'));
  const path = join(dir, 'document.pdf');
  try {
    writeFileSync(path, bytes);
    return fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ToolRun {
  status: number;
  stdout: string;
  stderr: string;
}

function run(tool: PdfTool, args: string[]): ToolRun {
  requireTool(tool);
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export interface PdfToTextOptions {
  /** pdftotext -layout: keep the physical layout (columns, indentation). */
  layout?: boolean;
  firstPage?: number;
  lastPage?: number;
}

/** Text as pdftotext extracts it (UTF-8); pages are separated by form feeds. */
export function pdfToText(bytes: Uint8Array, options: PdfToTextOptions = {}): string {
  return withPdfFile(bytes, (path) => {
    const args = ['-enc', 'UTF-8'];
    if (options.layout) args.push('-layout');
    if (options.firstPage !== undefined) args.push('-f', String(options.firstPage));
    if (options.lastPage !== undefined) args.push('-l', String(options.lastPage));
    const result = run('pdftotext', [...args, path, '-']);
    if (result.status !== 0) throw new Error(`pdftotext failed (${result.status}): ${result.stderr}`);
    return result.stdout;
  });
}

/** qpdf --check: exit status 0 means no structural or stream errors, 3 means warnings. */
export function qpdfCheck(bytes: Uint8Array): ToolRun {
  return withPdfFile(bytes, (path) => run('qpdf', ['--check', path]));
}

/** pdfinfo's "Key: value" lines as an object. */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  return withPdfFile(bytes, (path) => {
    const result = run('pdfinfo', ['-enc', 'UTF-8', path]);
    if (result.status !== 0) throw new Error(`pdfinfo failed (${result.status}): ${result.stderr}`);
    const info: Record<string, string> = {};
    for (const line of result.stdout.split('\n')) {
      const match = /^([^:]+):\s*(.*)$/.exec(line);
      if (match) info[match[1].trim()] = match[2].trim();
    }
    return info;
  });
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicodeMap: boolean;
}

/** pdffonts' table: one row per font resource. */
export function pdfFonts(bytes: Uint8Array): FontRow[] {
  return withPdfFile(bytes, (path) => {
    const result = run('pdffonts', [path]);
    if (result.status !== 0) throw new Error(`pdffonts failed (${result.status}): ${result.stderr}`);
    return result.stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        // Columns: name, type (may contain spaces), encoding, emb, sub, uni, object number, generation.
        const match = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
        if (!match) throw new Error(`Unexpected pdffonts line: ${line}`);
        return {
          name: match[1],
          type: match[2],
          embedded: match[4] === 'yes',
          subset: match[5] === 'yes',
          unicodeMap: match[6] === 'yes',
        };
      });
  });
}
