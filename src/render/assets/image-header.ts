/**
 * Reads what the writers need to know about a PNG or JPEG before drawing it, from the file's own header:
 * its format and its size in pixels (which gives the aspect ratio). Pure.
 *
 * A PNG is also checked whole (every chunk in bounds with a correct CRC, IHDR first, image data that
 * inflates, IEND last) before anything else reads it: pdf-lib's PNG decoder loops forever on a cut-off file,
 * which would hang the build on a damaged logo.
 *
 * Declared dimensions are checked before anything is decompressed: a 1.5 MB PNG can declare 20,000 ×
 * 20,000 pixels and inflate to 1.6 GB (measured: 3.3 GB peak memory). Above MAX_IMAGE_PIXELS the image is
 * refused from its header alone, and the image data is inflated with a ceiling of exactly the size its
 * header declares, so data that inflates to more is refused without being held in memory.
 */
import { inflateSync } from 'node:zlib';
import { crc32 } from '../shared/crc32';

export interface ImageHeader {
  format: 'png' | 'jpeg';
  widthPx: number;
  heightPx: number;
}

export type ImageHeaderResult = ImageHeader | { problem: string };

/** The most pixels an image may declare: 16 megapixels (4,000 × 4,000), far more than a logo 80 × 24 mm needs. */
export const MAX_IMAGE_PIXELS = 16_000_000;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Start-of-frame markers (baseline, progressive, lossless…): they carry the image size. DHT, JPG and DAC are not frames. */
const JPEG_FRAME_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
/** Markers with no length field after them. */
const JPEG_STANDALONE_MARKERS = new Set([0x01, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8]);
const JPEG_START_OF_SCAN = 0xda;

export function readImageHeader(bytes: Uint8Array): ImageHeaderResult {
  if (PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return readPngHeader(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return readJpegHeader(bytes);
  return { problem: 'it is neither a PNG nor a JPEG image' };
}

const uint32 = (bytes: Uint8Array, at: number): number => ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
const uint16 = (bytes: Uint8Array, at: number): number => (bytes[at] << 8) | bytes[at + 1];

/** The IHDR chunk must come first, straight after the signature (PNG specification, 5.6). */
function readPngHeader(bytes: Uint8Array): ImageHeaderResult {
  if (bytes.length < 33) return { problem: 'the PNG file is cut short' };
  const chunkType = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]);
  if (uint32(bytes, 8) !== 13 || chunkType !== 'IHDR') return { problem: 'the PNG file has no IHDR header' };
  const widthPx = uint32(bytes, 16);
  const heightPx = uint32(bytes, 20);
  if (widthPx === 0 || heightPx === 0) return { problem: 'the PNG image has no pixels' };
  const tooLarge = pixelProblem(widthPx, heightPx);
  if (tooLarge) return { problem: tooLarge };
  const rawSize = pngRawSize(widthPx, heightPx, bytes[24], bytes[25], bytes[28]);
  if (rawSize === undefined) return { problem: 'the PNG file is damaged (its header gives an unknown colour type or bit depth)' };
  const damage = pngDamage(bytes, rawSize);
  if (damage !== undefined) return { problem: damage };
  return { format: 'png', widthPx, heightPx };
}

/** What is structurally wrong with a PNG (past its signature), or undefined when every chunk is sound. */
function pngDamage(bytes: Uint8Array, rawSize: number): string | undefined {
  const imageData: Uint8Array[] = [];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = uint32(bytes, at);
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    const end = at + 12 + length;
    if (end > bytes.length) return 'the PNG file is cut short';
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== uint32(bytes, at + 8 + length)) return `the PNG file is damaged (bad checksum in its ${type} chunk)`;
    if (type === 'IDAT') imageData.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') {
      if (imageData.length === 0) return 'the PNG file has no image data';
      try {
        inflateSync(Buffer.concat(imageData), { maxOutputLength: Math.max(1, rawSize) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'the PNG file is damaged (its image data decompresses to more than its header declares)';
        return 'the PNG file is damaged (its image data does not decompress)';
      }
      return undefined;
    }
    at = end;
  }
  return 'the PNG file is cut short';
}

/** Walks the marker segments up to the first frame header, which holds the size. */
function readJpegHeader(bytes: Uint8Array): ImageHeaderResult {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return { problem: 'the JPEG file is damaged (a marker was expected)' };
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      // Fill bytes may precede a marker.
      at += 1;
      continue;
    }
    if (JPEG_STANDALONE_MARKERS.has(marker)) {
      at += 2;
      continue;
    }
    const length = uint16(bytes, at + 2);
    if (length < 2) return { problem: 'the JPEG file is damaged (a segment has no length)' };
    if (JPEG_FRAME_MARKERS.has(marker)) {
      if (at + 9 > bytes.length) break;
      const heightPx = uint16(bytes, at + 5);
      const widthPx = uint16(bytes, at + 7);
      if (widthPx === 0 || heightPx === 0) return { problem: 'the JPEG image does not state its size' };
      const tooLarge = pixelProblem(widthPx, heightPx);
      if (tooLarge) return { problem: tooLarge };
      return { format: 'jpeg', widthPx, heightPx };
    }
    if (marker === JPEG_START_OF_SCAN) return { problem: 'the JPEG file has no frame header before its image data' };
    at += 2 + length;
  }
  return { problem: 'the JPEG file is cut short' };
}

function pixelProblem(widthPx: number, heightPx: number): string | undefined {
  if (widthPx * heightPx <= MAX_IMAGE_PIXELS) return undefined;
  return `the image declares ${widthPx.toLocaleString('en')} × ${heightPx.toLocaleString('en')} pixels, more than the ${MAX_IMAGE_PIXELS / 1_000_000} megapixels allowed; a logo a few hundred pixels wide is plenty`;
}

const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Adam7 passes: start column, start row, column step, row step. */
const ADAM7: [number, number, number, number][] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** The exact size of a PNG's decompressed image data (filter bytes included), from its header; undefined when the header is invalid. */
function pngRawSize(width: number, height: number, bitDepth: number, colourType: number, interlace: number): number | undefined {
  const channels = PNG_CHANNELS[colourType];
  if (channels === undefined || ![1, 2, 4, 8, 16].includes(bitDepth)) return undefined;
  const bitsPerPixel = channels * bitDepth;
  const passSize = (w: number, h: number) => (w === 0 || h === 0 ? 0 : h * (Math.ceil((w * bitsPerPixel) / 8) + 1));
  if (interlace === 0) return passSize(width, height);
  if (interlace !== 1) return undefined;
  return ADAM7.reduce((sum, [x0, y0, dx, dy]) => sum + passSize(Math.ceil(Math.max(0, width - x0) / dx), Math.ceil(Math.max(0, height - y0) / dy)), 0);
}
