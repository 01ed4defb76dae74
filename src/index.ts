/**
 * impact-pack as a library: every CLI command is a call into these functions, which a script or another
 * tool can make too. Stages return diagnostics instead of throwing for problems in the pack.
 */
export { loadPack, type LoadedPack, type LoadOptions, type LoadResult } from './pipeline/load-pack';
export { buildPack, type BuildOptions, type BuildResult, type DocumentFormat } from './pipeline/build';
export { analyseGaps, analysePack, type GapReport, type GapOptions, type SdgGap, type MetricGap, type MetricStatus } from './analyse/gaps';
export { estimateScore, type ScoreEstimate, type SdgEstimate, type Selection } from './analyse/score';
export { rankActions, type Action, type OwnerTodo } from './analyse/actions';
export { compareWithBaseline, parseBaseline, type Baseline, type BaselineComparison } from './analyse/baseline';
export { itemContentHash } from './analyse/content-hash';
export { assessReviewState, type ReviewEntry, type ReviewStateKind } from './analyse/review-state';
export { valueSnapshot, type ValueSnapshot } from './analyse/value-snapshot';
export { gapReportMarkdown } from './report/gap-markdown';
export { gapReportHtml } from './report/gap-html';
export { gapReportJson } from './report/gap-json';
export { gapReportSchema } from './report/gap-report-schema';
export { gapReportSarif } from './report/sarif';
export { gapReportJunit } from './report/junit';
export { gapReportGithub } from './report/github-annotations';
export { ciWorkflowText, packSetup } from './init/ci-workflow';
export { loadCatalogue, listEditions } from './criteria/load';
export { findMetric, metricsOfSdg, allMetrics, sdgOf } from './criteria/lookup';
export { formatCatalogue } from './criteria/print';
export type { Catalogue, Metric, MetricGroup, MetricKind, QuestionType, Sdg } from './criteria/types';
export type { Diagnostic, Severity, StageResult } from './diagnostics/diagnostic';
export { CODES, type Code } from './diagnostics/codes';
export { formatHuman } from './diagnostics/format-human';
export { formatJson } from './diagnostics/format-json';
export type { EvidenceItem, ItemKind, ItemStatus } from './model/item';
export type { PackConfig } from './model/config';
export { parseItem, type ParsedItem } from './parse/item';
export { CHECKS, type Check } from './checks';
export { generatedSchemas } from './schemas/write';
export { itemSchemaForEdition } from './schemas/item-edition';
export { packConfigSchema } from './schemas/config-schema';
export { createPack } from './init/create-pack';
export { run } from './cli/run';
export type { DocumentIR } from './render/ir/types';
export { resolveSupportingFiles, type ResolveOptions } from './files/resolve';
export type { FileIndex, SupportingFile, Citation, OrphanFile, DuplicateContent } from './files/file-index';
export { fileRulesFor, type FileRules } from './files/file-rules';
export { buildManifest, manifestJson, type Manifest, type ManifestFile } from './report/manifest';
export { buildTraceability, type Traceability, type MetricTrace, type FileTrace } from './report/trace';
export { metricTraceCsv, fileTraceCsv } from './report/trace-csv';
export { supportingFileExports } from './report/manifest-exports';
export { checkLinks, type LinkCheckOptions, type LinkReport } from './urls/check-links';
export type { UrlCheck, UrlStatus } from './urls/check-url';
