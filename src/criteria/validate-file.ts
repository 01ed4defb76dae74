import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Code } from '../diagnostics/codes';
import { locate, type DataPath, type YamlSource } from '../parse/yaml-source';
import { catalogueDiagnostic, describeEntry } from './catalogue-diagnostic';

/**
 * Checks a parsed catalogue file against schemas/criteria.schema.json. Every ajv error becomes a diagnostic
 * positioned through the YAML node tree: a missing field points at the map that should hold it,
 * an unknown field at its key, anything else at the offending value.
 */

/** The schema ships with the package next to criteria/; resolved from src/criteria (ts-jest) and dist/criteria alike. */
export const CRITERIA_SCHEMA_PATH = path.resolve(__dirname, '../../schemas/criteria.schema.json');

let validator: ValidateFunction | undefined;

function criteriaValidator(): ValidateFunction {
  if (!validator) {
    // A missing or unparsable shipped schema is a broken installation, i.e. a bug, so this may throw.
    const schema = JSON.parse(fs.readFileSync(CRITERIA_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    // strict: false because the schema's if/then rules name properties without restating their types.
    const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
    validator = ajv.compile(schema);
  }
  return validator;
}

export function validateCatalogueFile(source: YamlSource): Diagnostic[] {
  const validate = criteriaValidator();
  if (validate(source.data)) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    // An `if` failure only announces that its `then` failed; the `then` error says what is wrong.
    if (error.keyword === 'if') continue;
    const d = toDiagnostic(error, source);
    const key = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function toDiagnostic(error: ErrorObject, source: YamlSource): Diagnostic {
  const dataPath = pointerToPath(error.instancePath);
  const { entry, field } = describeEntry(source.data, dataPath);
  const owner = capitalise(entry);
  const subject = field ? `${owner}: field "${field}"` : owner;
  const params = error.params as Record<string, unknown>;
  let code: Code = 'SCHEMA_INVALID';
  let message: string;
  let position = locate(source, dataPath);
  switch (error.keyword) {
    case 'required':
      code = 'SCHEMA_REQUIRED';
      message = `${owner}: required field "${below(field, String(params.missingProperty))}" is missing.`;
      break;
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      code = 'SCHEMA_UNKNOWN_FIELD';
      message = `${owner}: unknown field "${below(field, extra)}".`;
      position = locate(source, [...dataPath, extra], 'key');
      break;
    }
    case 'type':
      code = 'SCHEMA_TYPE';
      message = `${subject} must be of type ${String(params.type).replace(',', ' or ')}${quotedIdHint(dataPath)}.`;
      break;
    case 'enum':
    case 'const': {
      code = 'SCHEMA_ENUM';
      const allowed = error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue];
      message = `${subject} must be one of: ${allowed.map(String).join(', ')}.`;
      break;
    }
    case 'false schema':
      // The schema forbids this field for the entry's kind, e.g. answer options on a numeric metric.
      code = 'SCHEMA_UNKNOWN_FIELD';
      message = `${owner}: field "${field}" does not apply to this kind of entry.`;
      position = locate(source, dataPath, 'key');
      break;
    case 'pattern':
      code = 'SCHEMA_FORMAT';
      message = `${subject} does not match the pattern ${String(params.pattern)}.`;
      break;
    default:
      message = `${subject} ${error.message ?? 'is not valid'}.`;
  }
  return catalogueDiagnostic(code, message, source.file, position);
}

/** An unquoted id like 6.10 reaches us as the number 6.1; say so rather than only "must be string". */
function quotedIdHint(dataPath: DataPath): string {
  return dataPath[dataPath.length - 1] === 'id' ? ' (write ids in quotes: YAML reads 6.10 as the number 6.1)' : '';
}

function pointerToPath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A field name below another one, e.g. "policy_window.basis". */
function below(parent: string, name: string): string {
  return parent ? `${parent}.${name}` : name;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
