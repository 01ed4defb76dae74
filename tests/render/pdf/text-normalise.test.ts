import { BREAK_OPPORTUNITY, normaliseText } from '../../../src/render/pdf/text-normalise';

describe('normaliseText', () => {
  it.each([
    ['composes to NFC', 'e\u0301te\u0301', 'été'],
    ['collapses line breaks, tabs and runs of spaces', 'a\n\t  b\r\nc', 'a b c'],
    ['keeps no-break spaces, which French typography needs', '«\u00a0œuvre\u202f»', '«\u00a0œuvre\u202f»'],
    ['removes soft hyphens, byte-order marks and bidi controls', 'ré\u00adsumé\ufeff\u200e', 'résumé'],
    ['removes control characters', 'a\u0007b\u001bc', 'abc'],
    ['keeps U+200B as a break opportunity', 'a\u200bb', `a${BREAK_OPPORTUNITY}b`],
    ['replaces half of a surrogate pair with U+FFFD', 'a\ud800b', 'a\ufffdb'],
    ['keeps whole surrogate pairs', 'a\u{1F600}b', 'a\u{1F600}b'],
    ['leaves printable ASCII untouched', 'SDG 7  (2024)', 'SDG 7  (2024)'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });
});
