/**
 * Public entry points of the template system: SdgDocumentView → markup → Document IR.
 * renderTemplate and renderToIr read the templates on every call; a build that renders several SDGs
 * can load and compile once (loadTemplateSet, compileTemplateSet) and call the pure renderMarkup and
 * renderDocumentIr for each view.
 */
import type { StageResult } from '../../diagnostics/diagnostic';
import { parseDocumentMarkup } from '../ir/parse';
import type { DocumentIR, ImageAsset } from '../ir/types';
import type { SdgDocumentView } from '../view';
import { compileTemplateSet, renderCompiled, type CompiledTemplates } from './compile';
import { buildDocumentMeta } from './document-meta';
import { loadTemplateSet, type TemplateLoadOptions } from './load';
import { stripSourceMarkers } from './source-markers';

/** The markup the templates produce for a view. Pure. */
export function renderMarkup(compiled: CompiledTemplates, view: SdgDocumentView): StageResult<string | undefined> {
  return renderCompiled(compiled, view, false);
}

/** Images a template may show with <figure src="name">, by name; the build loads them (see render/assets). */
export type DocumentImages = ReadonlyMap<string, ImageAsset>;

/** The Document IR for a view. Pure. Markup diagnostics name the template (main or partial) that wrote the text. */
export function renderDocumentIr(compiled: CompiledTemplates, view: SdgDocumentView, images: DocumentImages = new Map()): StageResult<DocumentIR | undefined> {
  const rendered = renderCompiled(compiled, view, true);
  if (rendered.value === undefined) return { value: undefined, diagnostics: rendered.diagnostics };
  const { markup, spans } = stripSourceMarkers(rendered.value, compiled.files, compiled.main.file);
  const parsed = parseDocumentMarkup(markup, buildDocumentMeta(view), { file: compiled.main.file, spans }, images);
  return {
    value: parsed.value,
    diagnostics: [...rendered.diagnostics, ...parsed.diagnostics.map((diagnostic) => ({ ...diagnostic, sdg: view.sdg.number }))],
  };
}

function withCompiledTemplates<T>(
  options: TemplateLoadOptions,
  use: (compiled: CompiledTemplates) => StageResult<T | undefined>,
): StageResult<T | undefined> {
  const loaded = loadTemplateSet(options);
  if (loaded.value === undefined) return { value: undefined, diagnostics: loaded.diagnostics };
  const compiled = compileTemplateSet(loaded.value);
  if (compiled.value === undefined) return { value: undefined, diagnostics: [...loaded.diagnostics, ...compiled.diagnostics] };
  const used = use(compiled.value);
  return { value: used.value, diagnostics: [...loaded.diagnostics, ...compiled.diagnostics, ...used.diagnostics] };
}

/** Loads the templates (defaults overridden by the pack's), and renders the view to markup. */
export function renderTemplate(view: SdgDocumentView, options: TemplateLoadOptions): StageResult<string | undefined> {
  return withCompiledTemplates(options, (compiled) => renderMarkup(compiled, view));
}

/** Loads the templates, renders the view and parses the markup into the Document IR. */
export function renderToIr(view: SdgDocumentView, options: TemplateLoadOptions, images: DocumentImages = new Map()): StageResult<DocumentIR | undefined> {
  return withCompiledTemplates(options, (compiled) => renderDocumentIr(compiled, view, images));
}
