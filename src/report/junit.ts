import type { GapReport } from '../analyse/gaps';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { sortDiagnostics } from '../diagnostics/make';
import { repoPath, uniqueFindings } from './finding-paths';
import { STATUS_LABEL } from './labels';
import { xmlText } from './xml-text';

export interface JunitOptions {
  pathPrefix: string;
}

interface TestCase {
  classname: string;
  name: string;
  file?: string;
  failure?: { type: string; message: string; body: string };
  skipped?: string;
}

/**
 * JUnit XML for CI test views: one suite per SDG shown in the report with one test per evidence metric
 * (complete passes; partial or missing fails when the SDG is submitted; not applicable, not pursuing and
 * SDGs not submitted are skipped), and one suite of the evidence files, each failing on its errors and warnings.
 */
export function gapReportJunit(report: GapReport, diagnostics: Diagnostic[], options: JunitOptions): string {
  const suites: { name: string; cases: TestCase[] }[] = [];
  for (const s of report.sdgs) {
    if (!s.submitted && s.items === 0) continue;
    const cases: TestCase[] = [];
    for (const m of s.metrics) {
      if (m.kind === 'bibliometric') continue;
      const c: TestCase = { classname: `SDG ${s.sdg}`, name: `${m.metric} ${m.title}` };
      if (m.status === 'not_applicable' || m.status === 'not_pursuing' || m.status === 'not_scored') c.skipped = `${STATUS_LABEL[m.status]}${m.reason ? `: ${m.reason}` : ''}`;
      else if (!s.submitted && m.status !== 'complete') c.skipped = `SDG ${s.sdg} is not submitted; ${STATUS_LABEL[m.status]}`;
      else if (m.status === 'partial' || m.status === 'missing') {
        const best = m.items.find((i) => i.itemId === m.bestItem);
        if (best) c.file = repoPath(best.file, options.pathPrefix);
        c.failure = {
          type: m.status,
          message: `${STATUS_LABEL[m.status]}: ${m.weaknesses.join('; ')}`,
          body: m.shortfalls.length > 0 ? m.shortfalls.map((x) => `- ${x.message}: ${x.step}`).join('\n') : 'No item answers this metric.',
        };
      }
      cases.push(c);
    }
    suites.push({ name: `SDG ${s.sdg}: ${s.title}`, cases });
  }

  const fileCases = evidenceFileCases(report.review.items.map((e) => e.file), diagnostics, options);
  suites.push({ name: 'Evidence files', cases: fileCases });

  return junitXml(`impact-pack gap report: ${report.institution}`, suites, `${report.asOf}T00:00:00`);
}

/**
 * JUnit XML of diagnostics alone (`validate --format junit`): one suite of the evidence files, each failing on
 * its errors and warnings, plus one case for problems that concern no file (the pack as a whole).
 */
export function diagnosticsJunit(diagnostics: Diagnostic[], options: JunitOptions): string {
  const cases = evidenceFileCases([], diagnostics, options);
  const packWide = sortDiagnostics(uniqueFindings(diagnostics)).filter((d) => d.severity !== 'info' && d.file === '');
  const pack: TestCase = { classname: 'evidence', name: '(pack)' };
  if (packWide.length > 0) pack.failure = failureOf(packWide);
  return junitXml('impact-pack validate', [{ name: 'Evidence files', cases: [pack, ...cases] }]);
}

/** One case per file (those given and those with findings), failing on its errors and warnings. */
function evidenceFileCases(known: string[], diagnostics: Diagnostic[], options: JunitOptions): TestCase[] {
  const findings = sortDiagnostics(uniqueFindings(diagnostics)).filter((d) => d.severity !== 'info');
  const files = [...new Set([...known, ...findings.map((d) => d.file).filter((f) => f !== '')])].sort();
  return files.map((file) => {
    const own = findings.filter((d) => d.file === file);
    const c: TestCase = { classname: 'evidence', name: file, file: repoPath(file, options.pathPrefix) };
    if (own.length > 0) c.failure = failureOf(own);
    return c;
  });
}

function failureOf(own: Diagnostic[]): NonNullable<TestCase['failure']> {
  const errors = own.filter((d) => d.severity === 'error').length;
  return {
    type: errors > 0 ? 'error' : 'warning',
    message: `${errors} error(s), ${own.length - errors} warning(s)`,
    body: own.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`).join('\n'),
  };
}

/** The XML; the timestamp is left out when the run has no date of its own (validate reads no build date). */
function junitXml(name: string, suites: { name: string; cases: TestCase[] }[], timestamp?: string): string {
  const count = (cases: TestCase[]) => ({
    tests: cases.length,
    failures: cases.filter((c) => c.failure).length,
    skipped: cases.filter((c) => c.skipped !== undefined).length,
  });
  const all = suites.flatMap((s) => s.cases);
  const total = count(all);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlText(name)}" tests="${total.tests}" failures="${total.failures}" errors="0" skipped="${total.skipped}" time="0">`,
  ];
  for (const suite of suites) {
    const c = count(suite.cases);
    lines.push(`  <testsuite name="${xmlText(suite.name)}" tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}" time="0"${timestamp ? ` timestamp="${timestamp}"` : ''}>`);
    for (const t of suite.cases) {
      const attrs = `classname="${xmlText(t.classname)}" name="${xmlText(t.name)}"${t.file ? ` file="${xmlText(t.file)}"` : ''} time="0"`;
      if (t.failure) {
        lines.push(`    <testcase ${attrs}>`, `      <failure type="${xmlText(t.failure.type)}" message="${xmlText(t.failure.message)}">${xmlText(t.failure.body)}</failure>`, '    </testcase>');
      } else if (t.skipped !== undefined) {
        lines.push(`    <testcase ${attrs}>`, `      <skipped message="${xmlText(t.skipped)}"/>`, '    </testcase>');
      } else lines.push(`    <testcase ${attrs}/>`);
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
