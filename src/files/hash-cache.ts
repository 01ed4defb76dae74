import { createHash } from 'node:crypto';
import { compareText } from '../diagnostics/make';
import { readCacheFile, writeCacheFile } from './cache-folder';
import type { DetectedContent } from './sniff';

/** What hashing and sniffing a file found, remembered under its path, size and modification time. */
export interface FileFacts {
  size: number;
  mtimeMs: number;
  sha256: string;
  content: DetectedContent;
}

export const HASH_CACHE_FILE = 'file-hashes.json';
const FORMAT = 'impact-pack/file-hashes';
const VERSION = 1;
/**
 * A file changed twice within one tick of the file system's clock keeps its size and modification time
 * (git calls this "racily clean"). Files modified this close to the run are hashed but not remembered;
 * 2 s covers FAT's two-second timestamps.
 */
export const RACY_MARGIN_MS = 2000;
const CONTENTS: readonly DetectedContent[] = ['pdf', 'png', 'jpeg', 'zip', 'html', 'text', 'binary', 'empty'];

interface CacheFileShape {
  format: string;
  version: number;
  entries: Record<string, FileFacts>;
  checksum: string;
}

/**
 * Parses the cache file; undefined when it is damaged in any way (not JSON, another format or version,
 * a checksum that does not match its entries, a malformed entry). A damaged cache is rebuilt, never trusted.
 */
export function parseHashCache(text: string): Map<string, FileFacts> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object') return undefined;
  const file = data as Partial<CacheFileShape>;
  if (file.format !== FORMAT || file.version !== VERSION || typeof file.checksum !== 'string') return undefined;
  if (!file.entries || typeof file.entries !== 'object' || Array.isArray(file.entries)) return undefined;
  const entries = new Map<string, FileFacts>();
  for (const [key, value] of Object.entries(file.entries)) {
    if (!isFileFacts(value)) return undefined;
    entries.set(key, { size: value.size, mtimeMs: value.mtimeMs, sha256: value.sha256, content: value.content });
  }
  if (checksumOf(entries) !== file.checksum) return undefined;
  return entries;
}

export function serialiseHashCache(entries: Map<string, FileFacts>): string {
  const sorted = sortedRecord(entries);
  const file: CacheFileShape = { format: FORMAT, version: VERSION, entries: sorted, checksum: checksumOf(entries) };
  return `${JSON.stringify(file, null, 1)}\n`;
}

function isFileFacts(value: unknown): value is FileFacts {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(v.size) &&
    (v.size as number) >= 0 &&
    typeof v.mtimeMs === 'number' &&
    Number.isFinite(v.mtimeMs) &&
    typeof v.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(v.sha256) &&
    CONTENTS.includes(v.content as DetectedContent)
  );
}

function sortedRecord(entries: Map<string, FileFacts>): Record<string, FileFacts> {
  const out: Record<string, FileFacts> = {};
  for (const key of [...entries.keys()].sort(compareText)) {
    const e = entries.get(key)!;
    out[key] = { size: e.size, mtimeMs: e.mtimeMs, sha256: e.sha256, content: e.content };
  }
  return out;
}

function checksumOf(entries: Map<string, FileFacts>): string {
  return createHash('sha256').update(JSON.stringify(sortedRecord(entries))).digest('hex');
}

/**
 * The hash cache of one run. Lookups succeed only when path, size and modification time all match; the
 * cache is saved with exactly the entries this run used, so renamed and deleted files drop out.
 */
export class HashCache {
  private readonly used = new Map<string, FileFacts>();

  private constructor(
    private readonly known: Map<string, FileFacts>,
    readonly status: 'absent' | 'loaded' | 'rebuilt' | 'disabled',
    /** When the run started, in ms since 1970: files modified later than this minus the margin are not remembered. */
    private readonly startedAtMs: number,
  ) {}

  static async load(packRoot: string, enabled: boolean, startedAtMs: number): Promise<HashCache> {
    if (!enabled) return new HashCache(new Map(), 'disabled', startedAtMs);
    const text = await readCacheFile(packRoot, HASH_CACHE_FILE);
    if (text === undefined) return new HashCache(new Map(), 'absent', startedAtMs);
    const entries = parseHashCache(text);
    return entries ? new HashCache(entries, 'loaded', startedAtMs) : new HashCache(new Map(), 'rebuilt', startedAtMs);
  }

  lookup(key: string, size: number, mtimeMs: number): FileFacts | undefined {
    const hit = this.known.get(key);
    if (!hit || hit.size !== size || hit.mtimeMs !== mtimeMs) return undefined;
    this.used.set(key, hit);
    return hit;
  }

  remember(key: string, facts: FileFacts): void {
    if (facts.mtimeMs > this.startedAtMs - RACY_MARGIN_MS) return;
    this.used.set(key, facts);
  }

  /** Writes the cache when its content changed; a pack that cannot be written to simply stays uncached. */
  async save(packRoot: string): Promise<void> {
    if (this.status === 'disabled') return;
    // No supporting files and no cache yet: nothing worth creating a folder for.
    if (this.status === 'absent' && this.used.size === 0) return;
    const text = serialiseHashCache(this.used);
    if (this.status === 'loaded' && text === serialiseHashCache(this.known)) return;
    await writeCacheFile(packRoot, HASH_CACHE_FILE, text);
  }
}
