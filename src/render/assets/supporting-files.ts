/**
 * Reads the bytes of supporting files for --embed-files and --merge-pdfs. The load stage hashed every
 * cited file already; the bytes are read again here (only when one of those options asks for them) and
 * checked against that hash, because the documents print the hash next to the copy they carry, and the
 * two must agree. Reads only; a file is never opened for writing.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { diagnostic } from '../../diagnostics/make';
import type { SupportingFile } from '../../files/file-index';
import { PackBoundary } from '../../files/inside-pack';

/** A supporting file with its bytes, as the PDF writer attaches or merges it. */
export interface SupportingFileData {
  /** Pack-relative POSIX path. */
  path: string;
  data: Uint8Array;
  sha256: string;
  mediaType: string;
  /** What the file's first bytes say it is ('pdf', 'png', …). */
  content: SupportingFile['content'];
}

/**
 * Reads files of one pack, each at most once however many documents cite it. Files that cannot be read,
 * that left the pack (a symbolic link changed since loading) or whose bytes changed since they were hashed
 * are reported once and left out.
 */
export class SupportingFileReader {
  private readonly boundary: PackBoundary;
  private readonly read = new Map<string, Promise<SupportingFileData | Diagnostic>>();

  constructor(private readonly packRoot: string) {
    this.boundary = new PackBoundary(packRoot);
  }

  /** The files' data in the order given; diagnostics only the first time a file fails. */
  async readAll(files: readonly SupportingFile[]): Promise<{ value: SupportingFileData[]; diagnostics: Diagnostic[] }> {
    const value: SupportingFileData[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const file of files) {
      const first = !this.read.has(file.path);
      if (first) this.read.set(file.path, this.readOne(file));
      const result = await (this.read.get(file.path) as Promise<SupportingFileData | Diagnostic>);
      if ('data' in result) value.push(result);
      else if (first) diagnostics.push(result);
    }
    return { value, diagnostics };
  }

  private async readOne(file: SupportingFile): Promise<SupportingFileData | Diagnostic> {
    if (!(await this.boundary.contains(file.path))) {
      return diagnostic('FILE_OUTSIDE_PACK', `${file.path} now resolves outside the pack; it is not copied into the PDF.`, { file: file.path });
    }
    let data: Uint8Array;
    try {
      data = new Uint8Array(await readFile(path.join(this.packRoot, file.path)));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return diagnostic('FILE_READ_FAILED', `${file.path} cannot be read (${reason}); it is not copied into the PDF.`, { file: file.path });
    }
    const sha256 = createHash('sha256').update(data).digest('hex');
    if (sha256 !== file.sha256) {
      return diagnostic('FILE_CHANGED', `${file.path} changed while the pack was being built; it is not copied into the PDF, whose hash list shows the earlier version.`, {
        file: file.path,
      });
    }
    return { path: file.path, data, sha256, mediaType: file.mediaType, content: file.content };
  }
}
