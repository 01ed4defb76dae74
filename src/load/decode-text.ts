import { isUtf8 } from 'node:buffer';

/**
 * Turns the bytes of a YAML file into text, or says precisely why they are not UTF-8 text. Nothing is
 * guessed: a Latin-1 file is refused with the place of its first accent rather than read with wrong letters.
 */

export type DecodeProblem = {
  code: 'YAML_BINARY_FILE' | 'YAML_NOT_UTF8';
  /** Completes "<file> …": what the bytes are. */
  message: string;
  line: number;
  column: number;
};

export type Decoded = { text: string } | { problem: DecodeProblem };

/** First bytes of binary formats people save under a .yaml name by mistake, to name them in the message. */
const SIGNATURES: ReadonlyArray<{ bytes: number[]; name: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (or a DOCX/XLSX document)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Office document (.doc/.xls)' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);

export function decodeYamlBytes(bytes: Uint8Array): Decoded {
  const utf16 = utf16Kind(bytes);
  if (utf16) {
    return { problem: { code: 'YAML_NOT_UTF8', message: `is saved as ${utf16}, not UTF-8.`, line: 1, column: 1 } };
  }
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) return { problem: { code: 'YAML_BINARY_FILE', message: `is ${signature.name}, not YAML text.`, line: 1, column: 1 } };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { problem: { code: 'YAML_BINARY_FILE', message: 'holds binary data (NUL bytes), not YAML text.', ...positionOf(bytes, nul) } };
  // Node's native check first (2 ms for 10,000 evidence files, against 28 ms for the loop below), which then only places the fault.
  const invalid = isUtf8(bytes) ? undefined : firstInvalidUtf8(bytes);
  if (invalid !== undefined) {
    const byte = bytes[invalid];
    // What the byte would have meant in Windows-1252, the usual culprit; shown only when it is a printable letter.
    const guess = new TextDecoder('windows-1252').decode(bytes.subarray(invalid, invalid + 1));
    const hint = /\p{L}|\p{S}|\p{P}/u.test(guess) ? ` ("${guess}" in Latin-1 or Windows-1252)` : '';
    return {
      problem: {
        code: 'YAML_NOT_UTF8',
        message: `is not valid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}${hint} cannot be read.`,
        ...positionOf(bytes, invalid),
      },
    };
  }
  return { text: new TextDecoder('utf-8').decode(bytes) };
}

/** UTF-16 or UTF-32 by byte-order mark, or UTF-16 without one (every other byte zero in ASCII text). */
function utf16Kind(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return 'UTF-32';
  if (startsWith(bytes, [0xff, 0xfe])) return 'UTF-16 (little-endian)';
  if (startsWith(bytes, [0xfe, 0xff])) return 'UTF-16 (big-endian)';
  const sample = bytes.subarray(0, 512);
  if (sample.length < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenZero++ : oddZero++;
  const half = sample.length / 2;
  if (oddZero > half * 0.9 && evenZero === 0) return 'UTF-16 (little-endian)';
  if (evenZero > half * 0.9 && oddZero === 0) return 'UTF-16 (big-endian)';
  return undefined;
}

/**
 * Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF); undefined when the whole buffer is valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) length = 3;
    else if (b >= 0xf0 && b <= 0xf4) length = 4;
    else return i;
    // The second byte's range rules out overlong forms, surrogates and code points above U+10FFFF.
    const min = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const max = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      const low = k === 1 ? min : 0x80;
      const high = k === 1 ? max : 0xbf;
      if (c === undefined || c < low || c > high) return i;
    }
    i += length;
  }
  return undefined;
}

/** Line and column (in UTF-16 units, as the YAML positions are) of a byte offset in valid-up-to-there UTF-8. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}
