import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-pack';

const PACK = path.join(__dirname, '../fixtures/packs/files-trace');
const sha = (rel: string) => createHash('sha256').update(readFileSync(path.join(PACK, rel))).digest('hex');

/** Reads a CSV the way a spreadsheet would (RFC 4180: quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  return rows;
}

describe('manifest and traceability exports of a build', () => {
  let work: { root: string; cleanup: () => void };
  let out: string;
  beforeAll(async () => {
    work = tempDir();
    out = path.join(work.root, 'out');
    const r = await runCli(['build', PACK, '--out', out, '--formats', 'html']);
    expect(r.code).toBe(0);
  });
  afterAll(() => work.cleanup());
  const read = (name: string) => readFileSync(path.join(out, name), 'utf8');

  it('writes manifest.json with every cited file, its hash, media type and who cites it', () => {
    const manifest = JSON.parse(read('manifest.json'));
    expect(manifest).toMatchObject({ schemaVersion: 1, institution: 'Trace University', edition: '2022', asOf: '2021-11-01', roots: ['files'] });
    expect(manifest.files).toEqual([
      {
        path: 'files/sdg-07/energy-policy.pdf',
        size: readFileSync(path.join(PACK, 'files/sdg-07/energy-policy.pdf')).length,
        sha256: sha('files/sdg-07/energy-policy.pdf'),
        mediaType: 'application/pdf',
        items: [
          { id: 'energy-policy', file: 'items/energy-policy.yaml', line: 11 },
          { id: 'renovations-2020', file: 'items/renovations.yaml', line: 10 },
        ],
        metrics: ['7.2.1', '7.2.2'],
        sdgs: [7],
      },
      expect.objectContaining({ path: 'files/sdg-07/renovations-2020.csv', mediaType: 'text/csv', metrics: ['7.2.2'], sha256: sha('files/sdg-07/renovations-2020.csv') }),
      expect.objectContaining({ path: 'files/sdg-17/forum-2020.csv', metrics: ['17.2.2'], sdgs: [17] }),
    ]);
    expect(manifest.orphans).toEqual([{ path: 'files/sdg-17/draft-notes.txt', size: 25 }]);
    expect(manifest.totals).toMatchObject({ files: 3, orphans: 1 });
  });

  it('exports metric → items → files and file → items → metrics as JSON', () => {
    const trace = JSON.parse(read('traceability.json'));
    expect(trace.metrics.map((m: { metric: string }) => m.metric)).toEqual(['7.2.1', '7.2.2', '17.2.2']);
    expect(trace.metrics[1]).toEqual({
      sdg: 7,
      metric: '7.2.2',
      title: 'Upgrade buildings to higher energy efficiency',
      items: [{ id: 'renovations-2020', file: 'items/renovations.yaml', status: 'approved', files: ['files/sdg-07/renovations-2020.csv', 'files/sdg-07/energy-policy.pdf'] }],
    });
    const policy = trace.files.find((f: { path: string }) => f.path === 'files/sdg-07/energy-policy.pdf');
    expect(policy.items.map((i: { id: string }) => i.id)).toEqual(['energy-policy', 'renovations-2020']);
    expect(trace.files.find((f: { orphan: boolean }) => f.orphan).path).toBe('files/sdg-17/draft-notes.txt');
  });

  it('exports both directions as CSV that a spreadsheet reads back', () => {
    const metrics = parseCsv(read('traceability-metrics.csv'));
    expect(metrics[0]).toEqual(['sdg', 'metric', 'metric_title', 'item_id', 'item_file', 'item_status', 'supporting_file']);
    expect(metrics).toContainEqual(['7', '7.2.2', 'Upgrade buildings to higher energy efficiency', 'renovations-2020', 'items/renovations.yaml', 'approved', 'files/sdg-07/energy-policy.pdf']);
    expect(metrics).toHaveLength(1 + 4);
    const files = parseCsv(read('traceability-files.csv'));
    expect(files[0]).toEqual(['supporting_file', 'sha256', 'size_bytes', 'orphan', 'item_id', 'item_file', 'sdg', 'metric']);
    expect(files).toContainEqual(['files/sdg-17/draft-notes.txt', '', '25', 'yes', '', '', '', '']);
    expect(files.filter((r) => r[0] === 'files/sdg-07/energy-policy.pdf').map((r) => r[7])).toEqual(['7.2.1', '7.2.2']);
  });

  it('shows orphans and traceability in the gap report', () => {
    const md = read('gap-report.md');
    expect(md).toContain('## Supporting files');
    expect(md).toMatch(/\| `files\/sdg-17\/draft-notes\.txt` \| 25 B \|/);
    expect(md).toContain('| 7.2.2 Upgrade buildings to higher energy efficiency | `renovations-2020` | `files/sdg-07/renovations-2020.csv`, `files/sdg-07/energy-policy.pdf` |');
    const json = JSON.parse(read('gap-report.json'));
    expect(json.supportingFiles.orphans).toEqual([{ path: 'files/sdg-17/draft-notes.txt', size: 25 }]);
  });

  it('writes the same bytes on a second build', async () => {
    const again = path.join(work.root, 'again');
    await runCli(['build', PACK, '--out', again, '--formats', 'html']);
    for (const name of ['manifest.json', 'traceability.json', 'traceability-metrics.csv', 'traceability-files.csv']) {
      expect(readFileSync(path.join(again, name)).equals(readFileSync(path.join(out, name)))).toBe(true);
    }
  });
});
