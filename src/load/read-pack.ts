import fg from 'fast-glob';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { compareText, diagnostic } from '../diagnostics/make';

export interface TextFile {
  /** Pack-relative POSIX path. */
  file: string;
  text: string;
}

/** Reads a file as UTF-8; undefined when it does not exist. Invalid UTF-8 is reported, not guessed. */
export async function readTextFile(root: string, file: string): Promise<{ text?: string; diagnostic?: Diagnostic }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(root, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    return { diagnostic: diagnostic('FILE_UNREADABLE', `${file} cannot be read (${code ?? 'unknown error'}).`, { file }) };
  }
  if (bytes.includes(0)) {
    return { diagnostic: diagnostic('FILE_UNREADABLE', `${file} is a binary file, not YAML text.`, { file, line: 1, column: 1 }) };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      diagnostic: diagnostic('FILE_UNREADABLE', `${file} is not valid UTF-8 text (it may be saved as Latin-1 or Windows-1252).`, { file, ...at }, {
        hint: 'Save the file as UTF-8 in your editor (in Word or Excel exports choose "UTF-8").',
      }),
    };
  }
}

function firstInvalidUtf8(bytes: Buffer): { line: number; column: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the longest valid prefix; cut points inside a character are simply invalid.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, lo));
  const lines = prefix.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Every .yaml/.yml file under the items folder, in a fixed order. */
export async function discoverItemFiles(root: string, itemsFolder: string): Promise<string[]> {
  const found = await fg.glob(['**/*.yaml', '**/*.yml'], {
    cwd: path.join(root, itemsFolder),
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: false,
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
  return found.map((f) => path.posix.join(itemsFolder, f)).sort(compareText);
}
