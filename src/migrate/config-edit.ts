import { isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';

/**
 * The pack config with `edition` (and `data_year`, where the config writes it) set for another edition.
 * Only the two values change, in place: found through the YAML document's node ranges and spliced into the
 * text, so that every comment, blank line and the coordinator's layout stay exactly as they were. Returns
 * undefined when the config is not a block of `key: value` lines whose `edition` is a plain value.
 */
export function setConfigEdition(text: string, edition: string, dataYear: number, described?: EditionWords): string | undefined {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.flow === true) return undefined;
  const items = doc.contents.items as Pair[];
  const edits: { node: Node; value: string }[] = [];
  const editionNode = valueOf(items, 'edition');
  if (!isScalar(editionNode) || !editionNode.range) return undefined;
  edits.push({ node: editionNode, value: `"${edition}"` });
  const yearNode = valueOf(items, 'data_year');
  if (yearNode !== undefined) {
    if (!isScalar(yearNode) || !yearNode.range) return undefined;
    edits.push({ node: yearNode, value: String(dataYear) });
  }
  // From the end of the text backwards, so that earlier offsets stay valid.
  edits.sort((a, b) => b.node.range![0] - a.node.range![0]);
  let out = text;
  for (const { node, value } of edits) {
    const end = node.range![1];
    const lineEnd = out.indexOf('\n', end) === -1 ? out.length : out.indexOf('\n', end);
    // A comment on the same line that names the old edition (as init writes one) would now say the wrong thing.
    const rest = described ? renameInComment(out.slice(end, lineEnd), described) : out.slice(end, lineEnd);
    out = out.slice(0, node.range![0]) + value + rest + out.slice(lineEnd);
  }
  return out;
}

/** How each edition names itself: its title (e.g. "THE Impact Rankings 2024"), edition and data year. */
export interface EditionWords {
  from: { title: string; edition: string; dataYear: number };
  to: { title: string; edition: string; dataYear: number };
}

/** The trailing `# …` comment of a line with the old edition's title, edition and data year replaced by the new ones. */
function renameInComment(rest: string, words: EditionWords): string {
  const hash = rest.search(/\s#/);
  if (hash === -1) return rest;
  const word = (value: string | number) => new RegExp(`\\b${String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
  const comment = rest
    .slice(hash)
    .split(words.from.title)
    .join(words.to.title)
    .replace(word(`data year ${words.from.dataYear}`), `data year ${words.to.dataYear}`);
  return rest.slice(0, hash) + (words.from.title.includes(words.from.edition) ? comment : comment.replace(word(words.from.edition), words.to.edition));
}

function valueOf(items: Pair[], key: string): Node | undefined {
  const pair = items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return pair ? ((pair.value as Node | null) ?? undefined) : undefined;
}
