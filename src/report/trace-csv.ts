import type { Traceability } from './trace';

/**
 * The traceability tables as CSV (RFC 4180: comma-separated, CRLF line ends, every field quoted), one
 * row per link so that a spreadsheet filter answers "what rests on this file?" or "what stands behind
 * this metric?". A field starting with =, +, - or @ is prefixed with an apostrophe: spreadsheets would
 * otherwise run evidence text as a formula.
 */

/** metric → item → file: one row per file of each item; an item without files gets one row with the file empty. */
export function metricTraceCsv(trace: Traceability): string {
  const rows: string[][] = [['sdg', 'metric', 'metric_title', 'item_id', 'item_file', 'item_status', 'supporting_file']];
  for (const m of trace.metrics) {
    for (const item of m.items) {
      const files = item.files.length > 0 ? item.files : [''];
      for (const file of files) rows.push([String(m.sdg), m.metric, m.title, item.id, item.file, item.status, file]);
    }
  }
  return toCsv(rows);
}

/** file → item → metric: one row per citing item; an orphan gets one row with the item columns empty. */
export function fileTraceCsv(trace: Traceability): string {
  const rows: string[][] = [['supporting_file', 'sha256', 'size_bytes', 'orphan', 'item_id', 'item_file', 'sdg', 'metric']];
  for (const f of trace.files) {
    const base = [f.path, f.sha256 ?? '', String(f.size), f.orphan ? 'yes' : 'no'];
    if (f.items.length === 0) rows.push([...base, '', '', '', '']);
    for (const item of f.items) rows.push([...base, item.id, item.file, String(item.sdg), item.metric]);
  }
  return toCsv(rows);
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
