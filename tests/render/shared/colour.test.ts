import { contrastRatio, parseHexColour, readableOnWhite, tintTowardsWhite, toHex } from '../../../src/render/shared/colour';

/** The 17 official SDG colours, as the UN publishes them. */
const SDG_COLOURS = [
  '#E5243B', '#DDA63A', '#4C9F38', '#C5192D', '#FF3A21', '#26BDE2', '#FCC30B', '#A21942', '#FD6925',
  '#DD1367', '#FD9D24', '#BF8B2E', '#3F7E44', '#0A97D9', '#56C02B', '#00689D', '#19486A',
];
const WHITE = { r: 255, g: 255, b: 255 };

describe('accent colours', () => {
  test('parses #rrggbb in either case and refuses everything else', () => {
    expect(parseHexColour('#FCC30B')).toEqual({ r: 252, g: 195, b: 11 });
    expect(parseHexColour('#fcc30b')).toEqual({ r: 252, g: 195, b: 11 });
    for (const bad of ['FCC30B', '#FC3', 'yellow', '#FCC30B; } body { display: none', '#GGGGGG', '']) {
      expect(parseHexColour(bad)).toBeUndefined();
    }
  });

  test('WCAG contrast of black on white is 21 and of white on white 1', () => {
    expect(contrastRatio({ r: 0, g: 0, b: 0 }, WHITE)).toBeCloseTo(21, 5);
    expect(contrastRatio(WHITE, WHITE)).toBe(1);
  });

  test.each(SDG_COLOURS)('the text shade of %s reads on white (AA, 4.5:1)', (hex) => {
    const shade = readableOnWhite(parseHexColour(hex)!);
    expect(contrastRatio(shade, WHITE)).toBeGreaterThanOrEqual(4.5);
  });

  test('darkens a light accent and leaves a dark one as it is', () => {
    const sdg7 = parseHexColour('#FCC30B')!;
    expect(contrastRatio(sdg7, WHITE)).toBeLessThan(2);
    expect(toHex(readableOnWhite(sdg7))).not.toBe('#fcc30b');
    expect(toHex(readableOnWhite(parseHexColour('#19486A')!))).toBe('#19486a');
  });

  test('tints towards white', () => {
    expect(toHex(tintTowardsWhite({ r: 0, g: 0, b: 0 }, 0.5))).toBe('#808080');
    expect(toHex(tintTowardsWhite(parseHexColour('#FCC30B')!, 1))).toBe('#ffffff');
  });
});
