import { SCHEMA_BASE_URL } from './item-base';

/** A folder inside the pack: relative, forward slashes, never climbing out with `..`. */
const PACK_RELATIVE_FOLDER = {
  type: 'string',
  minLength: 1,
  pattern: '^(?![/~])(?![A-Za-z]:)(?!(.*/)?\\.\\.(/|$))[^\\\\]+$',
} as const;

/** JSON Schema (draft 2020-12) of impact-pack.yaml, committed as schemas/pack-config.schema.json. */
export function packConfigSchema(editions: string[]): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${SCHEMA_BASE_URL}/pack-config.schema.json`,
    title: 'impact-pack pack config (impact-pack.yaml)',
    description: 'Settings of an evidence pack. See docs/pack-config.md.',
    type: 'object',
    additionalProperties: false,
    required: ['institution', 'edition', 'submit'],
    properties: {
      institution: {
        description: 'The submitting institution.',
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { description: 'Name as it should appear on the documents.', type: 'string', minLength: 1 },
          country: { type: 'string' },
          website: { type: 'string', pattern: '^https?://' },
          logo: {
            description: 'Path of a PNG or JPEG logo inside the pack (at most 2 MB), shown on every document cover (docs/documents.md).',
            type: 'string',
          },
        },
      },
      edition: {
        description: `THE edition this pack is for (Impact Rankings up to 2025, Sustainability Impact Ratings from 2026), in quotes. Known: ${editions.join(', ')}.`,
        type: 'string',
        enum: editions,
      },
      data_year: { description: 'Year the evidence describes; THE edition N looks at year N-2.', type: 'integer', minimum: 2000, maximum: 2100 },
      submit: {
        description: 'SDGs to submit. The overall table needs 17 plus at least three others.',
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: { type: 'integer', minimum: 1, maximum: 17 },
      },
      languages: {
        type: 'object',
        additionalProperties: false,
        properties: {
          evidence: { description: 'Language of titles and narratives (en).', type: 'string' },
          sources: { description: 'Languages of the source documents.', type: 'array', items: { type: 'string' } },
        },
      },
      folders: {
        description: 'Folders inside the pack.',
        type: 'object',
        additionalProperties: false,
        properties: {
          items: { description: 'Evidence items (default: items).', ...PACK_RELATIVE_FOLDER },
          files: { description: 'Supporting files (default: files).', ...PACK_RELATIVE_FOLDER },
          templates: { description: 'Template overrides (default: templates).', ...PACK_RELATIVE_FOLDER },
          snapshots: { description: 'Where `impact-pack links --snapshot` saves what public URLs served (default: snapshots).', ...PACK_RELATIVE_FOLDER },
        },
      },
      build_date: {
        description: 'Date printed on the documents and used as "today" by the checks, YYYY-MM-DD. Without it, SOURCE_DATE_EPOCH or the current date is used.',
        type: 'string',
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      },
      facts: {
        description: 'Institution-wide facts declared once (FTE students, staff headcount, floor area…).',
        type: 'object',
        propertyNames: { pattern: '^[a-z][a-z0-9_]*$' },
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          required: ['value', 'unit'],
          properties: {
            value: { type: 'number' },
            unit: { type: 'string', minLength: 1 },
            year: { type: 'integer' },
            as_printed: { type: 'string' },
            source: { type: 'string' },
            note: { type: 'string' },
          },
        },
      },
      supporting_files: {
        description: 'Where supporting files live and what they may be. See docs/supporting-files.md.',
        type: 'object',
        additionalProperties: false,
        properties: {
          roots: {
            description: 'Folders searched for files no item cites (default: the files folder).',
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: PACK_RELATIVE_FOLDER,
          },
          allowed_types: {
            description: 'Extensions a supporting file may have, without the dot (default: pdf, png, jpg, jpeg, docx, xlsx, pptx, odt, ods, odp, txt, csv).',
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: { type: 'string', pattern: '^[a-z0-9]+$' },
          },
          max_size_mb: { description: 'Largest size of a supporting file in megabytes (default 20).', type: 'number', exclusiveMinimum: 0 },
          allow_empty: { description: 'Accept empty supporting files (default false).', type: 'boolean' },
          ignore: {
            description: 'Glob patterns, relative to each root, of files that are never reported as orphans (default: **/README.md).',
            type: 'array',
            items: { type: 'string', minLength: 1 },
          },
          cited_by_many: { description: 'Point out a file cited by this many metrics or more (default 3).', type: 'integer', minimum: 2 },
        },
      },
      links: {
        description: 'How `impact-pack links` checks public URLs. See docs/links.md.',
        type: 'object',
        additionalProperties: false,
        properties: {
          timeout_seconds: { description: 'Time allowed for each request (default 10).', type: 'number', exclusiveMinimum: 0, maximum: 300 },
          concurrency: { description: 'URLs checked at the same time (default 8).', type: 'integer', minimum: 1, maximum: 64 },
          per_host: { description: 'URLs of the same host checked at the same time (default 2).', type: 'integer', minimum: 1, maximum: 16 },
          retries: { description: 'Retries after a 429 or 5xx answer or a reset connection (default 2).', type: 'integer', minimum: 0, maximum: 10 },
          max_redirects: { description: 'Redirects followed before giving up (default 10).', type: 'integer', minimum: 0, maximum: 30 },
        },
      },
      sources: {
        description: 'Source documents cited by the items\' provenance, by key.',
        type: 'object',
        propertyNames: { pattern: '^[a-z0-9][a-z0-9-]*$' },
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          required: ['title'],
          properties: {
            title: { type: 'string', minLength: 1 },
            year: { type: 'integer' },
            url: { type: 'string' },
            language: { type: 'string' },
            note: { type: 'string' },
          },
        },
      },
    },
  };
}
