/**
 * The templates one submission document is rendered from: the main template and its partials,
 * after a pack's own templates have replaced the defaults of the same name.
 */

/** File name (without extension) of the main template, in the templates folder. */
export const MAIN_TEMPLATE = 'sdg-document';
/** Sub-folder of a templates folder that holds the partials, registered by file name. */
export const PARTIALS_FOLDER = 'partials';
export const TEMPLATE_EXTENSION = '.hbs';

export interface TemplateSource {
  /** Partial name (file name without extension), or MAIN_TEMPLATE. */
  name: string;
  /** Path shown in diagnostics: relative to the pack root for a pack's templates, "templates/..." for defaults. */
  file: string;
  text: string;
  origin: 'default' | 'pack';
}

export interface TemplateSet {
  main: TemplateSource;
  /** Sorted by name. */
  partials: TemplateSource[];
}
