import { isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';

/**
 * The pack config with `edition` (and `data_year`, where the config writes it) set for another edition.
 * Only the two values change, in place: found through the YAML document's node ranges and spliced into the
 * text, so that every comment, blank line and the coordinator's layout stay exactly as they were. Returns
 * undefined when the config is not a block of `key: value` lines whose `edition` is a plain value.
 */
export function setConfigEdition(text: string, edition: string, dataYear: number): string | undefined {
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
  for (const { node, value } of edits) out = out.slice(0, node.range![0]) + value + out.slice(node.range![1]);
  return out;
}

function valueOf(items: Pair[], key: string): Node | undefined {
  const pair = items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return pair ? ((pair.value as Node | null) ?? undefined) : undefined;
}
