import type { ZipEntry } from './zip-entry';
import { readZip } from './zip-reader';
import { writeZip } from './zip-writer';

/**
 * Opens a packed DOCX, lets `edit` change its XML parts as text, and writes the package again with fixed
 * timestamps (the build date; docx stamps the time of packing on every zip entry) and the usual OOXML entry
 * order. Parts other than .xml and .rels are copied unchanged.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

const isXmlPart = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');

/** Content types first, then the package relationships, then the rest in docx's order. */
function packageOrder(entries: ZipEntry[]): ZipEntry[] {
  const rank = (name: string) => (name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2);
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry.name) - rank(b.entry.name) || a.index - b.index)
    .map(({ entry }) => entry);
}

export function rewritePackage(packageBytes: Uint8Array, modified: Date, edit: (xmlParts: Map<string, string>) => void): Uint8Array {
  const entries = readZip(packageBytes);
  const parts = new Map(entries.filter((entry) => isXmlPart(entry.name)).map((entry) => [entry.name, utf8.decode(entry.data)]));
  edit(parts);
  const rewritten = entries.map((entry) => {
    const text = parts.get(entry.name);
    return text === undefined ? entry : { name: entry.name, data: encoder.encode(text) };
  });
  return writeZip(packageOrder(rewritten), modified);
}
