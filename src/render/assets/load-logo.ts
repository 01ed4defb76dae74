/**
 * The institution's logo (institution.logo in impact-pack.yaml): a PNG or JPEG inside the pack, shown on
 * every document's cover. This is the only place the documents read an image from disk; templates can only
 * name it (<figure src="logo">). A logo that cannot be used is a warning and the documents are built without
 * it: a missing logo must not hold up a submission.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { CONFIG_FILE } from '../../config/resolve';
import type { Diagnostic, Position, StageResult } from '../../diagnostics/diagnostic';
import { diagnostic } from '../../diagnostics/make';
import { PackBoundary } from '../../files/inside-pack';
import { readTextFile } from '../../load/read-text-file';
import { locate, parseYamlSource } from '../../parse/yaml-source';
import type { ImageAsset } from '../ir/types';
import { readImageHeader } from './image-header';
import { LOGO_IMAGE } from './image-names';

/**
 * Every document embeds the logo (17 PDFs, DOCX files and HTML files for a full submission); a logo larger
 * than this is almost certainly a print-resolution original that should be exported smaller.
 */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export async function loadLogo(packRoot: string, configured: string | undefined): Promise<StageResult<ImageAsset | undefined>> {
  if (configured === undefined || configured.trim() === '') return { value: undefined, diagnostics: [] };
  const reject = async (reason: string): Promise<StageResult<undefined>> => ({
    value: undefined,
    diagnostics: [await logoDiagnostic(packRoot, configured, reason)],
  });

  if (configured.includes('\\')) return reject('write the path with forward slashes');
  if (path.isAbsolute(configured) || /^[A-Za-z]:/.test(configured)) return reject('the path must be relative to the pack folder');
  if (!(await new PackBoundary(packRoot).contains(configured))) {
    const exists = await stat(path.join(packRoot, configured)).then(
      () => true,
      () => false,
    );
    return reject(exists ? 'the file lies outside the pack, and impact-pack reads nothing outside it' : 'there is no such file in the pack');
  }
  const absolute = path.join(packRoot, configured);
  const info = await stat(absolute);
  if (!info.isFile()) return reject('it is not a file');
  if (info.size > MAX_LOGO_BYTES) {
    return reject(`it is ${(info.size / (1024 * 1024)).toFixed(1)} MB; a logo is embedded in every document, so export it at most ${MAX_LOGO_BYTES / (1024 * 1024)} MB (a few hundred pixels wide is plenty)`);
  }
  const data = new Uint8Array(await readFile(absolute));
  const header = readImageHeader(data);
  if ('problem' in header) return reject(header.problem);
  const decodable = await pdfLibCanEmbed(data, header.format);
  if (decodable !== true) return reject(`the image cannot be decoded (${decodable})`);
  return { value: { name: LOGO_IMAGE, format: header.format, data, widthPx: header.widthPx, heightPx: header.heightPx }, diagnostics: [] };
}

/**
 * The PDF writer decodes PNGs (to split off the alpha channel) and parses JPEG headers; trying it here turns a
 * damaged file into this warning instead of a failed build later.
 */
async function pdfLibCanEmbed(data: Uint8Array, format: 'png' | 'jpeg'): Promise<true | string> {
  try {
    const trial = await PDFDocument.create({ updateMetadata: false });
    if (format === 'png') await trial.embedPng(data);
    else await trial.embedJpg(data);
    return true;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0];
  }
}

/** Points at institution.logo in impact-pack.yaml when the config can be read again, else at the file. */
async function logoDiagnostic(packRoot: string, configured: string, reason: string): Promise<Diagnostic> {
  const message = `The logo "${configured}" cannot be used: ${reason}. The documents are built without a logo.`;
  return diagnostic('LOGO_INVALID', message, { file: CONFIG_FILE, ...(await logoPosition(packRoot)) });
}

async function logoPosition(packRoot: string): Promise<Partial<Position>> {
  const read = await readTextFile(packRoot, CONFIG_FILE);
  if (read.text === undefined) return {};
  const source = parseYamlSource(CONFIG_FILE, read.text).value;
  return source ? locate(source, ['institution', 'logo']) : {};
}
