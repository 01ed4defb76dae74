import type { ZipEntry } from './zip-entry';
import { readZip } from './zip-reader';
import { writeZip } from './zip-writer';

/**
 * Rewrites what docx 9.15.2 leaves to chance so that the same IR gives the same bytes:
 *  - relationship ids of hyperlinks are random (nanoid via Math.random), e.g. "rId5epsqmesbnmwreoqaz_zu";
 *    they become the next free "rIdN" of their relationship part, in the order docx added them;
 *  - bookmark ids (and the "_TocN" names of the table-of-contents bookmarks) come from a counter shared by
 *    every document of the process, so the second document of a build differs from the first; they are
 *    renumbered from 1 in document order;
 *  - the zip entries carry the time of packing; the package is written again with the build date.
 * Documents written from the same IR are then byte-identical within one Node release (see zip-writer.ts).
 */

const NUMBERED_ID = /^rId(\d+)$/;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** "word/_rels/document.xml.rels" → "word/document.xml"; "_rels/.rels" (the package's own) has no owner part. */
function ownerPartOf(relsName: string): string | undefined {
  const match = /^(.*?)_rels\/(.+)\.rels$/.exec(relsName);
  return match && match[2] !== '' ? `${match[1]}${match[2]}` : undefined;
}

function relationshipIdMap(rels: string): Map<string, string> {
  const ids = [...rels.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"/g)].map((match) => match[1]);
  let next = Math.max(0, ...ids.map((id) => Number(NUMBERED_ID.exec(id)?.[1] ?? 0))) + 1;
  const map = new Map<string, string>();
  for (const id of ids) {
    if (!NUMBERED_ID.test(id) && !map.has(id)) map.set(id, `rId${next++}`);
  }
  return map;
}

/** Replaces ids only where they stand as a whole quoted attribute value, never inside text. */
function replaceQuotedIds(xml: string, map: Map<string, string>): string {
  if (map.size === 0) return xml;
  return xml.replace(/="([^"]*)"/g, (whole, value: string) => {
    const replacement = map.get(value);
    return replacement === undefined ? whole : `="${replacement}"`;
  });
}

function renumberBookmarks(documentXml: string): string {
  const map = new Map<string, string>();
  for (const match of documentXml.matchAll(/<w:bookmarkStart\b[^>]*\bw:id="(\d+)"/g)) {
    if (!map.has(match[1])) map.set(match[1], String(map.size + 1));
  }
  if (map.size === 0) return documentXml;
  const renumber = (id: string) => map.get(id) ?? id;
  return documentXml
    .replace(/<w:bookmark(?:Start|End)\b[^>]*>/g, (tag) => tag.replace(/\bw:id="(\d+)"/, (_, id: string) => `w:id="${renumber(id)}"`))
    .replace(/\b(w:name|w:anchor)="_Toc(\d+)"/g, (_, attribute: string, id: string) => `${attribute}="_Toc${renumber(id)}"`)
    .replace(/(<w:instrText\b[^>]*>\s*PAGEREF _Toc)(\d+)/g, (_, before: string, id: string) => `${before}${renumber(id)}`);
}

/** Content types first, then the package relationships, then the rest in docx's order: the usual OOXML layout. */
function packageOrder(entries: ZipEntry[]): ZipEntry[] {
  const rank = (name: string) => (name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2);
  return entries.map((entry, index) => ({ entry, index })).sort((a, b) => rank(a.entry.name) - rank(b.entry.name) || a.index - b.index).map(({ entry }) => entry);
}

export function makeReproducible(packageBytes: Uint8Array, buildDate: Date): Uint8Array {
  const texts = new Map<string, string>();
  const entries = readZip(packageBytes);
  const isXml = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');
  for (const entry of entries) if (isXml(entry.name)) texts.set(entry.name, utf8.decode(entry.data));

  for (const [name, rels] of [...texts].filter(([name]) => name.endsWith('.rels'))) {
    const map = relationshipIdMap(rels);
    if (map.size === 0) continue;
    texts.set(name, replaceQuotedIds(rels, map));
    const owner = ownerPartOf(name);
    const ownerXml = owner === undefined ? undefined : texts.get(owner);
    if (owner !== undefined && ownerXml !== undefined) texts.set(owner, replaceQuotedIds(ownerXml, map));
  }
  const documentXml = texts.get('word/document.xml');
  if (documentXml !== undefined) texts.set('word/document.xml', renumberBookmarks(documentXml));

  const rewritten = entries.map((entry) => {
    const text = texts.get(entry.name);
    return text === undefined ? entry : { name: entry.name, data: encoder.encode(text) };
  });
  return writeZip(packageOrder(rewritten), buildDate);
}
