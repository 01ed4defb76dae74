/**
 * What a file really is, judged from its first bytes rather than its name: a `policy.pdf` downloaded
 * from an intranet is often the HTML of a login page, and THE's reviewers cannot open it.
 */
export type DetectedContent = 'pdf' | 'png' | 'jpeg' | 'zip' | 'html' | 'text' | 'binary' | 'empty';

/** How many leading bytes the sniffer reads: enough for every signature and an HTML preamble. */
export const SNIFF_BYTES = 4096;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];
/** PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, annex H). */
const PDF_HEADER_WINDOW = 1024;

/** Classifies the first bytes of a file. Pure. */
export function detectContent(head: Uint8Array): DetectedContent {
  if (head.length === 0) return 'empty';
  if (startsWith(head, PNG_SIGNATURE)) return 'png';
  if (startsWith(head, JPEG_SIGNATURE)) return 'jpeg';
  if (startsWith(head, ZIP_SIGNATURE)) return 'zip';
  if (indexOfAscii(head, '%PDF-', PDF_HEADER_WINDOW) >= 0) return 'pdf';
  if (looksLikeHtml(head)) return 'html';
  if (looksLikeText(head)) return 'text';
  return 'binary';
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

function indexOfAscii(bytes: Uint8Array, needle: string, within: number): number {
  const limit = Math.min(bytes.length, within) - needle.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** An HTML document starts, after an optional BOM, blanks, XML declaration and comments, with one of these tags. */
function looksLikeHtml(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(head.subarray(0, 1024)).replace(/^\uFEFF/, '').toLowerCase();
  const rest = text.replace(/^(\s|<\?xml[^>]*\?>|<!--[\s\S]*?-->)*/, '');
  return /^<(!doctype\s+html|html|head|body)[\s>]/.test(rest);
}

/**
 * Text has no NUL bytes (UTF-16 with a byte-order mark aside) and decodes as UTF-8, or is made of
 * printable single bytes (a CSV exported as Windows-1252 is still text).
 */
function looksLikeText(head: Uint8Array): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true;
  if (head.includes(0)) return false;
  try {
    // The window may end inside a multi-byte character; that cut is not an encoding error.
    new TextDecoder('utf-8', { fatal: true }).decode(trimIncompleteUtf8(head));
    return true;
  } catch {
    let control = 0;
    for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
    return control / head.length < 0.02;
  }
}

function trimIncompleteUtf8(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  // Walk back over continuation bytes to the lead byte of the last character.
  let i = end - 1;
  while (i >= 0 && end - i <= 4 && (bytes[i] & 0xc0) === 0x80) i--;
  if (i < 0) return bytes;
  const lead = bytes[i];
  const needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  if (end - i < needed) end = i;
  return bytes.subarray(0, end);
}
