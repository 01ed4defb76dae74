/**
 * impact-pack as a library: every CLI command is a call into these functions, which a script or another
 * tool can make too. Stages return diagnostics instead of throwing for problems in the pack.
 */
export { loadPack, type LoadedPack, type LoadOptions, type LoadResult } from './pipeline/load-pack';
export { buildPack, type BuildOptions, type BuildResult, type DocumentFormat } from './pipeline/build';
export { analyseGaps, type GapReport, type SdgGap, type MetricGap, type MetricStatus } from './analyse/gaps';
export { gapReportMarkdown } from './report/gap-markdown';
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
