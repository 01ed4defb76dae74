import type { DiagnosticSource, Severity } from './diagnostic';

/**
 * The catalogue of diagnostic codes: one entry per problem the tool can report.
 * docs/diagnostics.md is generated from this table, so every code a coordinator sees is documented.
 */
export interface CodeInfo {
  title: string;
  severity: Severity;
  source: DiagnosticSource;
  /** What to do about it, in words a coordinator understands. */
  hint: string;
}

export const CODES = {
  // YAML syntax and structure
  YAML_SYNTAX: { title: 'YAML syntax error', severity: 'error', source: 'yaml', hint: 'Check indentation (spaces, not tabs), colons after keys and matching quotes near this position.' },
  YAML_DUPLICATE_KEY: { title: 'Key written twice', severity: 'error', source: 'yaml', hint: 'A key may appear only once in the same block; YAML would silently keep the last value. Remove or rename one of them.' },
  YAML_WARNING: { title: 'Questionable YAML', severity: 'warning', source: 'yaml', hint: 'The YAML parser accepted this but it may not mean what you intended.' },
  YAML_NOT_A_MAP: { title: 'File is not a list of fields', severity: 'error', source: 'yaml', hint: 'An evidence file holds one item written as `key: value` lines (id, sdg, metric, title …). See docs/evidence-format.md.' },
  YAML_MULTIPLE_DOCUMENTS: { title: 'Several YAML documents in one file', severity: 'error', source: 'yaml', hint: 'Write one evidence item per file; remove the `---` separator and move the other item to its own file.' },
  YAML_ALIAS_LIMIT: { title: 'Too many aliases', severity: 'error', source: 'yaml', hint: 'The file expands aliases (*name) too many times; write the values out instead.' },
  FILE_UNREADABLE: { title: 'File cannot be read', severity: 'error', source: 'yaml', hint: 'Check that the file exists, is readable and is UTF-8 text.' },
  METRIC_NOT_STRING: { title: 'Metric id read as a number', severity: 'error', source: 'yaml', hint: 'Put the metric id in quotes, e.g. metric: "6.10"; unquoted, YAML reads 6.10 as the number 6.1.' },

  // Pack config
  CONFIG_MISSING: { title: 'No pack config', severity: 'error', source: 'config', hint: 'A pack needs an impact-pack.yaml at its root. Run `impact-pack init DIR` to create one, or pass the pack folder as the first argument.' },
  CONFIG_INVALID: { title: 'Pack config field is wrong', severity: 'error', source: 'config', hint: 'See docs/pack-config.md for every field with an example.' },
  EDITION_UNKNOWN: { title: 'Unknown THE edition', severity: 'error', source: 'config', hint: 'Set `edition` in impact-pack.yaml to one of the editions listed by `impact-pack criteria --list`.' },
  CRITERIA_INCONSISTENT: { title: 'Criteria catalogue contradicts itself', severity: 'error', source: 'config', hint: 'The criteria catalogue is damaged: reinstall impact-pack or fix the catalogue file (schemas/criteria.schema.json describes its format).' },
  DATA_YEAR_MISMATCH: { title: 'Data year does not match the edition', severity: 'warning', source: 'config', hint: 'THE edition N looks at data year N-2; check `data_year` in impact-pack.yaml.' },
  SUBMIT_NOT_ELIGIBLE: { title: 'Submission not eligible for the overall table', severity: 'warning', source: 'config', hint: 'The overall ranking needs SDG 17 plus at least three other SDGs in `submit`.' },
  BUILD_DATE_INVALID: { title: 'Build date is not a date', severity: 'error', source: 'config', hint: 'Write build_date as YYYY-MM-DD, or set SOURCE_DATE_EPOCH (seconds since 1970).' },

  // Schema
  SCHEMA_REQUIRED: { title: 'Required field missing', severity: 'error', source: 'schema', hint: 'Add the field; docs/evidence-format.md shows an example of each.' },
  SCHEMA_UNKNOWN_FIELD: { title: 'Unknown field', severity: 'error', source: 'schema', hint: 'Check the spelling against docs/evidence-format.md; unknown fields are not submitted anywhere.' },
  SCHEMA_TYPE: { title: 'Value has the wrong type', severity: 'error', source: 'schema', hint: 'See docs/evidence-format.md for the expected form of this field.' },
  SCHEMA_ENUM: { title: 'Value is not one of the allowed values', severity: 'error', source: 'schema', hint: 'Use one of the values listed in the message.' },
  SCHEMA_FORMAT: { title: 'Value is not in the expected format', severity: 'error', source: 'schema', hint: 'Dates are YYYY, YYYY-MM or YYYY-MM-DD; URLs start with https://.' },
  SCHEMA_INVALID: { title: 'Value does not match the evidence format', severity: 'error', source: 'schema', hint: 'See docs/evidence-format.md.' },
  VALUES_MISSING: { title: 'Numeric metric lacks a named value', severity: 'error', source: 'schema', hint: 'Numeric metrics are scored from named values; `impact-pack criteria --sdg N` lists the names each metric needs.' },
  POLICY_DATES_REQUIRED: { title: 'Policy without creation and review dates', severity: 'error', source: 'schema', hint: 'THE awards a point when a policy was created or reviewed inside the window. Add `policy: { created: "YYYY", last_reviewed: "YYYY" }`, or `unknown` when the source gives no date.' },

  // Rules against the criteria
  METRIC_UNKNOWN: { title: 'Metric does not exist in this edition', severity: 'error', source: 'rule', hint: 'Run `impact-pack criteria --sdg N` to list the metrics of the edition named in impact-pack.yaml.' },
  METRIC_SDG_MISMATCH: { title: 'Metric belongs to another SDG', severity: 'error', source: 'rule', hint: 'A metric id starts with its SDG number; change `sdg` or `metric` so they agree.' },
  METRIC_BIBLIOMETRIC: { title: 'Evidence attached to a bibliometric metric', severity: 'error', source: 'rule', hint: 'THE computes research metrics from Scopus; nothing is submitted for them. Attach this evidence to an evidence or policy metric.' },
  KIND_MISMATCH: { title: 'Item kind does not fit the metric', severity: 'warning', source: 'rule', hint: 'Policy questions take kind: policy, numeric metrics kind: numeric, measurement questions kind: measurement, other evidence questions kind: practice.' },
  ANSWER_UNKNOWN: { title: 'Answer is not an option of this metric', severity: 'error', source: 'rule', hint: 'Use one of the answer ids listed by `impact-pack criteria --sdg N`.' },
  VALUE_UNKNOWN_NAME: { title: 'Value name not used by this metric', severity: 'info', source: 'rule', hint: 'The numeric metric does not score this value; it is kept as a supporting figure.' },
  DUPLICATE_ID: { title: 'Item id used twice', severity: 'error', source: 'rule', hint: 'Every item needs its own id; rename one of them.' },
  STATUS_REASON_MISSING: { title: 'No reason given for not applicable', severity: 'error', source: 'rule', hint: 'Add `status_reason` explaining why the metric does not apply or is not pursued.' },
  SOURCE_UNKNOWN: { title: 'Provenance cites an undeclared source', severity: 'error', source: 'rule', hint: 'Declare the source document under `sources:` in impact-pack.yaml, or fix the key.' },
  LINES_INVALID: { title: 'Line range is not valid', severity: 'error', source: 'rule', hint: 'Write a line range as "120-135" (first line, hyphen, last line), or a single line number.' },

  // Dates
  DATE_INVALID: { title: 'Not a real date', severity: 'error', source: 'rule', hint: 'Write dates as YYYY, YYYY-MM or YYYY-MM-DD with a real month and day.' },
  DATE_IN_FUTURE: { title: 'Date lies in the future', severity: 'error', source: 'rule', hint: 'A date later than the build date cannot be evidence yet; check the year, or mark the item `progress: planned`.' },
  PERIOD_REVERSED: { title: 'Period ends before it starts', severity: 'error', source: 'rule', hint: 'Swap `start` and `end`.' },
  PERIOD_OUTSIDE_DATA_YEAR: { title: 'Activity outside the data year', severity: 'warning', source: 'rule', hint: 'THE scores activities in the data year of the edition; evidence from other years may earn nothing.' },
  POLICY_OUTSIDE_WINDOW: { title: 'Policy neither created nor reviewed in the window', severity: 'warning', source: 'rule', hint: 'THE gives a point for a policy created or reviewed inside the edition\'s window; record a review in the window, or accept losing that point.' },
  POLICY_DATE_UNKNOWN: { title: 'Policy date not known', severity: 'warning', source: 'rule', hint: 'Find the policy\'s creation and last review date (minutes, signed version); without them the date point is lost.' },
  POLICY_REVIEW_BEFORE_CREATION: { title: 'Policy reviewed before it was created', severity: 'error', source: 'rule', hint: 'Check `policy.created` and `policy.last_reviewed`.' },

  // Content
  PLACEHOLDER_TEXT: { title: 'Placeholder text left in', severity: 'error', source: 'rule', hint: 'Replace TODO, TBD, XXX or lorem ipsum with the real text before submission.' },
  URL_SCHEME: { title: 'URL is not a web address', severity: 'error', source: 'rule', hint: 'Public URLs must start with https:// or http://; THE only credits evidence it can open.' },
  CONFIDENTIAL_PUBLIC: { title: 'Confidential item has a public URL', severity: 'error', source: 'rule', hint: 'An item marked `confidential: true` must not point to a public page; remove the URL or the flag.' },
  PLANNED_NOT_ACHIEVED: { title: 'Plan counted as evidence', severity: 'info', source: 'rule', hint: 'THE credits what exists or happened in the data year; planned or postponed actions earn no points yet.' },

  // Supporting files
  FILE_NOT_FOUND: { title: 'Supporting file not found', severity: 'error', source: 'files', hint: 'Check the path relative to the pack root (case matters), or move the file into place.' },
  GLOB_NO_MATCH: { title: 'Pattern matches no file', severity: 'error', source: 'files', hint: 'Check the pattern; `*` matches within a folder, `**` across folders.' },
  FILE_OUTSIDE_PACK: { title: 'Path leaves the pack', severity: 'error', source: 'files', hint: 'Supporting files must sit inside the pack folder; copy the file in and cite it by a relative path.' },
  PATH_BACKSLASH: { title: 'Backslash in path', severity: 'error', source: 'files', hint: 'Write paths with forward slashes (files/report.pdf), even on Windows.' },

  // Rendering
  TEMPLATE_ERROR: { title: 'Template error', severity: 'error', source: 'template', hint: 'Fix the template at this position; `impact-pack init` shows the default templates.' },
  TEMPLATE_MARKUP: { title: 'Template produced unknown markup', severity: 'error', source: 'template', hint: 'Templates may only emit the document vocabulary listed in templates/README.md.' },
  TEMPLATE_UNUSED: { title: 'Template file is never used', severity: 'warning', source: 'template', hint: 'Only sdg-document.hbs and the partials in templates/partials/ are read; rename or move the file, or delete it.' },
  TEMPLATE_UNESCAPED: { title: 'Template inserts text without escaping', severity: 'warning', source: 'template', hint: 'Use {{ }} instead of {{{ }}}: unescaped evidence text could turn into markup.' },
  LINK_SCHEME_REJECTED: { title: 'Link dropped', severity: 'warning', source: 'template', hint: 'Only http, https and mailto links are kept in documents.' },
  LINK_TARGET_MISSING: { title: 'Internal link to a missing heading', severity: 'warning', source: 'template', hint: 'An <a href="#id"> must name the id of a heading in the same document; check the anchor the template builds.' },
  ANCHOR_DUPLICATE: { title: 'Two headings share an id', severity: 'warning', source: 'template', hint: 'Heading ids must be unique within a document; links and the table of contents go to the first one.' },
  TABLE_SHAPE: { title: 'Table rows and widths do not match', severity: 'warning', source: 'template', hint: 'Give the table one width per column and the same number of cells in every row; missing cells were left empty.' },
  ACCENT_INVALID: { title: 'Accent colour is not #rrggbb', severity: 'warning', source: 'render', hint: 'Write the SDG colour as # followed by six hexadecimal digits, e.g. #FCC30B.' },
  GLYPH_MISSING: { title: 'Character not in the PDF fonts', severity: 'warning', source: 'render', hint: 'The character is shown as a replacement mark in the PDF; the DOCX and HTML keep it.' },
  OUTPUT_FAILED: { title: 'Output could not be written', severity: 'error', source: 'render', hint: 'Check that the output folder is writable and the disk is not full; the previous output was left untouched.' },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;
