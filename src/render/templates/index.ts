/**
 * The template system: SdgDocumentView → Handlebars → closed XHTML-like markup → Document IR.
 * renderTemplate/renderToIr load and compile on each call; to render many SDGs with one set of
 * templates, call loadTemplateSet and compileTemplateSet once, then renderMarkup/renderDocumentIr per view.
 */
export { renderDocumentIr, renderMarkup, renderTemplate, renderToIr, type DocumentImages } from './render';
export { compileTemplateSet, type CompiledTemplates } from './compile';
export { DEFAULT_TEMPLATES_DIR, loadTemplateSet, type TemplateLoadOptions } from './load';
export { buildDocumentMeta } from './document-meta';
export { MAIN_TEMPLATE, PARTIALS_FOLDER, TEMPLATE_EXTENSION, type TemplateSet, type TemplateSource } from './template-set';
export { TEMPLATE_HELPERS } from './helpers';
