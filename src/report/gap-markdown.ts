import type { GapReport, MetricGap, MetricStatus } from '../analyse/gaps';

const STATUS_LABEL: Record<MetricStatus, string> = {
  complete: 'complete',
  partial: 'partial',
  missing: '**missing**',
  not_applicable: 'not applicable',
  not_pursuing: 'not pursuing',
  computed_by_the: 'computed by THE',
};

/** Markdown view of the gap report: fits a pull-request comment or a CI job summary. */
export function gapReportMarkdown(report: GapReport): string {
  const out: string[] = [];
  const w = report.policyWindow;
  out.push(`# Gap report: ${esc(report.institution)}`);
  out.push('');
  out.push(
    `THE Impact Rankings ${report.edition} · data year ${report.dataYear} · policy window ${w.from}–${w.to}${w.confirmed ? '' : ' (derived)'} · as of ${report.asOf}`,
  );
  out.push('');
  out.push(`${report.eligibility.eligible ? '✅' : '⚠️'} ${report.eligibility.message}`);
  out.push('');
  out.push(
    `Diagnostics: ${report.diagnostics.errors} error(s), ${report.diagnostics.warnings} warning(s), ${report.diagnostics.infos} note(s) — run \`impact-pack validate\` for details.`,
  );
  out.push('');
  out.push('## Coverage by SDG');
  out.push('');
  out.push('| SDG | Submitted | Items | Complete | Partial | Missing | Evidence metrics |');
  out.push('|---|---|---:|---:|---:|---:|---:|');
  for (const s of report.sdgs) {
    if (!s.submitted && s.items === 0) continue;
    out.push(
      `| ${s.sdg} ${esc(s.title)} | ${s.submitted ? 'yes' : 'no'} | ${s.items} | ${s.counts.complete} | ${s.counts.partial} | ${s.counts.missing} | ${s.evidenceMetrics} |`,
    );
  }
  const silent = report.sdgs.filter((s) => !s.submitted && s.items === 0).map((s) => s.sdg);
  if (silent.length > 0) {
    out.push('');
    out.push(`Not submitted and without evidence: SDG ${silent.join(', ')}.`);
  }
  for (const s of report.sdgs) {
    if (!s.submitted && s.items === 0) continue;
    out.push('');
    out.push(`## SDG ${s.sdg}: ${esc(s.title)}${s.submitted ? '' : ' (not submitted)'}`);
    out.push('');
    out.push('| Metric | Weight | Status | Items | What is weak or missing | At stake (est.) |');
    out.push('|---|---:|---|---:|---|---:|');
    for (const m of s.metrics) {
      if (m.kind === 'bibliometric') continue;
      out.push(
        `| ${m.metric} ${esc(m.title)} | ${weight(m)} | ${STATUS_LABEL[m.status]} | ${m.items.length} | ${esc(m.weaknesses.join('; ')) || '—'} | ${m.atStake === null ? '—' : `${m.atStake}`} |`,
      );
    }
  }
  out.push('');
  out.push('## Policies without a known date');
  out.push('');
  if (report.policyDates.length === 0) out.push('None.');
  else {
    out.push('| Item | SDG | Metric | Created | Last reviewed | File |');
    out.push('|---|---:|---|---|---|---|');
    for (const p of report.policyDates) {
      out.push(`| ${esc(p.itemId)} | ${p.sdg} | ${p.metric} | ${p.created} | ${p.lastReviewed} | \`${p.file}\` |`);
    }
  }
  out.push('');
  out.push('## Documents named but not provided');
  out.push('');
  if (report.missingDocuments.length === 0) out.push('None.');
  else {
    out.push('| Document | Item | SDG | Metric | Note |');
    out.push('|---|---|---:|---|---|');
    for (const d of report.missingDocuments) {
      out.push(`| ${esc(d.title)} | ${esc(d.itemId)} | ${d.sdg} | ${d.metric} | ${esc(d.note ?? '')} |`);
    }
  }
  out.push('');
  out.push(
    '_"At stake" is an estimate: the metric\'s weight (percent of the SDG score) times the share of THE\'s evidence points the best item misses. Derived weights are marked with *._',
  );
  out.push('');
  return out.join('\n');
}

function weight(m: MetricGap): string {
  if (m.weight === null) return '?';
  return `${m.weight}%${m.weightConfirmed ? '' : '*'}`;
}

/** Keeps evidence text from breaking the table or being read as Markdown/HTML. */
function esc(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}
