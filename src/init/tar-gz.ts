import { gzipSync } from 'node:zlib';

/**
 * A gzipped tar archive (POSIX ustar) of regular files, as `npm install` reads a package tarball. Same
 * entries -> same bytes: entries keep the given order, and owner and modification time are fixed (npm pack
 * uses the same date, 1985-10-26 08:15 UTC), so that a pack made twice vendors the same file.
 */
export interface TarEntry {
  /** Path inside the archive, with forward slashes. */
  path: string;
  bytes: Uint8Array;
  /** Permission bits, e.g. 0o644 or 0o755. */
  mode: number;
}

const BLOCK = 512;
const FIXED_MTIME = Math.floor(Date.UTC(1985, 9, 26, 8, 15, 0) / 1000);

export function tarGz(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    parts.push(header(entry));
    parts.push(Buffer.from(entry.bytes));
    const rest = entry.bytes.length % BLOCK;
    if (rest > 0) parts.push(Buffer.alloc(BLOCK - rest));
  }
  // The end of the archive: two empty blocks.
  parts.push(Buffer.alloc(2 * BLOCK));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

function header(entry: TarEntry): Buffer {
  const { name, prefix } = splitPath(entry.path);
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  octal(h, 100, 8, entry.mode & 0o7777);
  octal(h, 108, 8, 0); // uid
  octal(h, 116, 8, 0); // gid
  octal(h, 124, 12, entry.bytes.length);
  octal(h, 136, 12, FIXED_MTIME);
  h.fill(' ', 148, 156); // the checksum counts its own field as spaces
  h.write('0', 156, 1, 'ascii'); // a regular file
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return h;
}

/** Zero-padded octal digits followed by a NUL, filling the field. */
function octal(h: Buffer, offset: number, width: number, value: number): void {
  h.write(`${value.toString(8).padStart(width - 1, '0')}\0`, offset, width, 'ascii');
}

/** ustar keeps up to 100 bytes of name and 155 of prefix (the folders), split at a slash. */
function splitPath(p: string): { name: string; prefix: string } {
  if (Buffer.byteLength(p) <= 100) return { name: p, prefix: '' };
  for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) {
    const prefix = p.slice(0, i);
    const name = p.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { name, prefix };
  }
  throw new Error(`Path too long for a tar archive: ${p}`);
}
