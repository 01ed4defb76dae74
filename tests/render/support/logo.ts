/**
 * A logo made in code, so the tests need no binary fixture: a 240 × 80 RGB PNG with a dark blue square,
 * an SDG-green bar and a red dot, the shapes a reader (or pdfimages) can find again.
 */
import type { ImageAsset } from '../../../src/render/ir/types';
import { encodePng } from './png';

export const LOGO_WIDTH = 240;
export const LOGO_HEIGHT = 80;

export function logoPng(): Uint8Array {
  const pixels = new Uint8Array(LOGO_WIDTH * LOGO_HEIGHT * 3).fill(255);
  const paint = (x: number, y: number, [r, g, b]: [number, number, number]) => pixels.set([r, g, b], (y * LOGO_WIDTH + x) * 3);
  for (let y = 0; y < LOGO_HEIGHT; y++) {
    for (let x = 0; x < LOGO_WIDTH; x++) {
      if (x < 80) paint(x, y, [0x1f, 0x4e, 0x79]);
      else if (x > 100 && y > 30 && y < 50) paint(x, y, [0x4c, 0x9f, 0x38]);
      else if ((x - 200) ** 2 + (y - 15) ** 2 < 64) paint(x, y, [0xe5, 0x24, 0x3b]);
    }
  }
  return encodePng({ width: LOGO_WIDTH, height: LOGO_HEIGHT, channels: 3, pixels });
}

export function logoAsset(): ImageAsset {
  return { name: 'logo', format: 'png', data: logoPng(), widthPx: LOGO_WIDTH, heightPx: LOGO_HEIGHT };
}
