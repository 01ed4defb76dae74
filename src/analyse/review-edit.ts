import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';

/** What a reviewer records on an item: an approval, or a flag with a comment. */
export type ReviewAction =
  | { kind: 'approve'; reviewer: string; date: string; contentHash: string }
  | { kind: 'flag'; reviewer: string; date: string; comment: string };

/**
 * The new text of an evidence file after a review action, changing only the lines concerned so that the
 * coordinator's layout and comments stay as they were:
 * - approve: `status: approved`, and a `sign_off` block (reviewer, date, content hash) replacing any earlier one;
 * - flag: `status: in_review`, the earlier `sign_off` removed (the flag withdraws the approval), and the
 *   comment appended to `review_notes` as `{ note, author, date }`.
 * Returns undefined when the file is not a block mapping this function can edit safely.
 */
export function applyReviewAction(text: string, action: ReviewAction): string | undefined {
  let out = text.endsWith('\n') ? text : `${text}\n`;
  const doc = () => parseDocument(out, { keepSourceTokens: false });
  const root = () => {
    const contents = doc().contents;
    return isMap(contents) && contents.flow !== true ? contents : undefined;
  };
  if (!root()) return undefined;

  out = setScalar(out, root()!.items as Pair[], 'status', action.kind === 'approve' ? 'approved' : 'in_review');
  out = removeTopLevel(out, (root()!.items as Pair[]), 'sign_off');
  if (action.kind === 'approve') {
    out += ['sign_off:', `  reviewer: ${quote(action.reviewer)}`, `  date: ${quote(action.date)}`, `  content_hash: ${quote(action.contentHash)}`, ''].join('\n');
    return out;
  }
  const note = [`note: ${quote(action.comment)}`, `author: ${quote(action.reviewer)}`, `date: ${quote(action.date)}`];
  const pair = findPair(root()!.items as Pair[], 'review_notes');
  if (!pair) return `${out}review_notes:\n  - ${note.join('\n    ')}\n`;
  const seq = pair.value as Node | null;
  if (!isSeq(seq) || seq.flow === true || seq.items.length === 0) return undefined;
  const first = seq.items[0] as Node;
  const last = seq.items[seq.items.length - 1] as Node;
  if (!first.range || !last.range) return undefined;
  // The new entry goes on the line after the last one, at the indentation of the existing dashes.
  const indent = ' '.repeat(Math.max(0, first.range[0] - lineStart(out, first.range[0]) - 2));
  const insertAt = lineEnd(out, last.range[1]);
  const entry = `${indent}- ${note.join(`\n${indent}  `)}\n`;
  return out.slice(0, insertAt) + entry + out.slice(insertAt);
}

function findPair(items: Pair[], key: string): Pair | undefined {
  return items.find((p) => isScalar(p.key) && String(p.key.value) === key);
}

/** Replaces a top-level scalar's value in place, or appends the key when it is absent. */
function setScalar(text: string, items: Pair[], key: string, value: string): string {
  const pair = findPair(items, key);
  const node = pair?.value as Node | null | undefined;
  if (pair && isScalar(node) && node.range) return text.slice(0, node.range[0]) + value + text.slice(node.range[1]);
  if (pair) {
    // A value that is not a plain scalar (say a map) is replaced as a whole.
    const cleaned = removeTopLevel(text, items, key);
    return `${cleaned}${key}: ${value}\n`;
  }
  return `${text}${key}: ${value}\n`;
}

/** Removes a top-level key with its value: from its line to the line of the next key (comments in between go too). */
function removeTopLevel(text: string, items: Pair[], key: string): string {
  const index = items.findIndex((p) => isScalar(p.key) && String(p.key.value) === key);
  if (index < 0) return text;
  const keyNode = items[index].key as Node;
  if (!keyNode.range) return text;
  const start = lineStart(text, keyNode.range[0]);
  const next = items[index + 1]?.key as Node | undefined;
  const end = next?.range ? lineStart(text, next.range[0]) : text.length;
  return text.slice(0, start) + text.slice(end);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  // A node's end may already sit at the start of the next line (after its newline).
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** A double-quoted YAML string (JSON's escaping is valid YAML), so that no value can break the structure. */
function quote(value: string): string {
  return JSON.stringify(value);
}
