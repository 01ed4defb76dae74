import { readImageHeader } from '../../../src/render/assets/image-header';
import { logoPng } from '../support/logo';

/** A JPEG made of the markers a real one starts with: SOI, an APP0 (JFIF) segment, a DQT stub, then SOF. */
function jpegHeader(frameMarker: number, width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const dqt = [0xff, 0xdb, 0x00, 0x04, 0x00, 0x00];
  const sof = [0xff, frameMarker, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03];
  return new Uint8Array([0xff, 0xd8, ...app0, 0xff, ...dqt, ...sof, ...new Array(9).fill(0)]);
}

describe('readImageHeader', () => {
  it('reads the size of a PNG from its IHDR chunk', () => {
    expect(readImageHeader(logoPng())).toEqual({ format: 'png', widthPx: 240, heightPx: 80 });
  });

  it('reads the size of baseline and progressive JPEGs from their frame header, skipping fill bytes', () => {
    expect(readImageHeader(jpegHeader(0xc0, 640, 213))).toEqual({ format: 'jpeg', widthPx: 640, heightPx: 213 });
    expect(readImageHeader(jpegHeader(0xc2, 1200, 400))).toEqual({ format: 'jpeg', widthPx: 1200, heightPx: 400 });
  });

  it('explains what is wrong with anything else', () => {
    const problem = (bytes: number[] | Uint8Array) => {
      const result = readImageHeader(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
      return 'problem' in result ? result.problem : 'no problem';
    };
    expect(problem(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('it is neither a PNG nor a JPEG image');
    expect(problem(logoPng().subarray(0, 20))).toBe('the PNG file is cut short');
    expect(problem(jpegHeader(0xc0, 640, 213).subarray(0, 26))).toBe('the JPEG file is cut short');
    // Image data (start of scan) before any frame header.
    expect(problem([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 0, 0, 0, 0, 0, 0])).toBe('the JPEG file has no frame header before its image data');
    expect(problem(jpegHeader(0xc0, 0, 213))).toBe('the JPEG image does not state its size');
  });

  // pdf-lib's PNG decoder never returns on a cut-off file, so every damaged PNG must be caught here.
  it('checks a PNG whole: chunks in bounds, checksums, image data that decompresses, an end chunk', () => {
    const png = logoPng();
    const problem = (bytes: Uint8Array) => {
      const result = readImageHeader(bytes);
      return 'problem' in result ? result.problem : 'no problem';
    };
    expect(problem(png.subarray(0, png.length - 12))).toBe('the PNG file is cut short');
    expect(problem(png.subarray(0, 60))).toBe('the PNG file is cut short');
    const flipped = new Uint8Array(png);
    flipped[45] ^= 0xff; // a byte inside the compressed image data
    expect(problem(flipped)).toBe('the PNG file is damaged (bad checksum in its IDAT chunk)');
  });
});
