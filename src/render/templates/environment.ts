/**
 * The Handlebars environment submission templates run in.
 * Each compile gets its own instance from Handlebars.create(), so that helpers and partials never
 * leak between packs, renders or tests through the global registry.
 */
import Handlebars from 'handlebars';
import { TEMPLATE_HELPERS } from './helpers';

export type HandlebarsEnvironment = typeof Handlebars;
export type TemplateCompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;
export type TemplateRuntimeOptions = Handlebars.RuntimeOptions;

export const TEMPLATE_COMPILE_OPTIONS: TemplateCompileOptions = {
  // A misspelt field is an error with a position instead of a silently empty place in the document.
  strict: true,
  // Only the helpers below exist; an unknown one fails when the template is compiled, not halfway through a render.
  knownHelpersOnly: true,
  knownHelpers: {
    ...Object.fromEntries(Object.keys(TEMPLATE_HELPERS).map((name) => [name, true])),
    // The built-in log helper writes to the console; rendering has no side effects.
    log: false,
  },
  // Partial output is not re-indented: whitespace means nothing in the markup, and leaving it alone keeps
  // the output of a render identical whether or not it is annotated with the partials' file names.
  preventIndent: true,
};

/**
 * Prototype access stays blocked (the Handlebars default since 4.6). Saying so explicitly also stops
 * Handlebars from logging a console warning each time a template touches a property like toString.
 */
export const TEMPLATE_RUNTIME_OPTIONS: TemplateRuntimeOptions = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
};

export function createTemplateEnvironment(): HandlebarsEnvironment {
  const handlebars = Handlebars.create();
  handlebars.unregisterHelper('log');
  for (const [name, helper] of Object.entries(TEMPLATE_HELPERS)) handlebars.registerHelper(name, helper);
  return handlebars;
}

/** Names of the helpers templates may call, for messages. */
export function templateHelperNames(): string[] {
  return ['if', 'unless', 'each', 'with', 'lookup', ...Object.keys(TEMPLATE_HELPERS)];
}
