/**
 * JSON Schema (draft 2020-12) of an evidence item, independent of any edition.
 * Edition schemas (criteria/item-schema.ts) add the metric list and per-metric requirements on top.
 * Descriptions are what an editor shows while a coordinator types, so they are written for coordinators.
 */

export const LOOSE_DATE_PATTERN = '^(\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?|unknown)$';
export const ITEM_ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';
export const METRIC_ID_PATTERN = '^(1[0-7]|[1-9])\\.\\d{1,2}(\\.\\d{1,2})?$';
export const ISO_DAY_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
export const LINES_PATTERN = '^\\d+(-\\d+)?$';

const looseDate = (description: string) => ({
  description: `${description} A year (2019), a month (2019-09), a full date (2019-09-15), or "unknown" when the source gives none.`,
  type: ['string', 'integer'],
  pattern: LOOSE_DATE_PATTERN,
  minimum: 1800,
  maximum: 2200,
});

const isoDate = (description: string) => ({
  description: `${description} Written YYYY-MM-DD.`,
  type: 'string',
  pattern: ISO_DAY_PATTERN,
});

export function baseItemProperties(): Record<string, unknown> {
  return {
    id: {
      description: 'Stable identifier of the item, unique in the pack: lowercase letters, digits and hyphens, e.g. sdg07-solar-plant-2020.',
      type: 'string',
      pattern: ITEM_ID_PATTERN,
      maxLength: 120,
    },
    sdg: { description: 'The Sustainable Development Goal this item is submitted under (1 to 17).', type: 'integer', minimum: 1, maximum: 17 },
    metric: {
      description: 'THE metric id, always in quotes, e.g. "7.2.1". Unquoted, YAML would read 6.10 as 6.1.',
      type: 'string',
      pattern: METRIC_ID_PATTERN,
    },
    kind: {
      description: 'policy (policy questions), practice (other evidence questions), measurement (measurement questions), numeric (numeric data).',
      enum: ['policy', 'practice', 'measurement', 'numeric'],
    },
    title: { description: 'Short English title of the evidence, as an assessor will read it.', type: 'string', minLength: 3, maxLength: 300 },
    narrative: { description: 'English description for a THE assessor: what exists, since when, who runs it, what it achieved in the data year.', type: 'string', minLength: 1 },
    original: {
      description: 'The original-language wording, when the source is not in English (e.g. the exact title of a charter).',
      type: 'object',
      additionalProperties: false,
      required: ['language'],
      properties: {
        language: { description: 'Language code, e.g. fr.', type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]+)*$' },
        title: { type: 'string' },
        text: { type: 'string' },
      },
    },
    period: {
      description: 'The period the evidence covers.',
      type: 'object',
      additionalProperties: false,
      required: ['start', 'end'],
      properties: { start: isoDate('First day covered.'), end: isoDate('Last day covered.') },
    },
    policy: {
      description: 'For policies: when the policy was created and last reviewed. THE gives a point when either falls inside the edition\'s window.',
      type: 'object',
      additionalProperties: false,
      required: ['created', 'last_reviewed'],
      properties: {
        created: looseDate('When the policy was first adopted.'),
        last_reviewed: looseDate('When the policy was last reviewed or re-approved.'),
        next_review: looseDate('When the next review is due.'),
      },
    },
    answer: {
      description:
        'For multiple-choice and measurement questions: the id of the chosen answer (see `impact-pack criteria --sdg N`). A list of ids only for the questions that take several answers (marked multi-select, e.g. 16.2.1).',
      type: ['string', 'array'],
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      uniqueItems: true,
    },
    relevance: {
      description:
        'How closely the evidence answers THE\'s question: specific (it shows exactly what is asked) or general (it shows something related). Where the edition grades evidence (see `impact-pack criteria`), specific earns the full evidence point and general a share of it.',
      enum: ['specific', 'general'],
    },
    primary: {
      description: 'true on the one item the indicator is judged on, where the edition reads one piece of evidence per indicator and several items of the pack answer it.',
      type: 'boolean',
    },
    related_items: {
      description: 'Ids of other items of this pack that this one refers to (the same activity under another SDG, a policy it applies). The validator checks that each id exists.',
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', pattern: ITEM_ID_PATTERN },
    },
    progress: {
      description: 'achieved (exists or happened), in_progress, planned or postponed. THE credits what exists or happened.',
      enum: ['achieved', 'in_progress', 'planned', 'postponed'],
    },
    carried_out_by: {
      description: 'Who did it. THE asks what the university does as a body; work by a parent institution or an association may not count.',
      enum: ['university', 'parent_institution', 'student_association', 'alumni_association', 'partner'],
    },
    confidential: { description: 'true when the evidence must never be made public (complaints, health contacts).', type: 'boolean' },
    partners: { description: 'Organisations the university worked with.', type: 'array', items: { type: 'string', minLength: 1 } },
    public_urls: {
      description: 'Public web pages that show the evidence. THE gives a separate point for evidence that is public.',
      type: 'array',
      items: {
        anyOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            additionalProperties: false,
            required: ['url'],
            properties: { url: { type: 'string', minLength: 1 }, label: { type: 'string' } },
          },
        ],
      },
    },
    supporting_files: {
      description: 'Files in the pack that back the evidence: paths or glob patterns relative to the pack folder, with forward slashes.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
    missing_documents: {
      description: 'Documents the evidence relies on that nobody has provided yet; they show in the gap report.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['title'],
        properties: { title: { type: 'string', minLength: 1 }, note: { type: 'string' } },
      },
    },
    values: {
      description: 'Numeric figures, by name. Numeric metrics need the names listed by `impact-pack criteria`.',
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9_]*$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['value', 'unit'],
        properties: {
          value: { description: 'The number, written without spaces or thousands separators.', type: 'number' },
          unit: { description: 'Unit, e.g. EUR, m3, kWh, students, %.', type: 'string', minLength: 1 },
          as_printed: { description: 'The figure exactly as printed in the source, e.g. "12 390 m3".', type: 'string' },
          source: { type: 'string' },
          year: { description: 'The year the figure is for; THE asks figures of the data year.', type: 'integer', minimum: 1800, maximum: 2200 },
          basis: { description: 'How people were counted: fte (full-time equivalent) or headcount. THE asks FTE for most student and staff figures.', enum: ['fte', 'headcount'] },
          scope: { description: 'The population or site the figure covers, e.g. "whole university" or "main campus only".', type: 'string', minLength: 1 },
        },
      },
    },
    owner: { description: 'Person or unit responsible for this evidence.', type: 'string', minLength: 1 },
    status: {
      description: 'draft, in_review, approved, not_applicable (give status_reason) or not_pursuing (give status_reason).',
      enum: ['draft', 'in_review', 'approved', 'not_applicable', 'not_pursuing'],
    },
    status_reason: { description: 'Why the metric is not applicable or not pursued.', type: 'string', minLength: 1 },
    sign_off: {
      description: 'Reviewer approval.',
      type: 'object',
      additionalProperties: false,
      required: ['reviewer', 'date'],
      properties: {
        reviewer: { type: 'string', minLength: 1 },
        date: isoDate('Date of the approval.'),
        content_hash: { description: 'Hash of the item at approval, written by the tool.', type: 'string' },
      },
    },
    review_notes: {
      description: 'Notes for reviewers: doubts, inconsistencies in the source, things to chase.',
      type: 'array',
      items: {
        anyOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            additionalProperties: false,
            required: ['note'],
            properties: {
              note: { type: 'string', minLength: 1 },
              author: { type: 'string' },
              date: { type: 'string' },
              resolved: isoDate('When the flag was cleared without an approval (written by the review desk).'),
              resolved_by: { description: 'Who cleared the flag.', type: 'string', minLength: 1 },
            },
          },
        ],
      },
    },
    provenance: {
      description: 'Where the facts come from: a source declared in impact-pack.yaml, with lines or page.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['source'],
        properties: {
          source: { description: 'Key of a document under `sources:` in impact-pack.yaml.', type: 'string', minLength: 1 },
          lines: { description: 'Line range, e.g. "120-135".', type: ['string', 'integer'], pattern: LINES_PATTERN },
          page: { type: 'integer', minimum: 1 },
          note: { type: 'string' },
        },
      },
    },
    tags: { description: 'Free labels for filtering.', type: 'array', items: { type: 'string', minLength: 1 } },
  };
}

export const ITEM_REQUIRED = ['id', 'sdg', 'metric', 'kind', 'title', 'narrative', 'status'];

export const SCHEMA_BASE_URL = 'https://impact-pack.dev/schemas';

/** The edition-independent item schema, committed as schemas/evidence-item.schema.json. */
export function baseItemSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${SCHEMA_BASE_URL}/evidence-item.schema.json`,
    title: 'impact-pack evidence item',
    description: 'One piece of evidence for a THE Impact Rankings metric. See docs/evidence-format.md.',
    type: 'object',
    additionalProperties: false,
    required: ITEM_REQUIRED,
    properties: baseItemProperties(),
  };
}
