import { findGroup, findMetric } from '../criteria/lookup';
import type { Catalogue, Metric } from '../criteria/types';
import type { Code } from '../diagnostics/codes';
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import { parseLooseDate } from '../model/dates';
import type { Grid, GridCell } from './grid';
import { cellText, columnLetter, CSV_SDG_COLUMN, EXTRA_COLUMNS, normaliseLabel, ROW_TYPE, SUMMARY_SHEET, type Cell, type Column } from './layout';
import { address, isNo, isYes, numberOf, parseEvidence, textOf } from './cell-values';
import { columnFor, findHeader, type HeaderColumn } from './sheet-header';

/** What one block of rows (an indicator row and its value rows) says about an item; only what the sheet gives. */
export interface SheetItem {
  /** Given in the Item id column, or made from the title when `generatedId`. */
  id: string;
  generatedId: boolean;
  sdg: number;
  metric: Metric;
  /** Where the block starts, e.g. SDG6!A12, for messages. */
  origin: string;
  /** The cell of the Item id, when the sheet gives one. */
  idCell?: string;
  title?: string;
  narrative?: string;
  /** The options chosen: one id, or a list for a question that takes several. */
  answer?: string | string[];
  /** A No: the item is recorded as not pursued, with this reason (the Description). */
  notPursuedReason?: string;
  /** A Yes or an option chosen: the item is pursued (an update takes a not-pursued item back to draft). */
  pursued?: boolean;
  evidence?: { url: string } | { file: string };
  period?: { start: string; end: string };
  policy?: { created?: string; last_reviewed?: string };
  relevance?: 'specific' | 'general';
  primary?: boolean;
  values: Record<string, SheetValue>;
}

/** A figure from a value row; basis and scope only when the sheet gives them. */
export interface SheetValue {
  value: number;
  unit: string;
  basis?: 'fte' | 'headcount';
  scope?: string;
}

export interface ImportContext {
  catalogue: Catalogue;
  /** The workbook's name as the user gave it, used as the diagnostics' file. */
  file: string;
  /** Ids of the items already in the pack, so that made-up ids never collide with them. */
  existingIds: ReadonlySet<string>;
}

/**
 * Columns whose content makes a row an item (the others only say where the row belongs): THE's answer columns and
 * impact-pack's item columns up to the value columns, which belong to a numeric item's value rows.
 */
const CONTENT: readonly Column[] = ['Value (for continuous data)', 'Yes/No', 'Evidence1', 'Public (Yes/No)', ...EXTRA_COLUMNS.slice(0, EXTRA_COLUMNS.indexOf('Value name'))];

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const TITLE_MAX = 300;

type Columns = Partial<Record<HeaderColumn, number>>;

interface RowRef {
  grid: Grid;
  r: number;
  columns: Columns;
}

interface Block {
  metric: Metric;
  sdg: number;
  indicator?: RowRef;
  values: RowRef[];
}

/**
 * Rows of THE's layout (or a department's sheet with the same columns) as items, with a diagnostic at the sheet
 * and cell of every problem. Pure: the grids come from read-xlsx.ts or workbook-csv.ts.
 */
export function rowsToItems(grids: Grid[], ctx: ImportContext): StageResult<SheetItem[]> {
  const diagnostics: Diagnostic[] = [];
  // Reported as found, printed in the order of the workbook: sheet by sheet, row by row, column by column.
  const placed: { d: Diagnostic; sheet: number; r: number; c: number }[] = [];
  const report = (code: Code, message: string, grid: Grid, r: number, c: number) =>
    placed.push({ d: diagnostic(code, message, { file: ctx.file, cell: address(grid, r, c) }), sheet: grids.indexOf(grid), r, c });

  const blocks: Block[] = [];
  let sheetsRead = 0;
  for (const grid of grids) {
    if (grid.sheet !== undefined && [SUMMARY_SHEET, 'example'].includes(normaliseLabel(grid.sheet))) continue;
    const header = findHeader(grid);
    if (!header) {
      if (grid.rows.some((row) => row.some((c) => c !== undefined))) {
        report(grid.csv ? 'WORKBOOK_HEADER_MISSING' : 'WORKBOOK_SHEET_IGNORED', `${grid.sheet === undefined ? 'The file' : `Sheet "${grid.sheet}"`} has no header row with "Metric and indicator reference" in its first five rows, so it was not read.`, grid, 1, 1);
      }
      continue;
    }
    sheetsRead++;
    const columns: Columns = {};
    header.cells.forEach((cell, i) => {
      const name = columnFor(cell);
      if (!name) return;
      if (columns[name] !== undefined) report('WORKBOOK_HEADER_DUPLICATE', `The column "${name}" appears twice in the header row (${columnLetter(columns[name]! + 1)} and ${columnLetter(i + 1)}); the first is read.`, grid, header.r, i + 1);
      else columns[name] = i;
    });
    const sheetSdg = grid.sheet === undefined ? undefined : /^sdg\s*0?(\d{1,2})$/i.exec(grid.sheet.trim())?.[1];
    let current: Block | undefined;
    for (let r = header.r + 1; r <= grid.rows.length; r++) {
      const at = (col: Column | typeof CSV_SDG_COLUMN) => cellAt(grid, r, columns[col]);
      const hasContent = CONTENT.some((c) => at(c) !== undefined);
      const refCell = at('Metric and indicator reference');
      const type = normaliseLabel(textOf(at('Type')) ?? '');
      if (type === normaliseLabel(ROW_TYPE.metric) && !hasContent) continue;
      if (!refCell || refCell.value === undefined) {
        if (hasContent) report('WORKBOOK_REFERENCE_MISSING', 'This row has an answer, a value or evidence but no indicator reference.', grid, r, colOf(columns, 'Metric and indicator reference'));
        continue;
      }
      const refColumn = colOf(columns, 'Metric and indicator reference');
      if (refCell.value.kind !== 'text') {
        if (hasContent) {
          report('WORKBOOK_METRIC_UNKNOWN', `The reference is a ${refCell.value.kind} cell (${cellText(refCell.value)}), not text; type it as text (e.g. '6.10), so that 6.10 does not become 6.1.`, grid, r, refColumn);
        }
        continue;
      }
      const ref = refCell.value.text.trim();
      const metric = findMetric(ctx.catalogue, ref);
      if (!metric) {
        if (hasContent) {
          const group = findGroup(ctx.catalogue, ref);
          report(
            'WORKBOOK_METRIC_UNKNOWN',
            group
              ? `${ref} is a metric (a group of indicators), not an indicator; answer its indicators ${group.metrics.map((m) => m.id).join(', ')}.`
              : `"${ref}" is not an indicator of ${ctx.catalogue.title}.`,
            grid,
            r,
            refColumn,
          );
        }
        continue;
      }
      if (metric.kind === 'bibliometric') {
        if (hasContent) report('WORKBOOK_NOT_ANSWERABLE', `${metric.id} (${metric.title}) is computed by THE from Scopus; nothing is submitted for it.`, grid, r, refColumn);
        continue;
      }
      if (sheetSdg !== undefined && Number(sheetSdg) !== metric.sdg) {
        report('WORKBOOK_METRIC_WRONG_SHEET', `${metric.id} belongs to SDG ${metric.sdg}, not to sheet ${grid.sheet}.`, grid, r, refColumn);
        continue;
      }
      const sdgCell = at(CSV_SDG_COLUMN);
      if (sdgCell?.value && cellText(sdgCell.value).trim() !== String(metric.sdg)) {
        report('WORKBOOK_METRIC_WRONG_SHEET', `${metric.id} belongs to SDG ${metric.sdg}, but the SDG column says ${cellText(sdgCell.value)}.`, grid, r, colOf(columns, CSV_SDG_COLUMN));
        continue;
      }
      const valueName = textOf(at('Value name'));
      const label = normaliseLabel(textOf(at('Metric')) ?? '');
      // A value row says so in Type or names its value; in a sheet without those columns, a numeric indicator's
      // row with a figure is one too, unless it is marked as the indicator's row and names no value.
      const isValueRow =
        type === normaliseLabel(ROW_TYPE.value) ||
        (valueName !== undefined && valueName.trim() !== '') ||
        (metric.kind === 'numeric' &&
          at('Value (for continuous data)') !== undefined &&
          (type !== normaliseLabel(ROW_TYPE.indicator) || (metric.values ?? []).some((nv) => normaliseLabel(nv.title) === label)));
      const here: RowRef = { grid, r, columns };
      if (isValueRow) {
        if (current && current.metric === metric) current.values.push(here);
        else {
          current = { metric, sdg: metric.sdg, values: [here] };
          blocks.push(current);
        }
      } else {
        current = { metric, sdg: metric.sdg, indicator: here, values: [] };
        blocks.push(current);
      }
    }
  }
  if (sheetsRead === 0 && !placed.some((p) => p.d.severity === 'error')) {
    diagnostics.push(diagnostic('WORKBOOK_UNREADABLE', `No sheet of ${ctx.file} has THE's header row (Type, Metric and indicator reference, Metric, …), so nothing was read.`, { file: ctx.file }));
  }

  const items: SheetItem[] = [];
  const usedIds = new Map<string, string>();
  for (const block of blocks) {
    const item = blockToItem(block, ctx, report, usedIds);
    if (item) items.push(item);
  }
  placed.sort((a, b) => a.sheet - b.sheet || a.r - b.r || a.c - b.c);
  return { value: items, diagnostics: [...placed.map((p) => p.d), ...diagnostics] };
}

type Report = (code: Code, message: string, grid: Grid, r: number, c: number) => void;

function blockToItem(block: Block, ctx: ImportContext, report: Report, usedIds: Map<string, string>): SheetItem | undefined {
  const { metric } = block;
  const ind = block.indicator;
  const get = (col: Column) => (ind ? readCell(ind, col, report) : undefined);
  const hasContent = (ind && CONTENT.some((c) => cellAt(ind.grid, ind.r, ind.columns[c]) !== undefined)) || block.values.some((v) => cellAt(v.grid, v.r, v.columns['Value (for continuous data)']) !== undefined);
  if (!hasContent) return undefined;
  const first = ind ?? block.values[0];
  const origin = address(first.grid, first.r, 1);
  const at = (ref: RowRef, col: Column): [Grid, number, number] => [ref.grid, ref.r, colOf(ref.columns, col)];

  const item: SheetItem = { id: '', generatedId: false, sdg: block.sdg, metric, origin, values: {} };

  const title = textOf(get('Title'))?.trim();
  if (title) {
    if (title.length > TITLE_MAX || title.length < 3) report('WORKBOOK_TEXT_INVALID', `The title has ${title.length} characters; a title has 3 to ${TITLE_MAX}.`, ...at(ind!, 'Title'));
    else item.title = title;
  }
  const narrative = textOf(get('Description'))?.trim();
  if (narrative) item.narrative = narrative;

  // The statement: Yes/No, or the option(s) chosen.
  const statement = textOf(get('Yes/No'))?.trim();
  if (statement) {
    const options = metric.options ?? [];
    if (isNo(statement)) {
      // Pointed at the Description cell, or at the No itself in a sheet without that column.
      if (!narrative) report('WORKBOOK_REASON_MISSING', `${metric.id} is answered No; write the reason in the Description column.`, ...at(ind!, ind!.columns.Description === undefined ? 'Yes/No' : 'Description'));
      else item.notPursuedReason = narrative;
    } else if (options.length > 0) {
      const chosen: string[] = [];
      const matches = (part: string) => options.some((o) => normaliseLabel(o.id) === normaliseLabel(part) || normaliseLabel(o.title) === normaliseLabel(part));
      // An option whose title holds a semicolon is one answer, not two.
      const parts = matches(statement) ? [statement] : statement.split(/[;\n]/).map((p) => p.trim()).filter(Boolean);
      for (const part of parts) {
        const option = options.find((o) => normaliseLabel(o.id) === normaliseLabel(part) || normaliseLabel(o.title) === normaliseLabel(part));
        if (option) chosen.push(option.id);
        else {
          report('WORKBOOK_ANSWER_UNKNOWN', `"${part}" is not an answer of ${metric.id}; write one of: ${options.map((o) => o.title).join('; ')}.`, ...at(ind!, 'Yes/No'));
        }
      }
      if (chosen.length > 1 && !metric.multiSelect) {
        report('WORKBOOK_ANSWER_UNKNOWN', `${metric.id} takes one answer, but ${chosen.length} are given.`, ...at(ind!, 'Yes/No'));
      } else if (chosen.length > 0 && chosen.length === parts.length) {
        item.answer = metric.multiSelect ? chosen : chosen[0];
        item.pursued = true;
      }
    } else if (!isYes(statement)) {
      report('WORKBOOK_YES_NO', `"${statement}" is not Yes or No.`, ...at(ind!, 'Yes/No'));
    } else item.pursued = true;
  }

  if (!narrative && item.notPursuedReason === undefined) {
    const [grid, r, c] = ind ? at(ind, 'Description') : [first.grid, first.r, 1];
    report('WORKBOOK_DESCRIPTION_MISSING', `The item for ${metric.id} has no description; it is written with an empty narrative for you to fill in.`, grid, r, c);
  }

  const evidence = textOf(get('Evidence1'))?.trim();
  if (evidence) {
    const parsed = parseEvidence(evidence);
    if ('problem' in parsed) report('WORKBOOK_EVIDENCE_INVALID', parsed.problem, ...at(ind!, 'Evidence1'));
    else item.evidence = parsed;
  }
  const pub = textOf(get('Public (Yes/No)'))?.trim();
  if (pub) {
    if (!isYes(pub) && !isNo(pub)) report('WORKBOOK_YES_NO', `"${pub}" is not Yes or No.`, ...at(ind!, 'Public (Yes/No)'));
    else if (item.evidence && 'url' in item.evidence && isNo(pub)) {
      report('WORKBOOK_PUBLIC_MISMATCH', 'Public says No, but the evidence is a web address, which is read as public.', ...at(ind!, 'Public (Yes/No)'));
    } else if (item.evidence && 'file' in item.evidence && isYes(pub)) {
      report('WORKBOOK_PUBLIC_MISMATCH', 'Public says Yes, but the evidence is a file of the pack; give the public web address where THE can read it.', ...at(ind!, 'Public (Yes/No)'));
    }
  }

  if (ind) {
    const valueCell = cellAt(ind.grid, ind.r, ind.columns['Value (for continuous data)']);
    if (valueCell) {
      report(
        'WORKBOOK_VALUE_UNEXPECTED',
        metric.kind === 'numeric' ? `Write the values of ${metric.id} on its value rows, one per named value, not on the indicator row.` : `${metric.id} is answered Yes/No, not with a value.`,
        ...at(ind, 'Value (for continuous data)'),
      );
    }
  }

  const start = dayOf(ind, 'Period start', report);
  const end = dayOf(ind, 'Period end', report);
  if (start !== undefined || end !== undefined) {
    if (start === undefined || end === undefined) {
      const missing: Column = start === undefined ? 'Period start' : 'Period end';
      if (start !== null && end !== null) report('WORKBOOK_DATE_INVALID', 'A period needs both its start and its end.', ...at(ind!, missing));
    } else if (start && end) item.period = { start, end };
  }
  const created = policyDate(ind, 'Policy created', report);
  const reviewed = policyDate(ind, 'Policy last reviewed', report);
  if (created || reviewed) item.policy = { ...(created ? { created } : {}), ...(reviewed ? { last_reviewed: reviewed } : {}) };

  const relevance = textOf(get('Relevance'))?.trim();
  if (relevance) {
    const r = normaliseLabel(relevance);
    if (r === 'specific' || r === 'general') item.relevance = r;
    else report('WORKBOOK_TEXT_INVALID', `Relevance is specific or general, not "${relevance}".`, ...at(ind!, 'Relevance'));
  }
  const primary = textOf(get('Primary (Yes/No)'))?.trim();
  if (primary) {
    if (isYes(primary)) item.primary = true;
    else if (!isNo(primary)) report('WORKBOOK_YES_NO', `"${primary}" is not Yes or No.`, ...at(ind!, 'Primary (Yes/No)'));
  }

  for (const row of block.values) readValue(row, metric, item, report);

  // The id: as given, or made from the SDG, the indicator and the title, unique in the pack and the workbook.
  const givenId = textOf(get('Item id'))?.trim();
  if (givenId) {
    if (!ID_PATTERN.test(givenId) || givenId.length > 120) {
      report('WORKBOOK_ID_INVALID', `"${givenId}" is not a valid item id.`, ...at(ind!, 'Item id'));
      return undefined;
    }
    const before = usedIds.get(givenId);
    if (before) {
      report('WORKBOOK_ID_DUPLICATE', `The id "${givenId}" is already used at ${before}.`, ...at(ind!, 'Item id'));
      return undefined;
    }
    item.id = givenId;
    item.idCell = address(ind!.grid, ind!.r, colOf(ind!.columns, 'Item id'));
    usedIds.set(givenId, item.idCell);
  } else {
    item.id = uniqueId(madeUpId(item), ctx.existingIds, usedIds);
    item.generatedId = true;
    usedIds.set(item.id, origin);
  }
  return item;
}

function readValue(row: RowRef, metric: Metric, item: SheetItem, report: Report): void {
  const valueCell = readCell(row, 'Value (for continuous data)', report);
  const at = (col: Column): [Grid, number, number] => [row.grid, row.r, colOf(row.columns, col)];
  const given = textOf(readCell(row, 'Value name', report))?.trim();
  const label = textOf(readCell(row, 'Metric', report))?.trim();
  const named = (metric.values ?? []).find((nv) => (given ? nv.name === given : label !== undefined && normaliseLabel(nv.title) === normaliseLabel(label)));
  const name = given ?? named?.name;
  if (valueCell === undefined) return;
  if (!name) {
    report('WORKBOOK_VALUE_UNKNOWN', `"${label ?? ''}" is not a value of ${metric.id}; its values are: ${(metric.values ?? []).map((v) => v.title).join('; ') || 'none'}.`, ...at(label ? 'Metric' : 'Value name'));
    return;
  }
  if (!/^[a-z][a-z0-9_]*$/.test(name)) {
    report('WORKBOOK_TEXT_INVALID', `"${name}" is not a value name (lowercase letters, digits and underscores, e.g. water_used_m3).`, ...at('Value name'));
    return;
  }
  const number = numberOf(valueCell);
  if (number === undefined) {
    report('WORKBOOK_NOT_A_NUMBER', `"${cellText(valueCell)}" is not a number.`, ...at('Value (for continuous data)'));
    return;
  }
  const unit = textOf(readCell(row, 'Unit', report))?.trim() || named?.unit || (valueCell.kind === 'percent' ? '%' : undefined);
  if (!unit) {
    report('WORKBOOK_TEXT_INVALID', `The value ${name} needs a unit in the Unit column (m3, kWh, students …).`, ...at('Unit'));
    return;
  }
  if (item.values[name]) {
    report('WORKBOOK_TEXT_INVALID', `The value ${name} is given twice for the same item; the first is kept.`, ...at('Value (for continuous data)'));
    return;
  }
  const value: SheetValue = { value: number, unit };
  const basis = textOf(readCell(row, 'Basis', report))?.trim();
  if (basis) {
    const b = normaliseLabel(basis);
    if (b !== 'fte' && b !== 'headcount') {
      report('WORKBOOK_TEXT_INVALID', `Basis is fte or headcount, not "${basis}".`, ...at('Basis'));
      return;
    }
    value.basis = b;
  }
  const scope = textOf(readCell(row, 'Scope', report))?.trim();
  if (scope) value.scope = scope;
  item.values[name] = value;
}

/** A full day for a period: a date cell or YYYY-MM-DD text. Undefined when empty, null when invalid (reported). */
function dayOf(ref: RowRef | undefined, col: Column, report: Report): string | null | undefined {
  if (!ref) return undefined;
  const cell = readCell(ref, col, report);
  if (!cell) return undefined;
  if (cell.kind === 'date') return cell.iso;
  const t = cellText(cell).trim();
  const parsed = parseLooseDate(t);
  if (cell.kind === 'text' && parsed.kind === 'date' && parsed.value.day !== undefined) return t;
  report('WORKBOOK_DATE_INVALID', `"${t}" is not a day; a period's start and end are full dates (YYYY-MM-DD).`, ref.grid, ref.r, colOf(ref.columns, col));
  return null;
}

/** A policy date as the pack writes it: a year, a month, a day, or unknown. */
function policyDate(ref: RowRef | undefined, col: Column, report: Report): string | undefined {
  if (!ref) return undefined;
  const cell = readCell(ref, col, report);
  if (!cell) return undefined;
  if (cell.kind === 'date') return cell.iso;
  if (cell.kind === 'number' && Number.isInteger(cell.value) && cell.value >= 1800 && cell.value <= 2200) return String(cell.value);
  const t = cellText(cell).trim();
  const parsed = parseLooseDate(normaliseLabel(t) === 'unknown' ? 'unknown' : t);
  if (cell.kind === 'text' && parsed.kind !== 'invalid') return parsed.kind === 'unknown' ? 'unknown' : t;
  report('WORKBOOK_DATE_INVALID', `"${t}" is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or unknown.`, ref.grid, ref.r, colOf(ref.columns, col));
  return undefined;
}

function madeUpId(item: SheetItem): string {
  const slug = (item.title ?? item.metric.title)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `sdg${String(item.sdg).padStart(2, '0')}-${item.metric.id.replace(/\./g, '-')}${slug ? `-${slug}` : ''}`;
}

function uniqueId(base: string, existing: ReadonlySet<string>, used: Map<string, string>): string {
  if (!existing.has(base) && !used.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!existing.has(id) && !used.has(id)) return id;
  }
}

/** The value of a cell; a formula's saved result with a warning, an error value reported and read as empty. */
function readCell(ref: RowRef, col: Column, report: Report): Cell | undefined {
  const c = ref.columns[col];
  const cell = cellAt(ref.grid, ref.r, c);
  if (!cell) return undefined;
  if (cell.formula !== undefined) {
    const shown = cell.error ?? (cell.value ? cellText(cell.value) : undefined);
    report(
      cell.error ? 'WORKBOOK_CELL_ERROR' : 'WORKBOOK_FORMULA',
      shown === undefined
        ? `The cell holds the formula =${cell.formula.slice(0, 80)} with no saved result; it is read as empty.`
        : ref.grid.csv
          ? `The cell starts with = like a formula (${cell.formula.slice(0, 80)}); it is read as the text it is, never evaluated.`
          : `The cell holds the formula =${cell.formula.slice(0, 80)}; its saved result ${shown} is used, never recomputed.`,
      ref.grid,
      ref.r,
      c! + 1,
    );
  } else if (cell.error) {
    report('WORKBOOK_CELL_ERROR', `The cell shows the error ${cell.error}; it is read as empty.`, ref.grid, ref.r, c! + 1);
  }
  return cell.error ? undefined : cell.value;
}

function cellAt(grid: Grid, r: number, c: number | undefined): GridCell | undefined {
  if (c === undefined) return undefined;
  const cell = grid.rows[r - 1]?.[c];
  if (!cell) return undefined;
  if (cell.value === undefined && cell.formula === undefined && cell.error === undefined) return undefined;
  if (cell.value?.kind === 'text' && cell.value.text.trim() === '' && cell.formula === undefined) return undefined;
  return cell;
}

function colOf(columns: Columns, col: Column | typeof CSV_SDG_COLUMN): number {
  // A column the sheet lacks is pointed at column A of the row.
  return (columns[col] ?? 0) + 1;
}
