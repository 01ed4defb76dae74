import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { YamlSource } from '../parse/yaml-source';
import { validateWithSchema } from '../validate/schema-errors';
import { CATALOGUE_HINT, describeEntry } from './catalogue-diagnostic';

/**
 * Checks a parsed catalogue file against schemas/criteria.schema.json with the same error mapping as
 * evidence items (positions through the YAML node tree), naming catalogue entries in the messages.
 */

/** The schema ships with the package next to criteria/; resolved from src/criteria (ts-jest) and dist/criteria alike. */
export const CRITERIA_SCHEMA_PATH = path.resolve(__dirname, '../../schemas/criteria.schema.json');

let schema: Record<string, unknown> | undefined;

function criteriaSchema(): Record<string, unknown> {
  // A missing or unparsable shipped schema is a broken installation, i.e. a bug, so this may throw.
  schema ??= JSON.parse(fs.readFileSync(CRITERIA_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  return schema;
}

export function validateCatalogueFile(source: YamlSource): Diagnostic[] {
  return validateWithSchema(criteriaSchema(), source.data, {
    source,
    subject: 'catalogue',
    hint: CATALOGUE_HINT,
    // Name the catalogue entry ("Metric 6.2.1: field "weight"") rather than the raw path into the file.
    name: (path) => {
      const { entry, field } = describeEntry(source.data, path);
      const owner = entry.charAt(0).toUpperCase() + entry.slice(1);
      return field ? `${owner}: field "${field}"` : owner;
    },
  });
}
