import type { DocumentMeta } from '../ir/types';
import { escapeXml } from './xml-text';

/**
 * docProps/core.xml, written here instead of by docx: docx stamps `dcterms:created` and `dcterms:modified`
 * with the current time and offers no option for them, while the same pack must give the same document.
 * Both dates are the build date of the IR; an invalid Date leaves them out (they are optional) rather than throw.
 */
export function corePropertiesXml(meta: DocumentMeta): string {
  const text = (element: string, value: string) => (value === '' ? '' : `<${element}>${escapeXml(value)}</${element}>`);
  const valid = !Number.isNaN(meta.date.getTime());
  // W3CDTF without milliseconds, the form Word itself writes.
  const stamp = valid ? meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z') : '';
  const dates = valid
    ? `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    text('dc:title', meta.title) +
    text('dc:subject', meta.subject) +
    text('dc:creator', meta.author) +
    // Word shows keywords as "Tags" and separates them with semicolons.
    text('cp:keywords', meta.keywords.join('; ')) +
    // The description repeats the subject: the IR has no separate abstract, and file browsers show this field.
    text('dc:description', meta.subject) +
    text('dc:language', meta.language) +
    text('cp:lastModifiedBy', meta.author) +
    '<cp:revision>1</cp:revision>' +
    dates +
    '</cp:coreProperties>'
  );
}
