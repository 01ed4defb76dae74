import type { IXmlableObject } from 'docx';

const PAGE_REFERENCE = /^\s*PAGEREF\s+(\S+)/;

/** The bookmark a run's PAGEREF field refers to, when the run holds one (docx writes each in a single run). */
function pageReferenceOf(run: unknown[]): string | undefined {
  for (const child of run) {
    const instruction = (child as IXmlableObject)['w:instrText'];
    if (!Array.isArray(instruction)) continue;
    const text = instruction.find((part): part is string => typeof part === 'string');
    const match = text === undefined ? null : PAGE_REFERENCE.exec(text);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * A copy of part of a formatted body in which each page-reference field to one of the given bookmarks is plain text:
 * the page number given for it. docx's layout engine then lays out a table of contents whose entries point past what
 * it is given with numbers of the right width, so that entries wrap as they will with their numbers. The part given
 * is not changed; what has no such field is shared with it, not copied.
 */
export function withLiteralPageReferences(node: unknown, pages: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(node)) {
    let changed = false;
    const copy = node.map((child) => {
      const replaced = withLiteralPageReferences(child, pages);
      if (replaced !== child) changed = true;
      return replaced;
    });
    return changed ? copy : node;
  }
  if (typeof node !== 'object' || node === null) return node;
  const element = node as IXmlableObject;
  const run: unknown = element['w:r'];
  if (Array.isArray(run)) {
    const bookmark = pageReferenceOf(run);
    const page = bookmark === undefined ? undefined : pages.get(bookmark);
    if (page === undefined) return node;
    const properties = run.filter((child) => typeof child === 'object' && child !== null && 'w:rPr' in child);
    return { 'w:r': [...properties, { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, page] }] };
  }
  let changed = false;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(element)) {
    const replaced = key === '_attr' ? value : withLiteralPageReferences(value, pages);
    if (replaced !== value) changed = true;
    copy[key] = replaced;
  }
  return changed ? copy : node;
}
