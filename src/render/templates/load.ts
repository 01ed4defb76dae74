/**
 * Reads the templates a document is rendered from: the defaults shipped in the package's templates/
 * folder, replaced file by file by a pack's own templates folder. This is the only file of the
 * template system that touches the disk; compiling and rendering are pure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODES, type Code } from '../../diagnostics/codes';
import type { Diagnostic, StageResult } from '../../diagnostics/diagnostic';
import type { Audience } from '../view';
import { MAIN_TEMPLATE, PARTIALS_FOLDER, TEMPLATE_EXTENSION, type TemplateSet, type TemplateSource } from './template-set';

/** The package's own templates: three levels up from src/render/templates (ts-jest) or dist/render/templates. */
export const DEFAULT_TEMPLATES_DIR = path.resolve(__dirname, '../../../templates');

export interface TemplateLoadOptions {
  /**
   * Whose document is rendered. Templates in the pack's templates/<audience>/ folder (same layout: sdg-document.hbs,
   * partials/) replace those of the templates folder for that audience only.
   */
  audience?: Audience;
  /** The pack's templates folder, absolute or relative to packRoot. Optional: a pack need not override anything. */
  packTemplatesDir?: string;
  /** Pack root, for resolving packTemplatesDir and for the file paths shown in diagnostics. */
  packRoot?: string;
}

/**
 * Names a template can call with {{> name}}. It also keeps names such as "__proto__" out of
 * Handlebars' partial registry, which is a plain object.
 */
const PARTIAL_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

const toPosix = (file: string): string => file.split(path.sep).join('/');

/**
 * Template files directly in `folder`, as names without the extension, sorted so that loading is
 * deterministic. Symbolic links are listed too: whether they may be read is decided by where they lead.
 */
function templateNames(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith(TEMPLATE_EXTENSION))
    .map((entry) => entry.name.slice(0, -TEMPLATE_EXTENSION.length))
    .sort();
}

const isDirectory = (folder: string): boolean => fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory() ?? false;

const withoutBom = (text: string): string => (text.startsWith('\ufeff') ? text.slice(1) : text);

/**
 * The package's defaults. Missing defaults mean a broken installation, not a problem in the pack,
 * so this throws.
 */
function loadDefaults(): TemplateSet {
  const read = (relative: string, name: string): TemplateSource => ({
    name,
    file: `templates/${relative}`,
    text: withoutBom(fs.readFileSync(path.join(DEFAULT_TEMPLATES_DIR, relative), 'utf8')),
    origin: 'default',
  });
  return {
    main: read(`${MAIN_TEMPLATE}${TEMPLATE_EXTENSION}`, MAIN_TEMPLATE),
    partials: templateNames(path.join(DEFAULT_TEMPLATES_DIR, PARTIALS_FOLDER)).map((name) =>
      read(`${PARTIALS_FOLDER}/${name}${TEMPLATE_EXTENSION}`, name),
    ),
  };
}

export function loadTemplateSet(options: TemplateLoadOptions = {}): StageResult<TemplateSet | undefined> {
  const defaults = loadDefaults();
  if (options.packTemplatesDir === undefined) return { value: defaults, diagnostics: [] };

  const root = path.resolve(options.packRoot ?? '.');
  const folder = path.resolve(root, options.packTemplatesDir);
  const shown = (file: string): string => toPosix(path.relative(root, file)) || '.';
  // The folder is optional: a pack without one simply uses the defaults.
  if (!fs.existsSync(folder)) return { value: defaults, diagnostics: [] };

  const diagnostics: Diagnostic[] = [];
  const problem = (code: Code, file: string, message: string, hint?: string): void => {
    const info = CODES[code];
    diagnostics.push({ code, severity: info.severity, message, hint: hint ?? info.hint, file, line: 0, column: 0, source: info.source });
  };
  if (!isDirectory(folder)) {
    problem('TEMPLATE_ERROR', shown(folder), 'The templates folder is not a folder');
    return { value: undefined, diagnostics };
  }

  // Templates are code the pack brings along: every folder and file they are read from must resolve,
  // symbolic links followed, inside the pack. A link to a template elsewhere on the machine is refused.
  let rootReal: string;
  try {
    rootReal = fs.realpathSync(root);
  } catch {
    rootReal = root;
  }
  const leavesPack = (target: string): boolean => {
    let real: string;
    try {
      real = fs.realpathSync(target);
    } catch {
      return true;
    }
    return real !== rootReal && !real.startsWith(rootReal + path.sep);
  };
  const refuseOutside = (target: string, what: string): boolean => {
    if (!leavesPack(target)) return false;
    problem('TEMPLATE_ERROR',
      shown(target),
      `${what} leads out of the pack through a symbolic link (or cannot be resolved); it was not read`,
      'Keep the pack\'s templates inside the pack: copy the file in instead of linking to it.',
    );
    return true;
  };
  if (refuseOutside(folder, 'The templates folder')) return { value: undefined, diagnostics };

  const readPack = (file: string, name: string): TemplateSource | undefined => {
    if (refuseOutside(file, 'The template')) return undefined;
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      problem('TEMPLATE_ERROR', shown(file), 'The template is not a file');
      return undefined;
    }
    try {
      return { name, file: shown(file), text: withoutBom(fs.readFileSync(file, 'utf8')), origin: 'pack' };
    } catch (error) {
      problem('TEMPLATE_ERROR', shown(file), `The template cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };

  const listPack = (packFolder: string): string[] => {
    try {
      return templateNames(packFolder);
    } catch (error) {
      problem('TEMPLATE_ERROR', shown(packFolder), `The templates folder cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  };

  let main = defaults.main;
  const partials = new Map(defaults.partials.map((partial) => [partial.name, partial]));
  // The templates folder applies to both audiences; its audience sub-folder, to that audience only.
  const overlays = [folder, ...(options.audience && isDirectory(path.join(folder, options.audience)) ? [path.join(folder, options.audience)] : [])];
  for (const overlay of overlays) {
    if (overlay !== folder && refuseOutside(overlay, 'The audience templates folder')) continue;
    for (const name of listPack(overlay)) {
      const file = path.join(overlay, `${name}${TEMPLATE_EXTENSION}`);
      if (name === MAIN_TEMPLATE) {
        main = readPack(file, name) ?? main;
      } else {
        // A common slip: a partial saved next to the main template is never picked up.
        problem('TEMPLATE_UNUSED',
          shown(file),
          `This template is not used: only ${MAIN_TEMPLATE}${TEMPLATE_EXTENSION} is read from this folder`,
          `Partials go in ${shown(path.join(overlay, PARTIALS_FOLDER))}/${name}${TEMPLATE_EXTENSION}.`,
        );
      }
    }

    const partialsFolder = path.join(overlay, PARTIALS_FOLDER);
    if (!isDirectory(partialsFolder) || refuseOutside(partialsFolder, 'The partials folder')) continue;
    for (const name of listPack(partialsFolder)) {
      if (!PARTIAL_NAME.test(name)) {
        problem(
          'TEMPLATE_UNUSED',
          shown(path.join(partialsFolder, `${name}${TEMPLATE_EXTENSION}`)),
          'This partial is not used: its name cannot be called from a template',
          'Partial file names start with a letter and contain only letters, digits, "-" and "_".',
        );
        continue;
      }
      const override = readPack(path.join(partialsFolder, `${name}${TEMPLATE_EXTENSION}`), name);
      if (override) partials.set(name, override);
    }
  }

  const failed = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  return {
    value: failed ? undefined : { main, partials: [...partials.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) },
    diagnostics,
  };
}
