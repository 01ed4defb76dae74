import type { GapReport } from '../analyse/gaps';
import { CODES, type CodeInfo } from '../diagnostics/codes';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic';
import { codeHelpUri } from '../diagnostics/docs';
import { jsonText } from '../diagnostics/escape-json';
import { sortDiagnostics } from '../diagnostics/make';
import { repoPath, uniqueFindings } from './finding-paths';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** The pack's folder relative to the repository root, prefixed to every path. */
  pathPrefix: string;
  toolVersion: string;
}

/**
 * SARIF 2.1.0 log of every finding (validation diagnostics and gap findings), one result each with the
 * YAML file, line and column, so that GitHub code scanning annotates the evidence files. Each code is a
 * rule with its title, hint and documentation (helpUri).
 */
export function gapReportSarif(report: GapReport, diagnostics: Diagnostic[], options: SarifOptions): string {
  return diagnosticsSarif(diagnostics, options, {
    automationId: `impact-pack/${report.edition}/`,
    properties: { institution: report.institution, edition: report.edition, asOf: report.asOf },
  });
}

/** The same log for diagnostics alone (`validate --format sarif`), without a gap report's facts. */
export function diagnosticsSarif(
  diagnostics: Diagnostic[],
  options: SarifOptions,
  run: { automationId: string; properties?: Record<string, unknown> } = { automationId: 'impact-pack/validate/' },
): string {
  const findings = sortDiagnostics(uniqueFindings(diagnostics));
  const ruleIds = [...new Set(findings.map((d) => d.code))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const info = (CODES as Record<string, CodeInfo | undefined>)[id];
    return {
      id,
      name: id
        .toLowerCase()
        .split('_')
        .map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1)))
        .join(''),
      shortDescription: { text: info?.title ?? id },
      help: { text: info?.hint ?? 'See docs/diagnostics.md.' },
      helpUri: codeHelpUri(id),
      defaultConfiguration: { level: LEVEL[info?.severity ?? 'warning'] },
      properties: { tags: ['impact-pack', info?.source ?? 'rule'] },
    };
  });
  const results = findings.map((d) => {
    const result: Record<string, unknown> = {
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code),
      level: LEVEL[d.severity],
      message: { text: d.hint && d.hint !== (CODES as Record<string, CodeInfo | undefined>)[d.code]?.hint ? `${d.message} ${d.hint}` : d.message },
    };
    if (d.file !== '') {
      const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: encodeUri(repoPath(d.file, options.pathPrefix)) } };
      if (d.line > 0) {
        const region: Record<string, number> = { startLine: d.line, startColumn: Math.max(1, d.column) };
        if (d.endLine !== undefined && d.endLine >= d.line) {
          region.endLine = d.endLine;
          if (d.endColumn !== undefined && (d.endLine > d.line || d.endColumn >= region.startColumn)) region.endColumn = Math.max(1, d.endColumn);
        }
        physicalLocation.region = region;
      }
      result.locations = [{ physicalLocation }];
    }
    const properties: Record<string, unknown> = {};
    if (d.sdg !== undefined) properties.sdg = d.sdg;
    if (d.metric !== undefined) properties.metric = d.metric;
    if (d.itemId !== undefined) properties.itemId = d.itemId;
    if (Object.keys(properties).length > 0) result.properties = properties;
    return result;
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'impact-pack', version: options.toolVersion, informationUri: 'https://www.npmjs.com/package/impact-pack', rules } },
        automationDetails: { id: run.automationId },
        results,
        ...(run.properties ? { properties: run.properties } : {}),
      },
    ],
  };
  return `${jsonText(log)}\n`;
}

/** Paths may hold spaces or brackets ("rapport (final).pdf"); a SARIF uri is a URI reference. */
function encodeUri(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}
