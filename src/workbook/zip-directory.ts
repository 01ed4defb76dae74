/**
 * The two things impact-pack needs from an xlsx file's zip directory, read from the central directory only:
 * - on export, every entry's modification time set to the build date. exceljs (through JSZip) stamps each
 *   entry with the clock, so two exports of the same pack differ in those bytes and nothing else (checked in
 *   tests/workbook/xlsx-file.test.ts); the time fields are outside the CRC, so rewriting them changes nothing else;
 * - on import, the entry count and the sizes the entries claim once unpacked, so that a zip bomb is refused
 *   before exceljs inflates it in memory.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
  /** Offset of the entry's record in the central directory. */
  centralOffset: number;
}

/** The entries of a zip file, or undefined when the bytes are not a zip this reader understands (zip64 included). */
export function readZipDirectory(buf: Buffer): ZipEntryInfo[] | undefined {
  if (buf.length < 22) return undefined;
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const start = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || start === 0xffffffff || start + size > buf.length) return undefined;
  const entries: ZipEntryInfo[] = [];
  let p = start;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return undefined;
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLength > buf.length || localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL) return undefined;
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLength), compressedSize, uncompressedSize, localOffset, centralOffset: p });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A copy of the zip with every entry's modification time and date set to `date` (UTC; DOS times start in 1980). */
export function withFixedTimestamps(buf: Buffer, date: Date): Buffer {
  const entries = readZipDirectory(buf);
  if (!entries) throw new Error('the workbook writer produced a zip this reader does not understand');
  const year = Math.min(2107, Math.max(1980, date.getUTCFullYear()));
  const dosDate = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const out = Buffer.from(buf);
  for (const e of entries) {
    out.writeUInt16LE(dosTime, e.centralOffset + 12);
    out.writeUInt16LE(dosDate, e.centralOffset + 14);
    out.writeUInt16LE(dosTime, e.localOffset + 10);
    out.writeUInt16LE(dosDate, e.localOffset + 12);
  }
  return out;
}
