/**
 * The poppler and qpdf commands the render tests read our output with, beyond tests/helpers/pdf-tools:
 * pdfdetach (attachments), pdfimages (embedded images), pdftoppm (pages as pictures) and qpdf --encrypt
 * (to make an encrypted input). A missing tool fails the test with the package to install; it never skips.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function run(tool: string, args: string[], cwd?: string): string {
  const result = spawnSync(tool, args, { encoding: 'utf8', cwd, maxBuffer: 256 * 1024 * 1024 });
  if (result.error) {
    const pkg = tool === 'qpdf' ? 'qpdf' : 'poppler-utils';
    throw new Error(`${tool} could not be run (${result.error.message}); install the Debian package ${pkg} (apt-get install -y ${pkg}).`);
  }
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** Runs fn with the bytes written to a temporary PDF file; the folder is removed afterwards. */
function withFile<T>(bytes: Uint8Array, fn: (file: string, folder: string) => T): T {
  const folder = mkdtempSync(path.join(tmpdir(), 'impact-pack-render-'));
  try {
    const file = path.join(folder, 'document.pdf');
    writeFileSync(file, bytes);
    return fn(file, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The attachments pdfdetach finds: name → bytes, in the order it lists them. */
export function detachAll(bytes: Uint8Array): { names: string[]; files: Map<string, Buffer> } {
  return withFile(bytes, (file, folder) => {
    const listing = run('pdfdetach', ['-enc', 'UTF-8', '-list', file]);
    const names = listing
      .split('\n')
      .slice(1)
      .map((line) => /^\d+: (.*)$/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined);
    const files = new Map<string, Buffer>();
    names.forEach((name, index) => {
      const out = path.join(folder, `attachment-${index + 1}`);
      run('pdfdetach', ['-save', String(index + 1), '-o', out, file]);
      files.set(name, readFileSync(out));
    });
    return { names, files };
  });
}

export interface ImageRow {
  page: number;
  width: number;
  height: number;
  colour: string;
}

/** pdfimages -list: one row per image drawn. */
export function listImages(bytes: Uint8Array): ImageRow[] {
  return withFile(bytes, (file) =>
    run('pdfimages', ['-list', file])
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const [page, , type, width, height, colour] = line.trim().split(/\s+/);
        if (type !== 'image' && type !== 'smask') throw new Error(`Unexpected pdfimages line: ${line}`);
        return { page: Number(page), width: Number(width), height: Number(height), colour: type === 'smask' ? 'smask' : colour };
      }),
  );
}

/** Pages first…last rendered by pdftoppm as greyscale PNGs at the given resolution, in page order. */
export function renderPages(bytes: Uint8Array, first: number, last: number, dpi: number): Buffer[] {
  return withFile(bytes, (file, folder) => {
    run('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-f', String(first), '-l', String(last), file, path.join(folder, 'page')]);
    return readdirSync(folder)
      .filter((name) => name.startsWith('page') && name.endsWith('.png'))
      .sort()
      .map((name) => readFileSync(path.join(folder, name)));
  });
}

/** The same PDF, encrypted with an owner password (and an empty user password), as a restricted PDF often is. */
export function encryptPdf(bytes: Uint8Array): Uint8Array {
  return withFile(bytes, (file, folder) => {
    const out = path.join(folder, 'encrypted.pdf');
    run('qpdf', ['--encrypt', '', 'owner-secret', '256', '--', file, out]);
    return new Uint8Array(readFileSync(out));
  });
}
