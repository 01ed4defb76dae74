import { inflateRawSync } from 'node:zlib';

/**
 * A minimal zip reader for tests, written independently of src/render/docx/zip-reader.ts so that the DOCX
 * writer's packages are checked by code that did not produce them. It walks the central directory, follows
 * each entry to its local header, and inflates stored (0) or deflated (8) data. No zip64, no encryption.
 */

export interface ZipFileEntry {
  name: string;
  data: Buffer;
  /** MS-DOS date and time fields as stored, for checking that timestamps are fixed. */
  dosDate: number;
  dosTime: number;
}

export function readZipEntries(zip: Uint8Array): ZipFileEntry[] {
  const buffer = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file: no end-of-central-directory record');
  const count = buffer.readUInt16LE(end + 10);
  let position = buffer.readUInt32LE(end + 16);
  const entries: ZipFileEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (buffer.readUInt32LE(position) !== 0x02014b50) throw new Error(`central directory entry ${index} is damaged`);
    const method = buffer.readUInt16LE(position + 10);
    const dosTime = buffer.readUInt16LE(position + 12);
    const dosDate = buffer.readUInt16LE(position + 14);
    const compressedSize = buffer.readUInt32LE(position + 20);
    const size = buffer.readUInt32LE(position + 24);
    const nameLength = buffer.readUInt16LE(position + 28);
    const extraLength = buffer.readUInt16LE(position + 30);
    const commentLength = buffer.readUInt16LE(position + 32);
    const localHeader = buffer.readUInt32LE(position + 42);
    const name = buffer.toString('utf8', position + 46, position + 46 + nameLength);
    position += 46 + nameLength + extraLength + commentLength;

    if (buffer.readUInt32LE(localHeader) !== 0x04034b50) throw new Error(`${name}: local header missing`);
    const start = localHeader + 30 + buffer.readUInt16LE(localHeader + 26) + buffer.readUInt16LE(localHeader + 28);
    const raw = buffer.subarray(start, start + compressedSize);
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : undefined;
    if (data === undefined) throw new Error(`${name}: compression method ${method} not supported`);
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes inflated, ${size} declared`);
    entries.push({ name, data, dosDate, dosTime });
  }
  return entries;
}

/** The package's files by name, as text (all parts a DOCX writer produces here are UTF-8 XML). */
export function unzipText(zip: Uint8Array): Map<string, string> {
  return new Map(readZipEntries(zip).map((entry) => [entry.name, entry.data.toString('utf8')]));
}
