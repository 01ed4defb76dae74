import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { sha256 } from '../incremental/digest';

/**
 * Schema validators compiled ahead of time (`npm run build` → scripts/precompile.js), as ajv standalone
 * modules named by the SHA-256 of the schema's JSON. Compiling the item schema of an edition (about 170
 * per-metric rules) took 0.2–0.4 s of every `validate`; requiring its compiled module takes 20 ms and gives
 * the same errors. A schema that changed since the build has another digest, finds no module, and is
 * compiled as before, so a stale build can never validate against an old schema.
 */

/** dist/precompiled/validators, from src/validate (ts-jest) or dist/validate alike. */
export const VALIDATORS_DIR = path.resolve(__dirname, '../../dist/precompiled/validators');

export function schemaDigest(schema: Record<string, unknown>): string {
  return sha256(JSON.stringify(schema));
}

export function precompiledValidator(schema: Record<string, unknown>, dir = VALIDATORS_DIR): ValidateFunction | undefined {
  const file = path.join(dir, `${schemaDigest(schema)}.js`);
  if (!existsSync(file)) return undefined;
  const loaded = require(file) as { default?: ValidateFunction } | ValidateFunction;
  return typeof loaded === 'function' ? loaded : loaded.default;
}

/** Writes the standalone module of one schema; `ajv` must have been created with `code: { source: true }`. */
export function writePrecompiledValidator(ajv: Ajv, schema: Record<string, unknown>, dir = VALIDATORS_DIR): string {
  const validate = ajv.compile(schema);
  // Required here, not at the top: only the build writes modules, and `validate` should not load the generator.
  const standaloneCode = (require('ajv/dist/standalone') as typeof import('ajv/dist/standalone')).default;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${schemaDigest(schema)}.js`);
  writeFileSync(file, standaloneCode(ajv, validate));
  return file;
}
