/**
 * Compiles a template set into a renderer, and renders views with it. Pure: no files are read here.
 * Every template is parsed and compiled up front, each on its own, so that a syntax error or an unknown
 * helper is reported against the file that has it, and all broken files are reported in one run.
 */
import { CODES } from '../../diagnostics/codes';
import type { Diagnostic, StageResult } from '../../diagnostics/diagnostic';
import { diagnostic } from '../../diagnostics/make';
import type { SdgDocumentView } from '../view';
import {
  createTemplateEnvironment,
  TEMPLATE_COMPILE_OPTIONS,
  TEMPLATE_RUNTIME_OPTIONS,
  type HandlebarsEnvironment,
  type TemplateRuntimeOptions,
} from './environment';
import { RenderBudget, TEMPLATE_LIMITS, TemplateBudgetError, type TemplateLimits } from './render-budget';
import { SOURCE_END_MARKER, sourceStartMarker } from './source-markers';
import { collectTemplateReferences, type TemplateReferences } from './template-references';
import { lastLexerPosition, templateErrorDiagnostic, TemplateRenderError } from './template-error';
import type { TemplateSet, TemplateSource } from './template-set';

type RenderFunction = (context: unknown, options?: TemplateRuntimeOptions) => string;

export interface CompiledTemplates {
  main: TemplateSource;
  /** Files of the main template and partials, indexed as in the source markers of an annotated render. */
  files: readonly string[];
  /** Renders a view; throws whatever Handlebars or a helper throws, wrapped in TemplateRenderError. */
  render(view: SdgDocumentView, annotate: boolean): string;
}

type Loc = { start: { line: number; column: number } } | undefined;
type BlockFn = (context: unknown, options?: unknown) => string;
interface BlockOptions {
  fn: BlockFn;
  loc?: Loc;
  args?: unknown[];
}

export function compileTemplateSet(set: TemplateSet, limits: TemplateLimits = TEMPLATE_LIMITS): StageResult<CompiledTemplates | undefined> {
  const handlebars = createTemplateEnvironment();
  // A fresh budget for each render (see render-budget.ts): loops, partials and inline partials draw on it.
  let budget = new RenderBudget(limits);
  const counted = (body: BlockFn, loc: Loc): BlockFn =>
    Object.assign(function (this: unknown, context: unknown, options?: unknown) {
      budget.step(loc);
      return budget.produced(body.call(this, context, options), loc);
    }, body);
  const builtInEach = handlebars.helpers.each as (...args: unknown[]) => unknown;
  handlebars.registerHelper('each', function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as BlockOptions;
    args[args.length - 1] = { ...options, fn: counted(options.fn, options.loc) };
    return budget.inEach(options.loc, () => builtInEach.apply(this, args));
  });
  const decorators = handlebars as unknown as { decorators: Record<string, (...args: unknown[]) => unknown>; registerDecorator(name: string, fn: (...args: unknown[]) => unknown): void };
  const builtInInline = decorators.decorators.inline;
  decorators.registerDecorator('inline', (fn: unknown, props: unknown, container: unknown, options: unknown) => {
    const o = options as BlockOptions;
    const body = o.fn;
    const name = String(o.args?.[0] ?? 'inline');
    const inPartial: BlockFn = Object.assign(function (this: unknown, context: unknown, opts?: unknown) {
      budget.step(o.loc);
      return budget.inPartial(name, () => body.call(this, context, opts));
    }, body);
    return builtInInline(fn, props, container, { ...o, fn: inPartial });
  });
  const sources = [set.main, ...set.partials];
  const diagnostics: Diagnostic[] = [];

  const references = new Map<TemplateSource, TemplateReferences>();
  for (const source of sources) {
    const checked = checkTemplate(handlebars, source);
    if (checked.value) references.set(source, checked.value);
    diagnostics.push(...checked.diagnostics);
  }

  const known = new Set([...set.partials.map((partial) => partial.name), ...[...references.values()].flatMap((r) => r.inlinePartials)]);
  for (const [source, found] of references) {
    for (const call of found.partialCalls) {
      if (known.has(call.name)) continue;
      diagnostics.push({
        ...templateErrorDiagnostic(new Error(`The partial ${call.name} could not be found`), source.file),
        line: call.position.line,
        column: call.position.column + 1,
      });
    }
    for (const position of found.unescapedOutputs) {
      diagnostics.push({
        code: 'TEMPLATE_UNESCAPED',
        severity: CODES.TEMPLATE_UNESCAPED.severity,
        message: 'Unescaped output {{{ }}}: text containing "<" or "&" would be read as markup',
        hint: CODES.TEMPLATE_UNESCAPED.hint,
        file: source.file,
        line: position.line,
        column: position.column + 1,
        source: 'template',
      });
    }
  }
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { value: undefined, diagnostics };

  // Set for the duration of one render; renders are synchronous, so no two can interleave.
  let annotate = false;
  const wrap = (source: TemplateSource, index: number): RenderFunction => {
    const template = handlebars.compile(source.text, TEMPLATE_COMPILE_OPTIONS) as RenderFunction;
    return (context, options) => {
      let output: string;
      try {
        budget.step(undefined);
        output = budget.inPartial(source.name, () => template(context, options));
      } catch (error) {
        // The innermost template to fail is the one to report; callers pass its error on unchanged.
        throw error instanceof TemplateRenderError ? error : new TemplateRenderError(source, error);
      }
      return annotate ? `${sourceStartMarker(index)}${output}${SOURCE_END_MARKER}` : output;
    };
  };
  set.partials.forEach((partial, i) => handlebars.registerPartial(partial.name, wrap(partial, i + 1)));
  const main = wrap(set.main, 0);

  const compiled: CompiledTemplates = {
    main: set.main,
    files: sources.map((source) => source.file),
    render(view, annotated) {
      annotate = annotated;
      budget = new RenderBudget(limits);
      try {
        return main(view, { ...TEMPLATE_RUNTIME_OPTIONS });
      } finally {
        annotate = false;
      }
    },
  };
  return { value: compiled, diagnostics };
}

/** Parses and compiles one template on its own, and reads what it refers to. */
function checkTemplate(handlebars: HandlebarsEnvironment, source: TemplateSource): StageResult<TemplateReferences | undefined> {
  let program: unknown;
  try {
    program = handlebars.parse(source.text);
  } catch (error) {
    return { value: undefined, diagnostics: [templateErrorDiagnostic(error, source.file, lastLexerPosition(handlebars))] };
  }
  try {
    handlebars.precompile(source.text, TEMPLATE_COMPILE_OPTIONS);
  } catch (error) {
    return { value: undefined, diagnostics: [templateErrorDiagnostic(error, source.file)] };
  }
  return { value: collectTemplateReferences(program), diagnostics: [] };
}

/** Renders a view; a failure becomes a TEMPLATE_ERROR naming the template that failed. */
export function renderCompiled(compiled: CompiledTemplates, view: SdgDocumentView, annotate: boolean): StageResult<string | undefined> {
  try {
    return { value: compiled.render(view, annotate), diagnostics: [] };
  } catch (error) {
    const failure = error instanceof TemplateRenderError ? error : new TemplateRenderError(compiled.main, error);
    const found = templateErrorDiagnostic(failure.original, failure.template.file);
    if (failure.original instanceof TemplateBudgetError) {
      const message = `The template was stopped: ${failure.original.message}; nothing was rendered for SDG ${view.sdg.number}`;
      return { value: undefined, diagnostics: [diagnostic('TEMPLATE_BUDGET', message, { file: found.file, line: found.line, column: found.column }, { sdg: view.sdg.number })] };
    }
    return { value: undefined, diagnostics: [{ ...found, sdg: view.sdg.number }] };
  }
}
