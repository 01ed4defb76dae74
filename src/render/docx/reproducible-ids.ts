/**
 * docx 9.15.2 leaves three kinds of ids to chance, so the same IR would give different bytes:
 *  - relationship ids of hyperlinks are random (nanoid over Math.random), e.g. "rId5epsqmesbnmwreoqaz_zu";
 *    they become the next free "rIdN" of their relationship part, in the order docx added them;
 *  - bookmark ids, and with them the "_TocN" names of the table-of-contents bookmarks, come from a counter
 *    shared by every document of the process, so the second document of a build differs from the first;
 *    they are renumbered from 1 in document order;
 *  - drawing ids (wp:docPr, one per picture) come from a process-wide counter too; renumbered from 1 likewise.
 * The rewrites work on the package's XML parts as text and touch only attribute values and field codes.
 */

const NUMBERED_ID = /^rId(\d+)$/;

/** "word/_rels/document.xml.rels" → "word/document.xml"; the package's own "_rels/.rels" has no owner part. */
function ownerPartOf(relsName: string): string | undefined {
  const match = /^(.*?)_rels\/(.+)\.rels$/.exec(relsName);
  return match ? `${match[1]}${match[2]}` : undefined;
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

/** Replaces ids only where they are a whole quoted attribute value, never inside text. */
function replaceQuotedValues(xml: string, map: Map<string, string>): string {
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

/** Pictures need ids unique in the document; any numbering will do, so they count from 1 in order. */
function renumberDrawings(documentXml: string): string {
  let next = 0;
  return documentXml.replace(/(<wp:docPr\b[^>]*?\bid=")(\d+)(")/g, (_, before: string, __: string, after: string) => `${before}${++next}${after}`);
}

/** Rewrites the ids in place in a package's XML parts (see the module comment). */
export function normaliseGeneratedIds(parts: Map<string, string>): void {
  for (const [name, rels] of [...parts].filter(([partName]) => partName.endsWith('.rels'))) {
    const map = relationshipIdMap(rels);
    if (map.size === 0) continue;
    parts.set(name, replaceQuotedValues(rels, map));
    const owner = ownerPartOf(name);
    const ownerXml = owner === undefined ? undefined : parts.get(owner);
    if (owner !== undefined && ownerXml !== undefined) parts.set(owner, replaceQuotedValues(ownerXml, map));
  }
  const documentXml = parts.get('word/document.xml');
  if (documentXml !== undefined) parts.set('word/document.xml', renumberDrawings(renumberBookmarks(documentXml)));
}
