import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';

/**
 * Clears a reviewer's flags without approving the item: each reviewer comment (`{ note, author, date }`) not yet
 * cleared gets `resolved: DATE` and `resolved_by: NAME` on the lines after its last field. The comment stays in the
 * file as history; the item goes back to "awaiting review". Returns undefined when the notes are not laid out as
 * block mappings that can be edited line by line, and the text unchanged when there is no flag to clear.
 */
export function clearFlags(text: string, reviewer: string, date: string): string | undefined {
  const source = text.endsWith('\n') ? text : `${text}\n`;
  const doc = parseDocument(source);
  const root = doc.contents;
  if (!isMap(root) || root.flow === true || doc.errors.length > 0) return undefined;
  const notes = (root.items as Pair[]).find((p) => isScalar(p.key) && String(p.key.value) === 'review_notes')?.value as Node | null | undefined;
  if (!notes) return source;
  if (!isSeq(notes)) return undefined;
  const inserts: { at: number; text: string }[] = [];
  for (const entry of notes.items as Node[]) {
    if (!isMap(entry)) continue;
    const pairs = entry.items as Pair[];
    const field = (key: string) => pairs.find((p) => isScalar(p.key) && String(p.key.value) === key);
    const author = field('author')?.value;
    if (!isScalar(author) || typeof author.value !== 'string' || author.value.trim() === '' || field('resolved')) continue;
    if (entry.flow === true) return undefined;
    const firstKey = pairs[0].key as Node;
    const last = pairs[pairs.length - 1].value as Node | null;
    if (!firstKey.range || !last?.range) return undefined;
    const indent = ' '.repeat(firstKey.range[0] - (source.lastIndexOf('\n', firstKey.range[0] - 1) + 1));
    const end = last.range[1] > 0 && source[last.range[1] - 1] === '\n' ? last.range[1] : source.indexOf('\n', last.range[1]) + 1;
    inserts.push({ at: end, text: `${indent}resolved: ${JSON.stringify(date)}\n${indent}resolved_by: ${JSON.stringify(reviewer)}\n` });
  }
  let out = source;
  for (const insert of inserts.reverse()) out = out.slice(0, insert.at) + insert.text + out.slice(insert.at);
  return out;
}
