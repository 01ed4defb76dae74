import { GAP_REPORT_SCHEMA_VERSION } from '../analyse/gaps';

/**
 * JSON Schema (draft 2020-12) of gap-report.json, version 3. docs/gap-report.md explains the fields; a
 * test validates real reports against this schema, so the documentation cannot drift from the output.
 * Objects are closed where the shape is ours to promise; `supportingFiles` (the issue-4 section) is
 * described by its own documentation and only required to be an object here.
 */
export function gapReportSchema(): Record<string, unknown> {
  const str = { type: 'string' };
  const int = { type: 'integer' };
  const num = { type: 'number' };
  const bool = { type: 'boolean' };
  const numOrNull = { type: ['number', 'null'] };
  const strOrNull = { type: ['string', 'null'] };
  const closed = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: 'object', additionalProperties: false, required, properties });
  const status = { enum: ['complete', 'partial', 'missing', 'not_applicable', 'not_pursuing', 'computed_by_the', 'not_scored'] };
  const statusCounts = closed(Object.fromEntries(status.enum.map((s) => [s, int])));
  const selection = { oneOf: [{ type: 'null' }, closed({ sdgs: { type: 'array', items: int }, overall: num, overallMax: num, share: { type: 'number', minimum: 0, maximum: 1 } })] };
  const eligibility = closed({ eligible: bool, hasSdg17: bool, otherSdgs: { type: 'array', items: int }, message: str });
  const located = { file: str, line: int, column: int };

  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://impact-pack.dev/schemas/gap-report.v3.schema.json',
    title: 'impact-pack gap report (gap-report.json)',
    description: 'Version 3 of the gap report. See docs/gap-report.md.',
    type: 'object',
    additionalProperties: false,
    required: [
      'schemaVersion', 'institution', 'edition', 'product', 'dataYear', 'asOf', 'policyWindow', 'windowsAsOf', 'eligibility', 'sdgs', 'score', 'actions', 'owners',
      'review', 'freshness', 'consistency', 'policyDates', 'missingDocuments', 'baseline', 'findings', 'diagnostics',
    ],
    properties: {
      schemaVersion: { const: GAP_REPORT_SCHEMA_VERSION },
      institution: str,
      edition: str,
      product: str,
      dataYear: int,
      asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      policyWindow: closed({ from: int, to: int, confirmed: bool }),
      windowsAsOf: closed({ shift: int, dataYear: int, policyWindow: closed({ from: int, to: int }) }),
      eligibility,
      sdgs: { type: 'array', items: { $ref: '#/$defs/sdg' } },
      score: { $ref: '#/$defs/score' },
      rescoring: { $ref: '#/$defs/rescoring' },
      actions: { type: 'array', items: { $ref: '#/$defs/action' } },
      owners: { type: 'array', items: closed({ owner: str, points: num, actions: { type: 'array', items: int } }) },
      review: closed({ counts: closed({ flagged: int, changed_since_approved: int, awaiting_review: int, approved_unverified: int, approved: int }), items: { type: 'array', items: { $ref: '#/$defs/reviewEntry' } } }),
      freshness: {
        type: 'array',
        items: closed({ kind: { enum: ['review_overdue', 'review_due_soon', 'left_window'] }, itemId: str, file: str, sdg: int, metric: str, owner: strOrNull, date: str, message: str, line: int, column: int }),
      },
      consistency: closed({
        facts: { type: 'array', items: closed({ fact: str, declared: num, declaredUnit: str, stated: num, statedUnit: str, itemId: str, sdg: int, metric: str, ...located }) },
        outliers: {
          type: 'array',
          items: closed({ scope: { enum: ['fact', 'value'] }, name: str, metric: str, itemId: str, previous: num, current: num, change: numOrNull, ...located }, ['scope', 'name', 'previous', 'current', 'change', 'file', 'line', 'column']),
        },
        comparedWith: strOrNull,
        outlierShare: num,
      }),
      policyDates: { type: 'array', items: closed({ itemId: str, file: str, sdg: int, metric: str, created: str, lastReviewed: str }) },
      missingDocuments: { type: 'array', items: closed({ itemId: str, file: str, sdg: int, metric: str, title: str, note: str }, ['itemId', 'file', 'sdg', 'metric', 'title']) },
      baseline: {
        oneOf: [
          { type: 'null' },
          closed({ file: str, recordedAsOf: str, regressions: { type: 'array', items: { $ref: '#/$defs/baselineChange' } }, improvements: { type: 'array', items: { $ref: '#/$defs/baselineChange' } } }),
        ],
      },
      findings: { type: 'array', items: { $ref: '#/$defs/finding' } },
      diagnostics: closed({ errors: int, warnings: int, infos: int }),
      supportingFiles: { type: 'object', description: 'Supporting files: orphans, duplicates and traceability (docs/manifest.md).' },
    },
    $defs: {
      shortfall: closed({
        kind: str,
        message: str,
        step: str,
        points: num,
        path: { type: 'array', items: { type: ['string', 'integer'] } },
        heuristic: str,
      }, ['kind', 'message', 'step', 'points', 'path']),
      itemStrength: closed({
        itemId: str,
        file: str,
        owner: strOrNull,
        share: { type: 'number', minimum: 0, maximum: 1 },
        earned: num,
        maxPoints: num,
        shortfalls: { type: 'array', items: { $ref: '#/$defs/shortfall' } },
        weaknesses: { type: 'array', items: str },
        errors: int,
        primary: bool,
        heuristics: { type: 'array', items: str },
      }),
      metric: closed({
        sdg: int,
        metric: str,
        title: str,
        kind: { enum: ['bibliometric', 'numeric', 'evidence', 'policy'] },
        questionType: { enum: ['activity', 'policy', 'measurement', 'options', 'date', null] },
        weight: numOrNull,
        weightConfirmed: bool,
        status,
        reason: strOrNull,
        items: { type: 'array', items: { $ref: '#/$defs/itemStrength' } },
        bestItem: strOrNull,
        countedBy: { enum: ['strongest', 'primary', 'strongest_unmarked', 'weakest_of_primaries', null] },
        share: { type: 'number', minimum: 0, maximum: 1 },
        shortfalls: { type: 'array', items: { $ref: '#/$defs/shortfall' } },
        weaknesses: { type: 'array', items: str },
        heuristics: { type: 'array', items: str },
        atStake: numOrNull,
      }),
      sdg: closed({
        sdg: int,
        title: str,
        colour: str,
        submitted: bool,
        items: int,
        counts: statusCounts,
        evidenceMetrics: int,
        coverage: closed({
          complete: int,
          partial: int,
          missing: int,
          outOfPlay: int,
          notScored: int,
          total: int,
          grouped: {
            type: 'array',
            items: closed({ group: str, title: str, questions: int, answered: int, status: { enum: ['complete', 'partial', 'missing', 'not_applicable'] } }),
          },
        }),
        metrics: { type: 'array', items: { $ref: '#/$defs/metric' } },
      }),
      score: closed({
        label: str,
        rules: closed({ mandatorySdg: int, mandatorySdgWeight: num, bestOtherCount: int, bestOtherWeight: num, confirmed: bool }),
        sdgs: {
          type: 'array',
          items: closed({
            sdg: int,
            title: str,
            submitted: bool,
            items: int,
            estimate: num,
            estimableWeight: num,
            notEstimableWeight: num,
            share: { oneOf: [{ type: 'null' }, { type: 'number', minimum: 0, maximum: 1 }] },
            notEstimable: {
              type: 'array',
              items: closed({ metric: str, title: str, kind: str, weight: numOrNull, reason: { enum: ['bibliometric', 'normalised_numeric', 'weight_unknown', 'not_scored'] }, missing: { type: 'array', items: str } }),
            },
          }),
        },
        eligibility,
        submittedSelection: selection,
        bestSelection: selection,
        betterSelectionAvailable: bool,
        whatIf: { oneOf: [{ type: 'null' }, closed({ requested: { type: 'array', items: int }, eligible: bool, message: str, selection, versusBest: numOrNull })] },
        notEstimableCounts: {
          type: 'array',
          items: closed({
            scope: { enum: ['submitted', 'with_evidence'] },
            label: str,
            sdgs: { type: 'array', items: int },
            counts: closed({ bibliometric: int, normalised_numeric: int, weight_unknown: int, not_scored: int }),
          }),
        },
        presentation: closed({ presentation: { enum: ['rank', 'band', 'rank_and_band', 'unknown'] }, banded: bool, bands: { type: 'array', items: str }, message: str }),
        heuristics: { type: 'array', items: closed({ id: str, description: str }) },
        caveats: { type: 'array', items: str },
      }),
      rescoring: closed({
        from: { $ref: '#/$defs/editionFacts' },
        to: { $ref: '#/$defs/editionFacts' },
        editionChanges: { type: 'array', items: str },
        indicators: {
          type: 'array',
          items: closed({
            sdg: int,
            metric: str,
            title: str,
            change: { enum: ['new_question', 'removed_question', 'gains', 'loses', 'unchanged_points', 'not_scored'] },
            before: { $ref: '#/$defs/indicatorSide' },
            after: { $ref: '#/$defs/indicatorSide' },
            delta: numOrNull,
            reasons: { type: 'array', items: str },
            items: { type: 'array', items: str },
          }),
        },
        itemsWithoutMetric: { type: 'array', items: closed({ itemId: str, file: str, metric: str }) },
        sdgs: { type: 'array', items: closed({ sdg: int, submitted: bool, before: { $ref: '#/$defs/sdgFigures' }, after: { $ref: '#/$defs/sdgFigures' } }) },
        selection: closed({ before: numOrNull, after: numOrNull }),
      }),
      editionFacts: closed({
        edition: str,
        product: str,
        dataYear: int,
        policyWindow: closed({ from: int, to: int }),
        perIndicator: { type: ['integer', 'null'] },
        attachmentCountsAsPublic: { type: ['boolean', 'null'] },
        gradesRelevance: bool,
      }),
      indicatorSide: { oneOf: [{ type: 'null' }, closed({ status, weight: numOrNull, share: num, points: numOrNull })] },
      sdgFigures: { oneOf: [{ type: 'null' }, closed({ estimate: num, estimableWeight: num, share: numOrNull })] },
      action: closed({
        rank: int,
        kind: { enum: ['evidence', 'freshness', 'consistency'] },
        sdg: int,
        metric: str,
        metricTitle: str,
        submitted: bool,
        itemId: strOrNull,
        file: strOrNull,
        owner: str,
        step: str,
        why: str,
        points: numOrNull,
      }),
      reviewEntry: closed({
        itemId: str,
        file: str,
        sdg: int,
        metric: str,
        title: str,
        owner: strOrNull,
        status: str,
        state: { enum: ['flagged', 'changed_since_approved', 'awaiting_review', 'approved_unverified', 'approved'] },
        contentHash: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
        signOff: { oneOf: [{ type: 'null' }, closed({ reviewer: str, date: str, contentHash: strOrNull })] },
        comments: { type: 'array', items: closed({ note: str, author: str, date: strOrNull }) },
      }),
      baselineChange: closed({ scope: { enum: ['metric', 'sdg', 'overall'] }, subject: str, before: { type: ['string', 'number', 'null'] }, after: { type: ['string', 'number', 'null'] }, message: str }),
      finding: {
        type: 'object',
        required: ['code', 'severity', 'message', 'file', 'line', 'column', 'source'],
        properties: {
          code: str,
          severity: { enum: ['error', 'warning', 'info'] },
          message: str,
          hint: str,
          file: str,
          line: int,
          column: int,
          endLine: int,
          endColumn: int,
          sdg: int,
          metric: str,
          itemId: str,
          source: str,
        },
        additionalProperties: false,
      },
    },
  };
}
