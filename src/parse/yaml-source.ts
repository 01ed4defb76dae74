import { Composer, LineCounter, Parser, visit, type CST, type Document } from 'yaml';
import type { Code } from '../diagnostics/codes';
import type { Diagnostic, Position, StageResult } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import { walkDocument } from './document-walk';
import type { OutlineNode, Span } from './source-outline';
import { describeCharacter, findWrittenInvisibleCharacters } from './text-characters';
import { MAX_ENTRIES, MAX_NESTING_DEPTH, measureYamlShape } from './yaml-shape';
import { otherVersionDirectives, READ_AS_VERSION, withoutDirectives } from './yaml-version';

/**
 * A parsed YAML file with everything needed to turn a data path back into a line and column. Kept for every
 * item until the end of a run, so it holds an outline of positions rather than yaml's document (see
 * source-outline.ts).
 */
export interface YamlSource {
  /** Pack-relative POSIX path. */
  file: string;
  text: string;
  /** Where each node of the (first) document is written; undefined when it has none. */
  outline: OutlineNode | undefined;
  lineCounter: LineCounter;
  /** Plain data; undefined when the file could not be turned into data. */
  data: unknown;
}

/** A parsed file with yaml's composed document, for checks that need YAML's own nodes while parsing (item.ts). */
export interface ParsedYaml {
  source: YamlSource;
  doc: Document.Parsed;
}

export type DataPath = ReadonlyArray<string | number>;

/** Protects against alias-expansion bombs ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses text as YAML 1.2. Syntax errors, duplicate keys, multi-document files, YAML 1.1 features, keys
 * that are not text, invisible characters and files too deep or too large to compose are all reported
 * with positions; nothing throws for bad input, and no input makes the parse run away (see yaml-shape.ts).
 */
export function parseYamlSource(file: string, rawText: string): StageResult<YamlSource | undefined> {
  const parsed = parseYamlDocument(file, rawText);
  return { value: parsed.value?.source, diagnostics: parsed.diagnostics };
}

/** parseYamlSource, with the composed document as well; the caller should not keep the document. */
export function parseYamlDocument(file: string, rawText: string): StageResult<ParsedYaml | undefined> {
  // A byte-order mark is invisible in editors but would shift every column by one.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lineCounter = new LineCounter();
  const at = (offset: number): { file: string; line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  const span = (range: readonly [number, number] | readonly number[]): { file: string } & Position => {
    const a = lineCounter.linePos(range[0]);
    const b = lineCounter.linePos(Math.max(range[0], range[1]));
    return { file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  };
  const diagnostics: Diagnostic[] = [];

  const tokens: CST.Token[] = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const shape = measureYamlShape(tokens);
  if (shape.tooDeepAt !== undefined) {
    const message = `The file nests lists and maps more than ${MAX_NESTING_DEPTH} levels deep; it was not read further.`;
    return { value: undefined, diagnostics: [diagnostic('YAML_TOO_DEEP', message, at(shape.tooDeepAt))] };
  }
  if (shape.entries > MAX_ENTRIES) {
    const largest = shape.largest ?? { offset: 0, entries: shape.entries };
    const message = `The file holds ${shape.entries} map and list entries (the largest block here has ${largest.entries}); at most ${MAX_ENTRIES} are read.`;
    return { value: undefined, diagnostics: [diagnostic('YAML_TOO_MANY_ENTRIES', message, at(largest.offset))] };
  }

  const directives = otherVersionDirectives(tokens);
  for (const d of directives) {
    diagnostics.push(
      diagnostic('YAML_VERSION_IGNORED', `The file declares %YAML ${d.declared}; impact-pack reads every file as YAML ${READ_AS_VERSION}, so this line is ignored.`, at(d.offset)),
    );
  }
  // Offsets are unchanged by blanking, so the line counter filled by the first parse still applies.
  const composeFrom = directives.length > 0 ? Array.from(new Parser().parse(withoutDirectives(text, directives))) : tokens;
  // logLevel 'error': yaml would print a Node warning on stderr for a map used as a key; key-types.ts reports it as a diagnostic with its position.
  const docs = Array.from(new Composer({ version: READ_AS_VERSION, uniqueKeys: false, merge: false, logLevel: 'error' }).compose(composeFrom));

  const doc = docs[0] as Document.Parsed | undefined;
  // One walk over the document finds what is reported below and builds the outline of positions.
  const walked = doc && walkDocument(doc, text);
  const invisible = [...findWrittenInvisibleCharacters(text), ...(walked?.escapedCharacters ?? [])].sort((a, b) => a.offset - b.offset);
  for (const c of invisible) {
    const code: Code = c.kind === 'control' ? 'TEXT_CONTROL_CHARACTER' : 'TEXT_BIDI_CONTROL';
    const what = c.kind === 'control' ? 'an invisible control character' : 'an invisible character that reorders the text displayed after it';
    diagnostics.push(diagnostic(code, `The text holds ${describeCharacter(c.codePoint)}, ${what}.`, at(c.offset)));
  }
  if (!doc || !walked) {
    return { value: undefined, diagnostics: [...diagnostics, diagnostic('YAML_NOT_A_MAP', 'The file is empty.', { file, line: 1, column: 1 })] };
  }
  if (docs.length > 1) {
    const second = docs[1] as Document.Parsed;
    diagnostics.push(diagnostic('YAML_MULTIPLE_DOCUMENTS', 'The file holds more than one YAML document (separated by ---).', at(second.range[0])));
  }
  for (const error of doc.errors) {
    const code: Code = error.code === 'TAB_AS_INDENT' ? 'YAML_TAB_INDENT' : 'YAML_SYNTAX';
    diagnostics.push(diagnostic(code, firstLine(error.message), span(error.pos)));
  }
  for (const warning of doc.warnings) {
    diagnostics.push(diagnostic('YAML_WARNING', firstLine(warning.message), at(warning.pos[0])));
  }
  for (const d of walked.duplicateKeys) {
    const first = lineCounter.linePos(d.firstAt);
    diagnostics.push(
      diagnostic('YAML_DUPLICATE_KEY', `The key "${d.key}" is written twice in this block (first on line ${first.line}); only the last value would be kept.`, span(d.range)),
    );
  }
  for (const k of walked.changedKeys) {
    const message =
      k.kind === 'collection'
        ? `The key ${k.written} is a list or map; keys must be text.`
        : `The key ${k.written} is read as ${k.kind === 'null' ? 'null' : `the ${k.kind} ${k.readAs}`}, so it becomes "${k.readAs}"; write "${k.written}" in quotes to keep it as written.`;
    diagnostics.push(diagnostic(k.kind === 'collection' ? 'YAML_KEY_COLLECTION' : 'YAML_KEY_NOT_TEXT', message, span(k.range)));
  }
  for (const m of walked.mergeKeys) {
    diagnostics.push(diagnostic('YAML_MERGE_KEY', 'Merge keys (<<) are not part of YAML 1.2, so nothing is merged here; write the fields out.', span(m.range)));
  }

  let data: unknown;
  // Duplicate keys, merge keys and the like leave a usable document, so the other checks still run on it.
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      diagnostics.push(
        diagnostic('YAML_ALIAS_LIMIT', `The file could not be expanded: ${firstLine(String((error as Error).message))}`, at(firstAliasOffset(doc))),
      );
    }
  }
  return { value: { source: { file, text, outline: walked.outline, lineCounter, data }, doc }, diagnostics };
}

/** Where the first alias (*name) is written: the place to start reading an expansion bomb. */
function firstAliasOffset(doc: Document.Parsed): number {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      if (alias.range && (offset === undefined || alias.range[0] < offset)) offset = alias.range[0];
    },
  });
  return offset ?? 0;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** The node at a data path, and the key it is the value of; map keys compare as text, so that numeric keys like `2024:` are found too. */
export function nodeAt(source: YamlSource, path: DataPath): { node?: OutlineNode; key?: Span } {
  let node = source.outline;
  let key: Span | undefined;
  for (const segment of path) {
    if (node?.kind === 'map') {
      const name = String(segment);
      // The first of duplicate keys, where a reader looks first.
      const entry = node.entries.find((e) => e.name === name);
      if (!entry) return { node: undefined, key };
      key = { start: entry.keyStart, end: entry.keyEnd };
      node = entry.value;
      if (node === undefined) return { node: undefined, key };
    } else if (node?.kind === 'seq') {
      node = node.items[Number(segment)];
      key = undefined;
      if (node === undefined) return { node: undefined };
    } else {
      return { node: undefined, key };
    }
  }
  return { node, key };
}

/**
 * Line and column of a data path: the value when it exists, else the key, else the nearest existing parent.
 * `at: 'key'` points at the key instead (used for unknown fields).
 */
export function locate(source: YamlSource, path: DataPath, at: 'value' | 'key' = 'value'): Position {
  for (let depth = path.length; depth >= 0; depth--) {
    const { node, key } = nodeAt(source, path.slice(0, depth));
    // A map or list value starts on the line after its key; the key's line is where a reader looks.
    const collection = node?.kind === 'map' || node?.kind === 'seq';
    const target = (at === 'key' && depth === path.length && key) || (collection && key) ? key : (node ?? key);
    if (target) return rangeToPosition(source, target.start, target.end);
  }
  return { line: 1, column: 1 };
}

export function rangeToPosition(source: YamlSource, start: number, end: number): Position {
  const a = source.lineCounter.linePos(start);
  const b = source.lineCounter.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}
