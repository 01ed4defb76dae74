import { detectContent } from '../../src/files/sniff';
import { contentFitsExtension, mediaTypeOf } from '../../src/files/file-types';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('detectContent (the first bytes, not the name)', () => {
  it.each([
    ['an empty file', bytes(), 'empty'],
    ['a PDF', bytes('%PDF-1.7\n%\u00e2\u00e3'), 'pdf'],
    ['a PDF with junk before the header', bytes([0xef, 0xbb, 0xbf], '\n\n%PDF-1.4\n'), 'pdf'],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'png'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'jpeg'],
    ['a DOCX (ZIP)', bytes([0x50, 0x4b, 0x03, 0x04, 20, 0]), 'zip'],
    ['an HTML login page', bytes('<!DOCTYPE html>\n<html><title>Sign in</title>'), 'html'],
    ['HTML after a BOM, an XML declaration and a comment', bytes('\ufeff<?xml version="1.0"?>\n<!-- saved -->\n<html lang="fr">'), 'html'],
    ['a UTF-8 CSV', bytes('ann\u00e9e;site\n2020;Al\u00e8s\n'), 'text'],
    ['a Windows-1252 CSV', bytes('ann', [0xe9], 'e;site\n2020;Al', [0xe8], 's\n'), 'text'],
    ['UTF-16 text with a BOM', bytes([0xff, 0xfe, 0x61, 0x00]), 'text'],
    ['binary data', bytes([0x00, 0x01, 0x02, 0x03, 0x00, 0xff]), 'binary'],
  ])('recognises %s', (_, head, expected) => {
    expect(detectContent(head)).toBe(expected);
  });

  it('does not mistake a UTF-8 character cut by the sniff window for binary', () => {
    const text = Buffer.from('caf\u00e9 '.repeat(10), 'utf8');
    expect(detectContent(text.subarray(0, text.length - 2))).toBe('text');
  });
});

describe('extensions and contents', () => {
  it('accepts what fits and reports what does not', () => {
    expect(contentFitsExtension('pdf', 'pdf')).toBe(true);
    expect(contentFitsExtension('pdf', 'html')).toBe(false);
    expect(contentFitsExtension('docx', 'zip')).toBe(true);
    expect(contentFitsExtension('csv', 'text')).toBe(true);
    expect(contentFitsExtension('mp4', 'binary')).toBe(true);
  });

  it('records the media type the content shows when it contradicts the name', () => {
    expect(mediaTypeOf('pdf', 'pdf')).toBe('application/pdf');
    expect(mediaTypeOf('pdf', 'html')).toBe('text/html');
    expect(mediaTypeOf('xlsx', 'zip')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(mediaTypeOf('mp4', 'binary')).toBe('application/octet-stream');
  });
});
