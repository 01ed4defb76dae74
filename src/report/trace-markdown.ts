import { mdCode, mdText } from './markdown-text';
import type { SupportingFilesSection } from './trace-section';

/**
 * The supporting-files section of the gap report in Markdown: orphans, duplicates, then traceability in
 * both directions. Returns lines, so that the gap report can place the block wherever it fits.
 */
export function supportingFilesMarkdown(section: SupportingFilesSection): string[] {
  const out: string[] = [];
  const { traceability: trace } = section;
  out.push('## Supporting files', '');
  out.push(
    `${section.cited} file(s) cited (${sizeText(section.bytes)}); ${section.orphans.length} file(s) no item cites; ${section.duplicates.length} content(s) present under several names. Hashes are in \`manifest.json\`.`,
  );
  out.push('', '### Files no item cites', '');
  if (section.orphans.length === 0) out.push('None.');
  else {
    out.push('| File | Size | Note |', '|---|---:|---|');
    for (const o of section.orphans) {
      out.push(`| ${mdCode(o.path)} | ${sizeText(o.size)} | ${o.sameContentAs ? `same content as ${mdCode(o.sameContentAs)}` : ''} |`);
    }
  }
  if (section.duplicates.length > 0) {
    out.push('', '### Same content under several names', '');
    out.push('| Files | Size | SHA-256 |', '|---|---:|---|');
    for (const d of section.duplicates) out.push(`| ${d.paths.map(mdCode).join(', ')} | ${sizeText(d.size)} | \`${d.sha256.slice(0, 12)}…\` |`);
  }
  // The two traceability tables run to one row per item or file: folded, as the other long lists are.
  out.push('', '### Traceability', '');
  out.push('Also written as `traceability.json`, `traceability-metrics.csv` and `traceability-files.csv`.');
  out.push('', `<details><summary>Metric → items → files (${trace.metrics.length} metric(s))</summary>`, '');
  if (trace.metrics.length === 0) out.push('No item cites a metric.');
  else {
    out.push('| Metric | Item | Supporting files |', '|---|---|---|');
    for (const m of trace.metrics) {
      for (const item of m.items) {
        const files = item.files.length > 0 ? item.files.map(mdCode).join(', ') : '—';
        out.push(`| ${mdText(m.metric)} ${mdText(m.title)} | ${mdCode(item.id)} | ${files} |`);
      }
    }
  }
  out.push('', '</details>');
  const cited = trace.files.filter((f) => !f.orphan);
  out.push('', `<details><summary>File → items → metrics (${cited.length} file(s))</summary>`, '');
  if (cited.length === 0) out.push('No item cites a supporting file.');
  else {
    out.push('| File | Items | Metrics | SDGs |', '|---|---|---|---|');
    for (const f of cited) {
      out.push(`| ${mdCode(f.path)} | ${f.items.map((i) => mdCode(i.id)).join(', ')} | ${f.metrics.map(mdText).join(', ')} | ${f.sdgs.join(', ')} |`);
    }
  }
  out.push('', '</details>');
  return out;
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
