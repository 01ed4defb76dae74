import type { Figure } from '../../../src/render/ir/types';
import { figureSize } from '../../../src/render/shared/figure-size';
import { logoAsset } from '../support/logo';

/** The test logo is 240 × 80 px: three times as wide as it is tall. */
const figure = (box: Partial<Pick<Figure, 'maxWidth' | 'maxHeight'>> = {}): Figure => ({ type: 'figure', image: logoAsset(), alt: 'Logo', ...box });

describe('figureSize', () => {
  it('shows an image without a size from the template at one point per 4/3 pixel (a CSS pixel)', () => {
    expect(figureSize(figure(), 480)).toEqual({ width: 180, height: 60 });
  });

  it('fits the template box whichever side limits, keeping the proportions', () => {
    // 80 mm × 24 mm: the height limits a 3:1 logo.
    expect(figureSize(figure({ maxWidth: 226.772, maxHeight: 68.031 }), 480)).toEqual({ width: 204.09, height: 68.03 });
    expect(figureSize(figure({ maxWidth: 90, maxHeight: 200 }), 480)).toEqual({ width: 90, height: 30 });
  });

  it('scales up to a box larger than the image', () => {
    expect(figureSize(figure({ maxHeight: 120 }), 480)).toEqual({ width: 360, height: 120 });
  });

  it('never exceeds the width and height available', () => {
    expect(figureSize(figure({ maxHeight: 300 }), 480)).toEqual({ width: 480, height: 160 });
    expect(figureSize(figure({ maxWidth: 3000 }), 480, 100)).toEqual({ width: 300, height: 100 });
  });
});
