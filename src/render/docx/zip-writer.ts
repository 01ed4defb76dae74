import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../shared/crc32';
import type { ZipEntry } from './zip-entry';

/**
 * Writes a zip package whose bytes depend only on the entries and the given time: fixed entry order, one
 * timestamp for every entry, no extra fields, deflate at level 9. (Deflate output can change with the zlib
 * version Node ships, so byte identity holds per Node release, not across all of them.)
 */

/** Flag bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
/** "Version needed to extract" 2.0: deflate, no zip64. */
const VERSION = 20;

/** MS-DOS date and time fields, from the UTC fields of `time`; zip cannot store years before 1980. */
function dosDateTime(time: Date): { date: number; time: number } {
  const valid = !Number.isNaN(time.getTime()) && time.getUTCFullYear() >= 1980;
  const t = valid ? time : new Date(Date.UTC(1980, 0, 1));
  return {
    date: ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
    time: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | Math.floor(t.getUTCSeconds() / 2),
  };
}

export function writeZip(entries: ZipEntry[], modified: Date): Uint8Array {
  const stamp = dosDateTime(modified);
  const localParts: Buffer[] = [];
  const centralParts: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(stamp.time, 10);
    local.writeUInt16LE(stamp.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    localParts.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(VERSION, 4);
    central.writeUInt16LE(VERSION, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(DEFLATE, 10);
    central.writeUInt16LE(stamp.time, 12);
    central.writeUInt16LE(stamp.date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // Extra field length, comment length, disk number, internal and external attributes stay 0.
    central.writeUInt32LE(offset, 42);
    centralParts.push(central, name);

    offset += local.length + name.length + compressed.length;
  }
  const centralDirectory = Buffer.concat(centralParts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  const zip = Buffer.concat([...localParts, centralDirectory, end]);
  return new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength);
}
