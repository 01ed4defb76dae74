import { isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';

/**
 * Sets (or, with undefined, removes) one top-level scalar of an evidence file, changing only that line so the
 * coordinator's layout and comments stay as they were. A string is written double-quoted (JSON's escaping is
 * valid YAML), so no value can break the structure. Returns undefined when the file is not a block mapping,
 * or the key holds something other than a plain scalar: the caller then says to edit by hand.
 */
export function setTopLevelField(text: string, key: string, value: string | boolean | undefined): string | undefined {
  const source = text.endsWith('\n') ? text : `${text}\n`;
  const doc = parseDocument(source);
  const root = doc.contents;
  if (!isMap(root) || root.flow === true || doc.errors.length > 0) return undefined;
  const items = root.items as Pair[];
  const index = items.findIndex((p) => isScalar(p.key) && String(p.key.value) === key);
  const written = typeof value === 'string' ? JSON.stringify(value) : String(value);
  if (index < 0) return value === undefined ? source : `${source}${key}: ${written}\n`;
  const pair = items[index];
  const node = pair.value as Node | null;
  const keyNode = pair.key as Node;
  if (node !== null && !isScalar(node)) return undefined;
  if (value !== undefined && node?.range) return source.slice(0, node.range[0]) + written + source.slice(node.range[1]);
  if (!keyNode.range) return undefined;
  // Removal (or a key without a value): from the key's line to the end of the value's last line, so that a
  // comment above the next key stays with it.
  const start = source.lastIndexOf('\n', keyNode.range[0] - 1) + 1;
  const last = node?.range ? node.range[1] : keyNode.range[1];
  const newline = source.indexOf('\n', Math.max(last - 1, keyNode.range[1]));
  const end = newline < 0 ? source.length : newline + 1;
  const removed = source.slice(0, start) + source.slice(end);
  return value === undefined ? removed : `${removed}${key}: ${written}\n`;
}
