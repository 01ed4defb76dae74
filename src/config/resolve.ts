import type { Diagnostic, StageResult } from '../diagnostics/diagnostic';
import { CODES } from '../diagnostics/codes';
import { diagnostic } from '../diagnostics/make';
import type { PackConfig, ResolvedConfig } from '../model/config';
import { locate, parseYamlSource } from '../parse/yaml-source';
import { packConfigSchema } from '../schemas/config-schema';
import { validateWithSchema } from '../validate/schema-errors';

export const CONFIG_FILE = 'impact-pack.yaml';

export interface PackSettings {
  config: ResolvedConfig;
  /** Date the documents carry and the checks treat as today (UTC midnight). */
  buildDate: Date;
  /** Where the build date came from, for the summary. */
  buildDateSource: 'config' | 'SOURCE_DATE_EPOCH' | 'clock';
}

/**
 * Turns the text of impact-pack.yaml into settings with defaults applied. Pure: the caller reads the file
 * and passes the environment and the clock.
 */
export function resolveConfig(
  text: string,
  editions: string[],
  env: Record<string, string | undefined>,
  now: Date,
): StageResult<PackSettings | undefined> {
  const parsed = parseYamlSource(CONFIG_FILE, text);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const source = parsed.value;
  if (!source || source.data === undefined) return { value: undefined, diagnostics };
  const data = source.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(diagnostic('CONFIG_INVALID', 'impact-pack.yaml must hold fields such as institution, edition and submit.', { file: CONFIG_FILE, line: 1, column: 1 }));
    return { value: undefined, diagnostics };
  }
  const raw = data as Record<string, unknown>;
  // `edition: 2022` unquoted is a number; accept it, since the intent is unambiguous.
  if (typeof raw.edition === 'number') raw.edition = String(raw.edition);
  const schemaDiagnostics = validateWithSchema(packConfigSchema(editions), raw, {
    source,
    subject: 'pack config',
    skip: (e) => e.instancePath === '/edition' && e.keyword === 'enum',
    // The same mapping as for items, re-labelled so that a coordinator sees it concerns the pack config.
  }).map((d) => ({ ...d, code: 'CONFIG_INVALID', hint: CODES.CONFIG_INVALID.hint, source: 'config' as const }));
  diagnostics.push(...schemaDiagnostics);
  if (typeof raw.edition === 'string' && !editions.includes(raw.edition)) {
    diagnostics.push(
      diagnostic('EDITION_UNKNOWN', `Edition "${raw.edition}" is not in the criteria catalogue (known: ${editions.join(', ')}).`, {
        file: CONFIG_FILE,
        ...locate(source, ['edition']),
      }),
    );
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { value: undefined, diagnostics };

  const cfg = raw as unknown as PackConfig;
  const editionYear = Number(cfg.edition);
  const config: ResolvedConfig = {
    ...cfg,
    data_year: cfg.data_year ?? editionYear - 2,
    folders: { items: 'items', files: 'files', templates: 'templates', ...(cfg.folders ?? {}) },
    languages: { evidence: cfg.languages?.evidence ?? 'en', sources: cfg.languages?.sources ?? [] },
  };
  if (cfg.data_year !== undefined && Number.isFinite(editionYear) && cfg.data_year !== editionYear - 2) {
    diagnostics.push(
      diagnostic('DATA_YEAR_MISMATCH', `Edition ${cfg.edition} looks at data year ${editionYear - 2}, but data_year is ${cfg.data_year}.`, {
        file: CONFIG_FILE,
        ...locate(source, ['data_year']),
      }),
    );
  }
  const others = config.submit.filter((n) => n !== 17);
  if (!config.submit.includes(17) || others.length < 3) {
    diagnostics.push(
      diagnostic('SUBMIT_NOT_ELIGIBLE', `submit lists ${config.submit.join(', ')}: the overall table needs SDG 17 and at least three other SDGs.`, {
        file: CONFIG_FILE,
        ...locate(source, ['submit']),
      }),
    );
  }
  const date = resolveBuildDate(cfg.build_date, env, now);
  if (!date.value) {
    diagnostics.push(
      diagnostic('BUILD_DATE_INVALID', date.problem ?? 'The build date is not valid.', {
        file: cfg.build_date !== undefined ? CONFIG_FILE : '',
        ...(cfg.build_date !== undefined ? locate(source, ['build_date']) : {}),
      }),
    );
    return { value: undefined, diagnostics };
  }
  return { value: { config, buildDate: date.value, buildDateSource: date.from }, diagnostics };
}

/** build_date in the config wins; then SOURCE_DATE_EPOCH (reproducible builds); then today's date. */
export function resolveBuildDate(
  configured: string | undefined,
  env: Record<string, string | undefined>,
  now: Date,
): { value?: Date; from: PackSettings['buildDateSource']; problem?: string } {
  if (configured !== undefined) {
    const d = new Date(`${configured}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== configured) {
      return { from: 'config', problem: `build_date "${configured}" is not a real date.` };
    }
    return { value: d, from: 'config' };
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) return { from: 'SOURCE_DATE_EPOCH', problem: `SOURCE_DATE_EPOCH "${epoch}" is not a whole number of seconds.` };
    const d = new Date(Number(epoch) * 1000);
    return { value: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())), from: 'SOURCE_DATE_EPOCH' };
  }
  return { value: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())), from: 'clock' };
}
