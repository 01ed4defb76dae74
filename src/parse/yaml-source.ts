import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { Diagnostic, Position, StageResult } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';

/** A parsed YAML file with everything needed to turn a data path back into a line and column. */
export interface YamlSource {
  /** Pack-relative POSIX path. */
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain data; undefined when the file could not be turned into data. */
  data: unknown;
}

export type DataPath = ReadonlyArray<string | number>;

/** Protects against alias-expansion bombs ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses YAML 1.2 text. Syntax errors, duplicate keys and multi-document files are reported with positions;
 * nothing throws for bad input.
 */
export function parseYamlSource(file: string, rawText: string): StageResult<YamlSource | undefined> {
  // A byte-order mark is invisible in editors but would shift every column by one.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: true, merge: false });
  const diagnostics: Diagnostic[] = [];
  const list = Array.isArray(docs) ? docs : [];
  if (list.length === 0) {
    return { value: undefined, diagnostics: [diagnostic('YAML_NOT_A_MAP', 'The file is empty.', { file, line: 1, column: 1 })] };
  }
  const doc = list[0] as Document.Parsed;
  if (list.length > 1) {
    const second = list[1] as Document.Parsed;
    const pos = lineCounter.linePos(second.range[0]);
    diagnostics.push(
      diagnostic('YAML_MULTIPLE_DOCUMENTS', 'The file holds more than one YAML document (separated by ---).', { file, line: pos.line, column: pos.col }),
    );
  }
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(end);
    const code = error.code === 'DUPLICATE_KEY' ? 'YAML_DUPLICATE_KEY' : 'YAML_SYNTAX';
    diagnostics.push(
      diagnostic(code, firstLine(error.message), { file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col }),
    );
  }
  for (const warning of doc.warnings) {
    const a = lineCounter.linePos(warning.pos[0]);
    diagnostics.push(diagnostic('YAML_WARNING', firstLine(warning.message), { file, line: a.line, column: a.col }));
  }
  let data: unknown;
  // A duplicate key leaves a usable document, so the other checks still run on it.
  if (doc.errors.every((e) => e.code === 'DUPLICATE_KEY')) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      diagnostics.push(
        diagnostic('YAML_ALIAS_LIMIT', `The file could not be expanded: ${firstLine(String((error as Error).message))}`, { file, line: 1, column: 1 }),
      );
    }
  }
  return { value: { file, text, doc, lineCounter, data }, diagnostics };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** The node at a data path, comparing map keys as text so that numeric keys like `2024:` are found too. */
export function nodeAt(source: YamlSource, path: DataPath): { node?: Node; key?: Node } {
  let node: unknown = source.doc.contents;
  let key: Node | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return { node: undefined, key };
      key = pair.key as Node;
      node = pair.value ?? undefined;
      if (node === undefined) return { node: undefined, key };
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
      key = undefined;
      if (node === undefined) return { node: undefined };
    } else {
      return { node: undefined, key };
    }
  }
  return { node: node as Node | undefined, key };
}

/**
 * Line and column of a data path: the value when it exists, else the key, else the nearest existing parent.
 * `at: 'key'` points at the key instead (used for unknown fields).
 */
export function locate(source: YamlSource, path: DataPath, at: 'value' | 'key' = 'value'): Position {
  for (let depth = path.length; depth >= 0; depth--) {
    const { node, key } = nodeAt(source, path.slice(0, depth));
    // A map or list value starts on the line after its key; the key's line is where a reader looks.
    const collection = isMap(node) || isSeq(node);
    const target = (at === 'key' && depth === path.length && key) || (collection && key) ? key : node?.range ? node : key;
    if (target?.range) return rangeToPosition(source, target.range[0], target.range[1]);
  }
  return { line: 1, column: 1 };
}

export function rangeToPosition(source: YamlSource, start: number, end: number): Position {
  const a = source.lineCounter.linePos(start);
  const b = source.lineCounter.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}
