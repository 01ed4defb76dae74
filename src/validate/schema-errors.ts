import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import type { Code } from '../diagnostics/codes';
import { locate, type DataPath, type YamlSource } from '../parse/yaml-source';
import { precompiledValidator } from './precompiled-validators';

/**
 * Validates data against a JSON Schema and maps every ajv error to a diagnostic positioned through
 * the YAML node tree (never by searching the text): `required` points at the owning map,
 * an unknown field at its key, anything else at the offending value.
 */

// verbose: errors carry the offending value, so messages can tell a number from text.
export const AJV_OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true, verbose: true } as const;
let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

export function validatorFor(schema: Record<string, unknown>): ValidateFunction {
  const id = String(schema.$id ?? '');
  let fn = id ? compiled.get(id) : undefined;
  if (!fn) {
    fn = precompiledValidator(schema) ?? (ajv ??= new Ajv2020(AJV_OPTIONS)).compile(schema);
    if (id) compiled.set(id, fn);
  }
  return fn;
}

export interface SchemaContext {
  source: YamlSource;
  /** Names used in messages, e.g. "item" or "pack config". */
  subject: string;
  itemId?: string;
  sdg?: number;
  metric?: string;
  /** Lets a caller drop errors that a more specific rule reports better. */
  skip?: (error: ErrorObject) => boolean;
  /** Names a data path in messages; by default the field path in quotes ("period.end"). */
  name?: (path: DataPath) => string;
  /** One hint for every diagnostic, for files whose problems are not the coordinator's (the criteria catalogue). */
  hint?: string;
  /** Only item files have per-metric requirements (named values, policy dates) with codes of their own. */
  metricRequirements?: boolean;
}

export function validateWithSchema(schema: Record<string, unknown>, data: unknown, ctx: SchemaContext): Diagnostic[] {
  const validate = validatorFor(schema);
  if (validate(data)) return [];
  const errors = (validate.errors ?? []).filter((e) => !isNoise(e) && !(ctx.skip?.(e) ?? false));
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of collapseAnyOf(errors)) {
    const d = toDiagnostic(error, ctx);
    const key = `${d.code}|${d.line}|${d.column}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

/** `if` errors only restate that a `then` failed; the `then` error itself says what is wrong. */
function isNoise(e: ErrorObject): boolean {
  return e.keyword === 'if';
}

/**
 * An anyOf (text or a group of fields) yields one error per branch plus the anyOf itself. When the value
 * took the shape of one branch, that branch's own errors say what is wrong; otherwise one anyOf error is enough.
 */
function collapseAnyOf(errors: ErrorObject[]): ErrorObject[] {
  let out = errors;
  for (const a of errors.filter((e) => e.keyword === 'anyOf')) {
    const prefix = `${a.schemaPath}/`;
    const inBranch = (e: ErrorObject) => e !== a && e.schemaPath.startsWith(prefix);
    const specific = out.filter((e) => inBranch(e) && !(e.keyword === 'type' && e.instancePath === a.instancePath));
    out = specific.length > 0 ? out.filter((e) => e !== a && (!inBranch(e) || specific.includes(e))) : out.filter((e) => !inBranch(e));
  }
  return out;
}

function pathOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A field as a coordinator would name it: "period.end", "public_urls[0]". */
function describePath(path: DataPath, subject: string): string {
  if (path.length === 0) return `the ${subject}`;
  const name = path.map((p, i) => (typeof p === 'number' || /^\d+$/.test(String(p)) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return `"${name}"`;
}

function toDiagnostic(e: ErrorObject, ctx: SchemaContext): Diagnostic {
  const path = pathOf(e.instancePath);
  const where = ctx.name ? ctx.name(path) : describePath(path, ctx.subject);
  const extra = { itemId: ctx.itemId, sdg: ctx.sdg, metric: ctx.metric };
  const fromThen = ctx.metricRequirements === true && e.schemaPath.includes('/then/');
  let code: Code;
  let message: string;
  let pos;
  let hint: string | undefined;
  switch (e.keyword) {
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      const inValues = ctx.metricRequirements === true && (path[0] === 'values' || (missing === 'values' && fromThen));
      const inPolicy = ctx.metricRequirements === true && (path[0] === 'policy' || (missing === 'policy' && fromThen));
      code = inValues && fromThen ? 'VALUES_MISSING' : inPolicy ? 'POLICY_DATES_REQUIRED' : 'SCHEMA_REQUIRED';
      message =
        code === 'VALUES_MISSING'
          ? `Metric ${ctx.metric ?? ''} is scored from named values; "${missing}" is missing${path.length ? ` in ${where}` : ''}.`
          : code === 'POLICY_DATES_REQUIRED'
            ? `A policy question needs "${missing === 'policy' ? 'policy: { created, last_reviewed }' : missing}"${path.length ? ` in ${where}` : ''}.`
            : `Required field "${missing}" is missing${path.length ? ` in ${where}` : ''}.`;
      pos = locate(ctx.source, path);
      break;
    }
    case 'additionalProperties': {
      const extraKey = String((e.params as { additionalProperty: string }).additionalProperty);
      code = 'SCHEMA_UNKNOWN_FIELD';
      message = `Unknown field "${extraKey}"${path.length ? ` in ${where}` : ''}.`;
      pos = locate(ctx.source, [...path, extraKey], 'key');
      break;
    }
    case 'type': {
      code = 'SCHEMA_TYPE';
      const expected = String((e.params as { type: string | string[] }).type).replace(',', ' or ');
      const last = String(path[path.length - 1] ?? '');
      // An unquoted id like 6.10 reaches us as the number 6.1: saying "must be text" alone would puzzle.
      const quote = (last === 'id' || last === 'metric') && typeof e.data === 'number' ? ' (write it in quotes: YAML reads 6.10 as the number 6.1)' : '';
      message = `${cap(where)} must be ${article(expected)}${quote}.`;
      pos = locate(ctx.source, path);
      break;
    }
    case 'false schema': {
      // The schema forbids the field in this context, e.g. answer options on a numeric metric.
      code = 'SCHEMA_UNKNOWN_FIELD';
      message = `${cap(where)} does not apply here.`;
      pos = locate(ctx.source, path, 'key');
      break;
    }
    case 'const':
    case 'enum': {
      code = 'SCHEMA_ENUM';
      const params = e.params as { allowedValues?: unknown[]; allowedValue?: unknown };
      const allowed = (params.allowedValues ?? [params.allowedValue]).map(String);
      const shown = allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')} …` : allowed.join(', ');
      message = `${cap(where)} must be one of: ${shown}.`;
      pos = locate(ctx.source, path);
      break;
    }
    case 'pattern':
    case 'format': {
      code = 'SCHEMA_FORMAT';
      message = `${cap(where)} is not in the expected format.`;
      hint = hintFor(path);
      pos = locate(ctx.source, path);
      break;
    }
    case 'propertyNames': {
      code = 'SCHEMA_FORMAT';
      const name = String((e.params as { propertyName?: string }).propertyName ?? '');
      message = `Name "${name}" in ${where} must be lowercase letters, digits and underscores, starting with a letter.`;
      pos = locate(ctx.source, [...path, name], 'key');
      break;
    }
    case 'anyOf': {
      code = 'SCHEMA_TYPE';
      message = `${cap(where)} must be text or a group of fields such as { url: ..., label: ... }.`;
      pos = locate(ctx.source, path);
      break;
    }
    case 'minimum':
    case 'maximum': {
      code = 'SCHEMA_INVALID';
      const limit = (e.params as { limit: number }).limit;
      message = `${cap(where)} must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${limit}.`;
      pos = locate(ctx.source, path);
      break;
    }
    case 'minLength':
    case 'minItems': {
      code = 'SCHEMA_INVALID';
      const least = (e.params as { limit: number }).limit;
      message = least <= 1 ? `${cap(where)} must not be empty.` : `${cap(where)} must have at least ${least} ${e.keyword === 'minLength' ? 'characters' : 'entries'}.`;
      pos = locate(ctx.source, path);
      break;
    }
    case 'uniqueItems': {
      // Placed on the repeated (later) entry, which is the one to delete.
      code = 'SCHEMA_INVALID';
      const { i, j } = e.params as { i: number; j: number };
      const [first, repeat] = [Math.min(i, j), Math.max(i, j)];
      message = `${cap(where)} lists the same entry twice (entries ${first + 1} and ${repeat + 1}); remove one.`;
      pos = locate(ctx.source, [...path, repeat]);
      break;
    }
    default: {
      code = 'SCHEMA_INVALID';
      message = `${cap(where)} ${e.message ?? 'is not valid'}.`;
      pos = locate(ctx.source, path);
    }
  }
  return diagnostic(code, message, { file: ctx.source.file, ...pos }, { ...extra, hint: ctx.hint ?? hint });
}

function hintFor(path: DataPath): string | undefined {
  const last = String(path[path.length - 1] ?? '');
  if (['created', 'last_reviewed', 'next_review'].includes(last)) return 'Write a year (2019), a month (2019-09), a full date (2019-09-15), or unknown.';
  if (['start', 'end', 'date'].includes(last)) return 'Write a full date as YYYY-MM-DD, e.g. 2020-09-01.';
  if (last === 'id') return 'Use lowercase letters, digits and hyphens, e.g. sdg07-solar-plant-2020.';
  if (last === 'metric') return 'Write a THE metric id in quotes, e.g. "7.2.1".';
  if (last === 'lines') return 'Write a line range such as "120-135".';
  if (last === 'website') return 'Write the full address, starting with https://.';
  return undefined;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function article(type: string): string {
  const map: Record<string, string> = {
    string: 'text',
    'string or integer': 'text or a whole number',
    integer: 'a whole number',
    number: 'a number',
    'number or null': 'a number or null',
    boolean: 'true or false',
    object: 'a group of fields',
    array: 'a list',
  };
  return map[type] ?? type;
}
