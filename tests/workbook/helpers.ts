import path from 'node:path';
import type { Catalogue } from '../../src/criteria/types';
import type { EvidenceItem } from '../../src/model/item';
import { parseItem } from '../../src/parse/item';
import { loadPack } from '../../src/pipeline/load-pack';
import type { Grid } from '../../src/workbook/grid';
import { newItemYaml } from '../../src/workbook/item-yaml';
import { cellText, type WorkbookModel } from '../../src/workbook/layout';
import { packToRows } from '../../src/workbook/pack-to-rows';
import { readXlsx } from '../../src/workbook/read-xlsx';
import { rowsToItems } from '../../src/workbook/rows-to-items';
import { csvToGrid, workbookToCsv } from '../../src/workbook/workbook-csv';
import { writeXlsx } from '../../src/workbook/write-xlsx';
import { FIXED, REPO_ROOT } from '../helpers/temp-pack';

export const EVERY_TYPE_PACK = path.join(REPO_ROOT, 'tests/fixtures/workbook/every-type');

/** A loaded pack's catalogue and items (the fixture loads without errors). */
export async function packItems(dir: string): Promise<{ catalogue: Catalogue; items: EvidenceItem[]; buildDate: Date; institution: string }> {
  const loaded = await loadPack(dir, { env: FIXED.env, now: FIXED.now, cache: false });
  if (!loaded.pack) throw new Error(`fixture pack ${dir} does not load: ${JSON.stringify(loaded.diagnostics)}`);
  return {
    catalogue: loaded.pack.catalogue,
    items: loaded.pack.items.map((p) => p.item),
    buildDate: loaded.pack.settings.buildDate,
    institution: loaded.pack.settings.config.institution.name,
  };
}

/** The catalogue with one question turned into a multi-select one, as the 2027 data marks 16.2.1. */
export function withMultiSelect(catalogue: Catalogue, metricId: string): Catalogue {
  return {
    ...catalogue,
    sdgs: catalogue.sdgs.map((sdg) => ({
      ...sdg,
      groups: sdg.groups.map((g) => ({ ...g, metrics: g.metrics.map((m) => (m.id === metricId ? { ...m, multiSelect: true } : m)) })),
    })),
  };
}

export async function fileBytes(model: WorkbookModel, format: 'xlsx' | 'csv'): Promise<Buffer> {
  return format === 'xlsx' ? writeXlsx(model) : Buffer.from(workbookToCsv(model), 'utf8');
}

export async function gridsOf(bytes: Buffer, format: 'xlsx' | 'csv'): Promise<Grid[]> {
  if (format === 'xlsx') {
    const read = await readXlsx('workbook.xlsx', bytes);
    if (read.diagnostics.length > 0) throw new Error(JSON.stringify(read.diagnostics));
    return read.value;
  }
  const grid = csvToGrid('workbook.csv', bytes.toString('utf8'));
  if (!grid.value) throw new Error(JSON.stringify(grid.diagnostics));
  return [grid.value];
}

/**
 * Export → import into an empty pack → export, through the file formats and the YAML text: the import's
 * diagnostics, the items it made (re-parsed from their YAML), and both workbooks with their bytes.
 */
export async function roundTrip(
  input: { catalogue: Catalogue; items: EvidenceItem[]; buildDate: Date; institution: string },
  format: 'xlsx' | 'csv',
) {
  const first = packToRows(input);
  const firstBytes = await fileBytes(first.workbook, format);
  const mapped = rowsToItems(await gridsOf(firstBytes, format), { catalogue: input.catalogue, file: `workbook.${format}`, existingIds: new Set() });
  const yamlTexts = mapped.value.map((item) => newItemYaml(item, input.catalogue, { schemaPath: 'x.json', source: `workbook.${format} ${item.origin}` }));
  const reparsed = yamlTexts.map((text, i) => {
    const parsed = parseItem(`items/${i}.yaml`, text);
    if (!parsed.value || parsed.diagnostics.length > 0) throw new Error(`imported YAML does not parse:\n${text}\n${JSON.stringify(parsed.diagnostics)}`);
    return parsed.value.item;
  });
  const second = packToRows({ ...input, items: reparsed });
  const secondBytes = await fileBytes(second.workbook, format);
  return { first, firstBytes, mapped, yamlTexts, reparsed, second, secondBytes };
}

/** Every cell of every SDG sheet as text with its type, for comparing two workbooks cell by cell. */
export function cellsOf(model: WorkbookModel): string[] {
  return model.sheets.flatMap((s) => s.rows.flatMap((row, r) => Object.entries(row).map(([col, cell]) => `${s.name}!${r + 3}:${col}=${cell!.kind}:${cellText(cell)}`)));
}
