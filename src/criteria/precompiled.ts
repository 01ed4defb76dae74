import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { sha256 } from '../incremental/digest';
import { folderDigest } from '../incremental/folder-digest';
import type { Catalogue } from './types';

/**
 * The shipped catalogues, loaded once at build time (`npm run build` → scripts/precompile.js) and saved as
 * JSON. Parsing a catalogue's YAML with positions and checking it against its schema took 0.5–0.8 s of
 * every command; reading the saved result takes a few milliseconds. The saved copy is used only while its
 * key matches: the SHA-256 of the catalogue text together with the code that turns it into a Catalogue, so
 * an edited catalogue, or edited loader code, is loaded (and checked) from the YAML as before.
 */

/** dist/precompiled/criteria, from src/criteria (ts-jest) or dist/criteria alike. */
export const PRECOMPILED_CRITERIA_DIR = path.resolve(__dirname, '../../dist/precompiled/criteria');

interface SavedCatalogue {
  key: string;
  catalogue: Catalogue;
  diagnostics: Diagnostic[];
}

let loaderDigest: string | undefined;

/** Ties a saved catalogue to the catalogue's text and to the loader code (this folder) that read it. */
export function catalogueKey(text: string): string {
  loaderDigest ??= folderDigest(__dirname, (name) => name.endsWith('.js') || (name.endsWith('.ts') && !name.endsWith('.d.ts')));
  return sha256(`${loaderDigest}\n${text}`);
}

export function readPrecompiledCatalogue(edition: string, text: string, dir = PRECOMPILED_CRITERIA_DIR): { catalogue: Catalogue; diagnostics: Diagnostic[] } | undefined {
  let saved: SavedCatalogue;
  try {
    saved = JSON.parse(readFileSync(path.join(dir, `the-${edition}.json`), 'utf8')) as SavedCatalogue;
  } catch {
    return undefined;
  }
  if (saved.key !== catalogueKey(text)) return undefined;
  return { catalogue: saved.catalogue, diagnostics: saved.diagnostics };
}

export function writePrecompiledCatalogue(edition: string, text: string, catalogue: Catalogue, diagnostics: Diagnostic[], dir = PRECOMPILED_CRITERIA_DIR): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `the-${edition}.json`);
  const saved: SavedCatalogue = { key: catalogueKey(text), catalogue, diagnostics };
  writeFileSync(file, `${JSON.stringify(saved)}\n`);
  return file;
}
