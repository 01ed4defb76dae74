import { constants } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import { decodeYamlBytes } from './decode-text';
import { followLink } from './link-target';

/**
 * The largest YAML file read. Evidence items in the example pack are under 8 KB and the pack config under
 * 4 KB; 512 KB leaves room for the longest narrative while keeping the parse of a hostile file short
 * (a 50 MB file is refused from its size alone, without reading it).
 */
export const MAX_YAML_FILE_BYTES = 512 * 1024;

export interface ReadOptions {
  maxBytes?: number;
}

/**
 * Reads a pack file as UTF-8 text; `{}` when it does not exist. Everything else that can be wrong with the
 * file is one diagnostic: a link that loops, dangles or leaves the pack (never followed), a folder, pipe or
 * device under a .yaml name (never opened, so a named pipe cannot hang the run), a file over the size limit
 * (never read), binary data, UTF-16, or bytes that are not UTF-8.
 */
export async function readTextFile(root: string, file: string, options: ReadOptions = {}): Promise<{ text?: string; diagnostic?: Diagnostic }> {
  const maxBytes = options.maxBytes ?? MAX_YAML_FILE_BYTES;
  const absolute = path.join(root, file);
  const unreadable = (message: string, hint?: string) => ({ diagnostic: diagnostic('FILE_UNREADABLE', message, { file }, hint ? { hint } : {}) });

  const linkInfo = await settle(lstat(absolute));
  if ('error' in linkInfo) {
    if (linkInfo.error.code === 'ENOENT' || linkInfo.error.code === 'ENOTDIR') return {};
    return unreadable(`${file} cannot be read (${errorText(linkInfo.error)}).`);
  }
  const entry = linkInfo.value;
  if (entry.isSymbolicLink()) {
    const rootReal = await realpath(root).catch(() => path.resolve(root));
    const target = await followLink(rootReal, absolute);
    switch (target.kind) {
      case 'loop':
        return { diagnostic: diagnostic('FILE_LINK_LOOP', `${file} is a symbolic link that loops back on itself; it was not read.`, { file }) };
      case 'dangling':
        return unreadable(`${file} is a symbolic link to "${target.target}", which does not exist.`, 'Point the link at an existing file inside the pack, or delete it.');
      case 'outside':
        return {
          diagnostic: diagnostic('FILE_OUTSIDE_PACK', `${file} is a symbolic link to a file outside the pack; it was not read.`, { file }, {
            hint: 'Copy the file into the pack instead of linking to it: impact-pack reads nothing outside the pack folder.',
          }),
        };
      case 'unreadable':
        return unreadable(`${file} is a symbolic link that cannot be followed (${target.code}).`);
      case 'folder-inside':
      case 'file-inside':
        break;
    }
  }
  const targetInfo = await settle(stat(absolute));
  if ('error' in targetInfo) return unreadable(`${file} cannot be read (${errorText(targetInfo.error)}).`);
  const info = targetInfo.value;
  if (info.isDirectory()) return unreadable(`${file} is a folder, not a file.`);
  if (!info.isFile()) return unreadable(`${file} is not a regular file (a named pipe, device or socket); it was not opened.`);
  if (info.size > maxBytes) return tooLarge(file, info.size, maxBytes);

  let bytes: Buffer;
  try {
    bytes = await readAtMost(absolute, maxBytes + 1);
  } catch (error) {
    return unreadable(`${file} cannot be read (${errorText(error as NodeJS.ErrnoException)}).`);
  }
  // The file may have grown between the size check and the read.
  if (bytes.length > maxBytes) return tooLarge(file, bytes.length, maxBytes, true);

  const decoded = decodeYamlBytes(bytes);
  if ('text' in decoded) return { text: decoded.text };
  const { code, message, line, column } = decoded.problem;
  return { diagnostic: diagnostic(code, `${file} ${message}`, { file, line, column }) };
}

/**
 * A settled promise as a value. Errors are told apart by their `code`, never with instanceof: errors from
 * Node's fs come from another realm under some test runners and embedders, where instanceof Error fails.
 */
async function settle<T>(promise: Promise<T>): Promise<{ value: T } | { error: NodeJS.ErrnoException }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  }
}

function errorText(error: NodeJS.ErrnoException): string {
  return error.code ?? error.message ?? String(error);
}

function tooLarge(file: string, size: number, maxBytes: number, atLeast = false): { diagnostic: Diagnostic } {
  const shown = `${atLeast ? 'more than ' : ''}${formatSize(size)}`;
  return { diagnostic: diagnostic('YAML_FILE_TOO_LARGE', `${file} is ${shown}; YAML files are read up to ${formatSize(maxBytes)}, so it was not read.`, { file }) };
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * Reads at most `limit` bytes. O_NONBLOCK makes opening a named pipe that replaced the file since the
 * check return at once instead of waiting for a writer; the file is then refused as not regular.
 */
async function readAtMost(file: string, limit: number): Promise<Buffer> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EINVAL' });
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, limit - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}
