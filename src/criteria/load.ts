import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import { parseYamlSource } from '../parse/yaml-source';
import type { Catalogue } from './types';
import { catalogueFromFile, type CatalogueFile } from './catalogue-file';
import { CATALOGUE_HINT, catalogueDiagnostic } from './catalogue-diagnostic';
import { validateCatalogueFile } from './validate-file';
import { checkCatalogueConsistency } from './consistency';
import { readPrecompiledCatalogue } from './precompiled';

/**
 * Loads the criteria catalogue of one THE edition from criteria/the-<edition>.yaml: parse with positions,
 * validate against schemas/criteria.schema.json, check consistency, map to the Catalogue type.
 * Problems come back as diagnostics, never as exceptions; a catalogue with any error yields no value.
 */

/** criteria/ at the package root; the same relative path works from src/criteria (ts-jest) and dist/criteria. */
export const DEFAULT_CRITERIA_DIR = path.resolve(__dirname, '../../criteria');

export interface CatalogueOptions {
  /** Folder holding the-<edition>.yaml files; defaults to the catalogues shipped with impact-pack. */
  dir?: string;
  /** Use the copy of a shipped catalogue saved at build time when it is current (precompiled.ts); default true. */
  precompiled?: boolean;
}

const FILE_PATTERN = /^the-(\d{4})\.yaml$/;
/** Editions are years; anything else (e.g. "../x") must never reach the file system. */
const EDITION_PATTERN = /^\d{4}$/;

/**
 * Successfully loaded catalogues with the warnings found on loading, by absolute folder and edition.
 * Catalogues are shared between callers: do not mutate them.
 */
const cache = new Map<string, { catalogue: Catalogue; diagnostics: Diagnostic[] }>();

export function loadCatalogue(edition: string, options: CatalogueOptions = {}): StageResult<Catalogue | undefined> {
  const dir = path.resolve(options.dir ?? DEFAULT_CRITERIA_DIR);
  const cacheKey = `${dir}\u0000${edition}`;
  const cached = cache.get(cacheKey);
  if (cached) return { value: cached.catalogue, diagnostics: [...cached.diagnostics] };

  const known = listEditions({ dir });
  if (!EDITION_PATTERN.test(edition) || !known.includes(edition)) {
    return { value: undefined, diagnostics: [unknownEdition(edition, known, dir)] };
  }

  const fileName = `the-${edition}.yaml`;
  const shownAs = displayPath(dir, fileName);
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, fileName), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      value: undefined,
      diagnostics: [catalogueDiagnostic('FILE_UNREADABLE', `The criteria catalogue cannot be read (${reason}).`, shownAs, { line: 0, column: 0 })],
    };
  }

  const saved = dir === DEFAULT_CRITERIA_DIR && options.precompiled !== false ? readPrecompiledCatalogue(edition, text) : undefined;
  if (saved) {
    cache.set(cacheKey, { catalogue: saved.catalogue, diagnostics: [...saved.diagnostics] });
    return { value: saved.catalogue, diagnostics: [...saved.diagnostics] };
  }

  const parsed = parseYamlSource(shownAs, text);
  const diagnostics: Diagnostic[] = parsed.diagnostics.map((d) => ({ ...d, hint: CATALOGUE_HINT }));
  const source = parsed.value;
  if (!source || source.data === undefined || hasErrors(diagnostics)) return { value: undefined, diagnostics };

  diagnostics.push(...validateCatalogueFile(source));
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };

  const file = source.data as CatalogueFile;
  diagnostics.push(...checkCatalogueConsistency(file, source, edition));
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };

  const catalogue = catalogueFromFile(file);
  cache.set(cacheKey, { catalogue, diagnostics: [...diagnostics] });
  return { value: catalogue, diagnostics };
}

/** Editions that have a catalogue file, oldest first; an absent folder has none. */
export function listEditions(options: CatalogueOptions = {}): string[] {
  const dir = path.resolve(options.dir ?? DEFAULT_CRITERIA_DIR);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => FILE_PATTERN.exec(name)?.[1])
    .filter((edition): edition is string => edition !== undefined)
    .sort();
}

/** Forgets loaded catalogues, for callers (tests, watch mode) that change catalogue files within one process. */
export function clearCatalogueCache(): void {
  cache.clear();
}

function unknownEdition(edition: string, known: string[], dir: string): Diagnostic {
  const message =
    known.length > 0
      ? `There is no criteria catalogue for THE edition "${edition}". Known editions: ${known.join(', ')}.`
      : `There is no criteria catalogue for THE edition "${edition}": no catalogue files (the-<edition>.yaml) were found in ${displayDir(dir)}.`;
  return diagnostic('EDITION_UNKNOWN', message, { file: '', line: 0, column: 0 });
}

/** The shipped catalogues are shown relative to the package root so that output does not depend on the install path. */
function displayPath(dir: string, fileName: string): string {
  return `${displayDir(dir)}/${fileName}`;
}

function displayDir(dir: string): string {
  return dir === DEFAULT_CRITERIA_DIR ? 'criteria' : dir.split(path.sep).join('/');
}

function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
