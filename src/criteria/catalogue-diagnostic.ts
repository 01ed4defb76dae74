import type { Diagnostic, Position } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import type { Code } from '../diagnostics/codes';
import type { DataPath } from '../parse/yaml-source';

/**
 * Diagnostics about a criteria catalogue file. A broken catalogue is never the coordinator's fault,
 * so every such diagnostic carries the same hint pointing at the catalogue, not at the pack.
 */

export const CATALOGUE_HINT =
  'The criteria catalogue is damaged: this is a problem of the impact-pack installation (or of the catalogue folder passed to it), not of your evidence. Reinstall impact-pack or fix the catalogue file; schemas/criteria.schema.json describes its format.';

/** A catalogue diagnostic for a code that the shared catalogue of codes already documents. */
export function catalogueDiagnostic(code: Code, message: string, file: string, position: Position): Diagnostic {
  return diagnostic(code, message, { file, ...position }, { hint: CATALOGUE_HINT });
}

/** A catalogue that passes the schema but contradicts itself (duplicate ids, an undeclared source). */
export function inconsistency(message: string, file: string, position: Position): Diagnostic {
  return catalogueDiagnostic('CRITERIA_INCONSISTENT', message, file, position);
}

export interface EntryLocation {
  /** The innermost named entry: "metric 6.2.1", "group 6.2", "SDG 6", "point rule policy" or "the catalogue". */
  entry: string;
  /** The path below that entry, e.g. "values[1].name"; empty when the path ends at the entry itself. */
  field: string;
}

/** Turns `sdgs[5].groups[1].metrics[0].weight` into entry "metric 6.2.1" and field "weight". */
export function describeEntry(data: unknown, path: DataPath): EntryLocation {
  let node: unknown = data;
  let entry = 'the catalogue';
  let rest: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const parentKey = i > 0 ? String(path[i - 1]) : '';
    node = isRecord(node) || Array.isArray(node) ? (node as Record<string, unknown>)[String(segment)] : undefined;
    const named = nameOf(parentKey, node, segment);
    if (named) {
      entry = named;
      rest = [];
    } else {
      rest.push(/^\d+$/.test(String(segment)) ? `[${segment}]` : String(segment));
    }
  }
  return { entry, field: rest.join('.').replace(/\.\[/g, '[') };
}

function nameOf(parentKey: string, node: unknown, segment: string | number): string | undefined {
  if (!isRecord(node)) return undefined;
  if (parentKey === 'sdgs') return `SDG ${String(node.number ?? `entry ${Number(segment) + 1}`)}`;
  if (parentKey === 'groups') return `group ${String(node.id ?? `entry ${Number(segment) + 1}`)}`;
  if (parentKey === 'metrics') return `metric ${String(node.id ?? `entry ${Number(segment) + 1}`)}`;
  if (parentKey === 'point_rules') return `point rule ${String(node.question_type ?? `entry ${Number(segment) + 1}`)}`;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
