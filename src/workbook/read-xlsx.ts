import ExcelJS from 'exceljs';
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import type { Grid, GridCell } from './grid';
import type { Cell } from './layout';
import { readZipDirectory } from './zip-directory';

/**
 * Limits on what is unpacked: THE's workbook is a few hundred kilobytes. A file claiming more than this once
 * unpacked is refused before exceljs inflates it in memory (a zip bomb).
 */
export const XLSX_LIMITS = { entries: 2_000, unpackedBytes: 64 * 1024 * 1024, compressionRatio: 200 };

/** The sheets of an xlsx file as grids. Formulas are never evaluated: their cached results are read. */
export async function readXlsx(file: string, bytes: Buffer): Promise<StageResult<Grid[]>> {
  const diagnostics: Diagnostic[] = [];
  const entries = readZipDirectory(bytes);
  if (!entries) {
    diagnostics.push(diagnostic('WORKBOOK_UNREADABLE', `${file} is not an xlsx workbook (not a zip archive).`, { file }));
    return { value: [], diagnostics };
  }
  const unpacked = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  const packed = entries.reduce((n, e) => n + e.compressedSize, 0);
  if (entries.length > XLSX_LIMITS.entries || unpacked > XLSX_LIMITS.unpackedBytes || unpacked > Math.max(1, packed) * XLSX_LIMITS.compressionRatio + 1024 * 1024) {
    diagnostics.push(
      diagnostic('WORKBOOK_TOO_LARGE', `${file} unpacks to ${unpacked} bytes in ${entries.length} parts, more than impact-pack reads (${XLSX_LIMITS.unpackedBytes} bytes).`, { file }),
    );
    return { value: [], diagnostics };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    diagnostics.push(diagnostic('WORKBOOK_UNREADABLE', `${file} cannot be read as an xlsx workbook: ${firstLine((error as Error).message)}.`, { file }));
    return { value: [], diagnostics };
  }
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    const rows: (GridCell | undefined)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: (GridCell | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells[c - 1] = gridCell(cell);
      });
      rows[r - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    grids.push({ sheet: ws.name, rows });
  });
  return { value: grids, diagnostics };
}

function gridCell(cell: ExcelJS.Cell): GridCell | undefined {
  const percent = typeof cell.numFmt === 'string' && cell.numFmt.includes('%');
  const v = cell.value as unknown;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object' && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v)) {
    const f = v as { formula?: string; sharedFormula?: string; result?: unknown };
    const result = f.result;
    const out: GridCell = { formula: f.formula ?? f.sharedFormula ?? '' };
    if (isErrorValue(result)) out.error = result.error;
    else {
      const value = plain(result, percent);
      if (value) out.value = value;
    }
    return out;
  }
  if (isErrorValue(v)) return { error: v.error };
  const value = plain(v, percent);
  return value ? { value } : undefined;
}

function isErrorValue(v: unknown): v is { error: string } {
  return typeof v === 'object' && v !== null && 'error' in v && typeof (v as { error: unknown }).error === 'string';
}

/** A stored value as a cell: rich text joined, a hyperlink's web address, dates in UTC, percentages × 100. */
function plain(v: unknown, percent: boolean): Cell | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return undefined;
    return percent ? { kind: 'percent', value: Number((v * 100).toPrecision(12)) } : { kind: 'number', value: v };
  }
  if (typeof v === 'string') return { kind: 'text', text: v };
  if (typeof v === 'boolean') return { kind: 'text', text: v ? 'Yes' : 'No' };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : { kind: 'date', iso: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    const o = v as { richText?: { text?: unknown }[]; text?: unknown; hyperlink?: unknown };
    if (Array.isArray(o.richText)) return { kind: 'text', text: o.richText.map((p) => (typeof p?.text === 'string' ? p.text : '')).join('') };
    if (typeof o.hyperlink === 'string' && /^https?:\/\//i.test(o.hyperlink)) return { kind: 'text', text: o.hyperlink };
    if (typeof o.text === 'string') return { kind: 'text', text: o.text };
    if (typeof o.text === 'object' && o.text !== null) return plain(o.text, percent);
  }
  return undefined;
}

function firstLine(t: string): string {
  return t.split('\n')[0].replace(/\.$/, '').slice(0, 200);
}
