import type { GapReport } from '../analyse/gaps';
import { jsonText } from '../diagnostics/escape-json';

/**
 * JSON view of the gap report: the report object as it is, versioned by `schemaVersion` and described by
 * the JSON Schema in gap-report-schema.ts (docs/gap-report.md explains every field). Key order follows
 * the analysis, which is deterministic, so the same pack gives the same bytes.
 */
export function gapReportJson(report: GapReport): string {
  return `${jsonText(report)}\n`;
}
