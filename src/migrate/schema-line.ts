/**
 * The `# yaml-language-server: $schema=…evidence-item.<edition>.schema.json` line that editors read, pointed at
 * another edition's item schema. Only that line changes; a file without one is returned as it is. The line may
 * name a local copy (../../schemas/…) or the published URL; either keeps its form.
 */
const SCHEMA_LINE = /^(#[ \t]*yaml-language-server:[ \t]*\$schema=\S*?evidence-item\.)(\d{4})(\.schema\.json[ \t]*)$/m;

export function schemaLineEdition(text: string): string | undefined {
  return SCHEMA_LINE.exec(text)?.[2];
}

export function setSchemaLineEdition(text: string, edition: string): string {
  return text.replace(SCHEMA_LINE, (_all, head: string, _old: string, tail: string) => `${head}${edition}${tail}`);
}
