import { gunzipSync } from 'node:zlib';

/** The regular files of a gzipped ustar archive (the format of npm packages): path (prefix joined), mode and bytes. */
export function readTarGz(bytes: Uint8Array): { path: string; mode: number; bytes: Buffer }[] {
  const tar = gunzipSync(bytes);
  const files = [];
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12), 8);
    const prefix = field(345, 155);
    const name = field(0, 100);
    const sum = header.reduce((s, b, i) => s + (i >= 148 && i < 156 ? 32 : b), 0);
    if (sum !== parseInt(field(148, 8), 8)) throw new Error(`bad checksum for ${name}`);
    if (field(156, 1) === '0' || field(156, 1) === '') {
      files.push({ path: prefix ? `${prefix}/${name}` : name, mode: parseInt(field(100, 8), 8), bytes: Buffer.from(tar.subarray(offset + 512, offset + 512 + size)) });
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
