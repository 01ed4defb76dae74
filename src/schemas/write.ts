import { listEditions, loadCatalogue } from '../criteria/load';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { baseItemSchema } from './item-base';
import { packConfigSchema } from './config-schema';
import { itemSchemaForEdition } from './item-edition';

/** Stable JSON text for a schema file (two-space indent, trailing newline), so diffs stay readable. */
export function schemaText(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * Every schema committed under schemas/, by file name, generated from the catalogue. The committed copies
 * exist for editors; a test fails when they drift from what this function produces.
 */
export function generatedSchemas(): { files: Map<string, string>; diagnostics: Diagnostic[] } {
  const files = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const editions = listEditions();
  files.set('evidence-item.schema.json', schemaText(baseItemSchema()));
  files.set('pack-config.schema.json', schemaText(packConfigSchema(editions)));
  for (const edition of editions) {
    const cat = loadCatalogue(edition);
    diagnostics.push(...cat.diagnostics);
    if (cat.value) files.set(`evidence-item.${edition}.schema.json`, schemaText(itemSchemaForEdition(cat.value)));
  }
  return { files, diagnostics };
}

/**
 * The schemas one pack uses, by file name: its config's and its edition's evidence items' (the files that
 * `init` writes into the pack's schemas/ folder and that its `# yaml-language-server: $schema=` lines name).
 */
export function packSchemas(catalogue: Parameters<typeof itemSchemaForEdition>[0], editions: string[]): Map<string, string> {
  return new Map([
    ['pack-config.schema.json', schemaText(packConfigSchema(editions))],
    [`evidence-item.${catalogue.edition}.schema.json`, schemaText(itemSchemaForEdition(catalogue))],
  ]);
}
