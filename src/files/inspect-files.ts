import { stat } from 'node:fs/promises';
import path from 'node:path';
import { mapWithConcurrency } from './concurrency';
import { hashWithHead } from './hash';
import type { FileFacts, HashCache } from './hash-cache';
import { detectContent, SNIFF_BYTES } from './sniff';

/** A file to inspect: its NFC pack-relative path (the cache key) and its spelling on disk. */
export interface FileToInspect {
  path: string;
  onDisk: string;
}

export type Inspection = { ok: true; facts: FileFacts } | { ok: false; reason: string };

/** Files hashed at once: enough to keep a disk busy, few enough to stay far below open-file limits. */
export const HASH_CONCURRENCY = 8;

/**
 * Size, SHA-256 and content type of each file, in parallel. A file whose path, size and modification
 * time match the cache is not read at all; any other is streamed once for both the hash and the sniff.
 * Only files already known to lie inside the pack may be passed here.
 */
export async function inspectFiles(
  root: string,
  files: readonly FileToInspect[],
  cache: HashCache,
  /** Told after each file, for a progress bar (files hashed or found in the cache so far, of all). */
  onInspected?: (done: number, total: number) => void,
): Promise<{ inspections: Map<string, Inspection>; hashed: number; reused: number }> {
  let hashed = 0;
  let reused = 0;
  let done = 0;
  const results = await mapWithConcurrency(files, HASH_CONCURRENCY, async (file): Promise<Inspection> => {
    const inspection = await inspect(file);
    onInspected?.(++done, files.length);
    return inspection;
  });
  async function inspect(file: FileToInspect): Promise<Inspection> {
    const abs = path.join(root, file.onDisk);
    try {
      const info = await stat(abs);
      if (!info.isFile()) return { ok: false, reason: 'it is not a regular file' };
      const cached = cache.lookup(file.path, info.size, info.mtimeMs);
      if (cached) {
        reused++;
        return { ok: true, facts: cached };
      }
      const read = await hashWithHead(abs, SNIFF_BYTES);
      hashed++;
      const facts: FileFacts = { size: read.bytesRead, mtimeMs: info.mtimeMs, sha256: read.sha256, content: detectContent(read.head) };
      // A file that changed while it was read is reported as read, but not remembered.
      if (read.bytesRead === info.size) cache.remember(file.path, facts);
      return { ok: true, facts };
    } catch (error) {
      return { ok: false, reason: `it could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
  }
  const inspections = new Map<string, Inspection>();
  files.forEach((f, i) => inspections.set(f.path, results[i]));
  return { inspections, hashed, reused };
}
