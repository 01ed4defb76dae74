import fg from 'fast-glob';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic';
import { compareText, diagnostic } from '../diagnostics/make';
import { followLink, isInside } from './link-target';

const YAML_NAME = /\.ya?ml$/i;

/**
 * Every evidence file under the items folder, in a fixed order, and what was found but not read. Links are
 * never followed into folders (so a link loop cannot make the walk endless), but nothing is skipped
 * silently: a link to an item file inside the pack is read, and every other link is reported.
 */
export async function discoverItemFiles(root: string, itemsFolder: string): Promise<StageResult<string[]>> {
  const diagnostics: Diagnostic[] = [];
  const rootReal = await realpath(root).catch(() => path.resolve(root));
  const folder = path.resolve(root, itemsFolder);
  const folderReal = await realpath(folder).catch((error: NodeJS.ErrnoException) => error.code ?? 'unknown error');
  if (folderReal === 'ENOENT') return { value: [], diagnostics };
  if (!path.isAbsolute(folderReal)) {
    // The folder is there but cannot be resolved: a link that loops, or no permission to look.
    const loop = folderReal === 'ELOOP';
    const message = loop ? `The items folder "${itemsFolder}" is a symbolic link that loops; no item was read.` : `The items folder "${itemsFolder}" cannot be opened (${folderReal}); no item was read.`;
    diagnostics.push(diagnostic(loop ? 'FILE_LINK_LOOP' : 'FILE_UNREADABLE', message, { file: itemsFolder }));
    return { value: [], diagnostics };
  }
  if (!isInside(folderReal, rootReal)) {
    const message = `The items folder "${itemsFolder}" lies outside the pack; no item was read from it.`;
    diagnostics.push(diagnostic('FILE_OUTSIDE_PACK', message, { file: itemsFolder }, { hint: 'Keep the items folder inside the pack; impact-pack reads nothing outside the pack folder.' }));
    return { value: [], diagnostics };
  }
  if (!(await stat(folderReal).catch(() => undefined))?.isDirectory()) return { value: [], diagnostics };

  const options = { cwd: folder, onlyFiles: false, dot: false, followSymbolicLinks: false, objectMode: true as const, ignore: ['**/node_modules/**', '**/.git/**'] };
  let entries: fg.Entry[];
  try {
    entries = await fg.glob('**', options);
  } catch (error) {
    // A sub-folder that cannot be read: say so, then take every item that can be.
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    const where = (error as NodeJS.ErrnoException).path ?? folder;
    const shown = path.relative(path.resolve(root), where).split(path.sep).join('/') || itemsFolder;
    diagnostics.push(diagnostic('FILE_UNREADABLE', `${shown} cannot be listed (${code}); the items in it were not read.`, { file: shown }));
    entries = await fg.glob('**', { ...options, suppressErrors: true });
  }
  const files: string[] = [];
  for (const entry of [...entries].sort((a, b) => compareText(a.path, b.path))) {
    const rel = path.posix.join(itemsFolder, entry.path);
    if (entry.dirent.isDirectory()) continue;
    if (!entry.dirent.isSymbolicLink()) {
      // Regular files, and pipes or devices under a YAML name: reading refuses the latter with a clear message.
      if (YAML_NAME.test(entry.name)) files.push(rel);
      continue;
    }
    const target = followLink(rootReal, path.join(folder, entry.path));
    if (target.kind === 'loop') {
      diagnostics.push(diagnostic('FILE_LINK_LOOP', `${rel} is a symbolic link that loops back on itself or on a folder that contains it; it was not followed.`, { file: rel }));
    } else if (target.kind === 'folder-inside') {
      const shown = path.relative(rootReal, target.real).split(path.sep).join('/') || '.';
      diagnostics.push(diagnostic('FILE_LINK_NOT_FOLLOWED', `${rel} is a link to the folder ${shown}; links to folders are not followed, so no item in it was read.`, { file: rel }));
    } else if (YAML_NAME.test(entry.name)) {
      // Links to files inside the pack are read as items; reading reports the others (outside, dangling).
      files.push(rel);
    } else if (target.kind === 'outside') {
      diagnostics.push(
        diagnostic('FILE_OUTSIDE_PACK', `${rel} is a link to something outside the pack; it was not followed.`, { file: rel }, { hint: 'Copy what it points to into the pack instead of linking to it.' }),
      );
    }
  }
  for (const file of files) {
    if (file !== file.normalize('NFC')) {
      diagnostics.push(
        diagnostic('FILE_NAME_NOT_NFC', `The name ${file} is stored in decomposed Unicode (NFD), as macOS writes it; it reads the same as "${file.normalize('NFC')}" but is stored differently.`, {
          file,
        }),
      );
    }
  }
  return { value: files.sort(compareText), diagnostics };
}
