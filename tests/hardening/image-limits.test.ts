import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { MAX_IMAGE_PIXELS, readImageHeader } from '../../src/render/assets/image-header';
import { crc32 } from '../../src/render/shared/crc32';
import { runCli } from '../helpers/run-cli';
import { copyToTemp } from '../helpers/temp-pack';

/** Images are checked by their declared size before anything is decompressed. */

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A PNG with the given header and image data (already compressed). */
function png(width: number, height: number, idat: Buffer, colourType = 6, bitDepth = 8): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = colourType;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

function jpeg(width: number, height: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, Buffer.from([0xff, 0xd9])]);
}

describe('image size limits', () => {
  it('refuses a PNG declaring 20,000 × 20,000 pixels (1.6 GB decoded) from its header, without inflating anything', () => {
    const inflate = jest.spyOn(zlib, 'inflateSync');
    try {
      const result = readImageHeader(png(20_000, 20_000, zlib.deflateSync(Buffer.alloc(1024))));
      expect(result).toEqual({ problem: expect.stringContaining('declares 20,000 × 20,000 pixels, more than the 16 megapixels allowed') });
      expect(inflate).not.toHaveBeenCalled();
    } finally {
      inflate.mockRestore();
    }
  });

  it('refuses image data that inflates to more than the header declares, stopping at the declared size', () => {
    // 100 × 100 grey pixels are 10,100 bytes with filter bytes; these data inflate to 16 MB.
    const result = readImageHeader(png(100, 100, zlib.deflateSync(Buffer.alloc(16 * 1024 * 1024)), 0));
    expect(result).toEqual({ problem: 'the PNG file is damaged (its image data decompresses to more than its header declares)' });
  });

  it.each([
    ['a PNG at the limit', png(4000, 4000, zlib.deflateSync(Buffer.alloc(4000 * (4000 * 4 + 1))))],
    ['an interlaced-size PNG of one pixel', png(1, 1, zlib.deflateSync(Buffer.alloc(2)), 0)],
    ['a JPEG at the limit', jpeg(4000, 4000)],
  ])('accepts %s', (_what, bytes) => {
    expect(readImageHeader(bytes)).toMatchObject({ widthPx: expect.any(Number) });
  });

  it('refuses a JPEG declaring more than the limit', () => {
    expect(readImageHeader(jpeg(65_000, 65_000))).toEqual({ problem: expect.stringContaining('more than the 16 megapixels allowed') });
    expect(MAX_IMAGE_PIXELS).toBe(16_000_000);
  });

  it('build warns LOGO_INVALID at the logo line and builds without the logo', async () => {
    const pack = copyToTemp(path.join(__dirname, '../fixtures/packs/valid'));
    try {
      mkdirSync(path.join(pack.root, 'branding'));
      writeFileSync(path.join(pack.root, 'branding/logo.png'), png(20_000, 20_000, zlib.deflateSync(Buffer.alloc(1024))));
      const config = path.join(pack.root, 'impact-pack.yaml');
      writeFileSync(config, readFileSync(config, 'utf8').replace('  name: Test University\n', '  name: Test University\n  logo: branding/logo.png\n'));
      const out = path.join(pack.root, '..', `${path.basename(pack.root)}-out`);
      const r = await runCli(['build', pack.root, '--out', out, '--formats', 'html']);
      expect(r.stderr).toMatch(/3:\d+ +warning .*20,000 × 20,000 pixels.* LOGO_INVALID/);
      expect(r.code).toBe(0);
    } finally {
      pack.cleanup();
    }
  });
});
