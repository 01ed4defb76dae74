import { nodeAt, type DataPath } from '../parse/yaml-source';
import { baseItemProperties } from '../schemas/item-base';
import type { Check } from './check';

/** The YAML 1.1 spellings of true and false that YAML 1.2 reads as plain text. */
const YAML11_BOOLEAN = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
const TRUE_WORDS = /^(y|yes|on)$/i;

/**
 * Data paths of every boolean field of an item, read from the item schema so that a boolean field added
 * later is covered without touching this rule. `*` stands for any list index.
 */
function booleanPaths(properties: Record<string, unknown>, prefix: string[] = []): string[][] {
  const paths: string[][] = [];
  for (const [name, schema] of Object.entries(properties)) {
    if (!schema || typeof schema !== 'object') continue;
    const s = schema as { type?: unknown; properties?: Record<string, unknown>; items?: { properties?: Record<string, unknown> } };
    if (s.type === 'boolean') paths.push([...prefix, name]);
    if (s.properties) paths.push(...booleanPaths(s.properties, [...prefix, name]));
    if (s.items?.properties) paths.push(...booleanPaths(s.items.properties, [...prefix, name, '*']));
  }
  return paths;
}

const BOOLEAN_PATHS = booleanPaths(baseItemProperties());

/** Every value at a path pattern, with its concrete data path. */
function valuesAt(data: unknown, pattern: readonly string[], path: (string | number)[] = []): Array<{ path: DataPath; value: unknown }> {
  if (pattern.length === 0) return [{ path, value: data }];
  const [head, ...rest] = pattern;
  if (head === '*') return Array.isArray(data) ? data.flatMap((entry, i) => valuesAt(entry, rest, [...path, i])) : [];
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !Object.hasOwn(data, head)) return [];
  return valuesAt((data as Record<string, unknown>)[head], rest, [...path, head]);
}

/**
 * `confidential: yes` (unquoted) was true in YAML 1.1, and many editors and older tools still write it; in
 * YAML 1.2, which impact-pack reads, it is the text "yes". The schema says a boolean is expected; this rule says why
 * and what to write, because a confidential item silently treated as public is the costly mistake.
 */
export const booleanWords: Check = {
  name: 'boolean-words',
  description: 'Boolean fields are written true or false, not yes/no/on/off.',
  codes: ['YAML_BOOLEAN_WORD'],
  run(ctx) {
    for (const p of ctx.items) {
      for (const pattern of BOOLEAN_PATHS) {
        for (const { path, value } of valuesAt(p.item, pattern)) {
          if (typeof value !== 'string' || !YAML11_BOOLEAN.test(value)) continue;
          // Only the bare word was ever a boolean; "yes" in quotes was text in YAML 1.1 too.
          const node = nodeAt(p.source, path).node;
          if (node?.kind !== 'scalar' || !node.plain) continue;
          const meant = TRUE_WORDS.test(value) ? 'true' : 'false';
          ctx.report('YAML_BOOLEAN_WORD', `${path.join('.')}: ${value} is the text "${value}" in YAML 1.2, not a boolean; write ${meant}.`, { item: p, path });
        }
      }
    }
  },
};
