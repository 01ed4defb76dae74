import { isoDay } from '../model/dates';
import type { LoadedPack } from '../pipeline/load-pack';
import { buildManifest, manifestJson } from './manifest';
import { buildTraceability } from './trace';
import { fileTraceCsv, metricTraceCsv } from './trace-csv';

/** The names `build` writes the integrity and traceability exports under, in the output folder. */
export const SUPPORTING_FILE_EXPORTS = ['manifest.json', 'traceability.json', 'traceability-metrics.csv', 'traceability-files.csv'] as const;

/** The manifest and the traceability exports of a loaded pack, by output file name. Pure. */
export function supportingFileExports(pack: LoadedPack): Map<(typeof SUPPORTING_FILE_EXPORTS)[number], string> {
  const { settings, catalogue, items, files } = pack;
  const manifest = buildManifest({ institution: settings.config.institution.name, edition: catalogue.edition, asOf: isoDay(settings.buildDate) }, files);
  const trace = buildTraceability(catalogue, items, files);
  return new Map([
    ['manifest.json', manifestJson(manifest)],
    ['traceability.json', `${JSON.stringify(trace, null, 2)}\n`],
    ['traceability-metrics.csv', metricTraceCsv(trace)],
    ['traceability-files.csv', fileTraceCsv(trace)],
  ]);
}
