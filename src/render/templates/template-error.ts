/**
 * Turns what Handlebars throws (syntax errors, unknown helpers, strict-mode lookups, missing partials,
 * helper misuse) into TEMPLATE_ERROR diagnostics with the template's file, line and column.
 */
import { CODES } from '../../diagnostics/codes';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { templateHelperNames, type HandlebarsEnvironment } from './environment';
import type { TemplateSource } from './template-set';

/** 1-based line, 0-based column: how Handlebars and its lexer count. */
export interface HandlebarsPosition {
  line: number;
  column: number;
}

/** Thrown while rendering, to carry the innermost template that failed up through the partials that called it. */
export class TemplateRenderError extends Error {
  constructor(
    readonly template: TemplateSource,
    readonly original: unknown,
  ) {
    super(errorMessage(original));
    this.name = 'TemplateRenderError';
  }
}

interface HandlebarsLexer {
  yylloc?: { first_line: number; first_column: number };
}

/**
 * Where the Handlebars lexer stopped. Its syntax errors are plain Errors whose only position is a
 * line in the message; the lexer still holds the offending token's line and column, so read it right
 * after the failed parse, before anything else parses. `Parser` is not in Handlebars' type declarations.
 */
export function lastLexerPosition(handlebars: HandlebarsEnvironment): HandlebarsPosition | undefined {
  const lexer = (handlebars as unknown as { Parser?: { lexer?: HandlebarsLexer } }).Parser?.lexer;
  const location = lexer?.yylloc;
  return location ? { line: location.first_line, column: location.first_column } : undefined;
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function templateErrorDiagnostic(error: unknown, file: string, lexerPosition?: HandlebarsPosition): Diagnostic {
  const raw = errorMessage(error);
  const described = describe(raw);
  const position = positionOf(error, raw, lexerPosition);
  return {
    code: 'TEMPLATE_ERROR',
    severity: CODES.TEMPLATE_ERROR.severity,
    message: described.message,
    ...(described.hint === undefined ? {} : { hint: described.hint }),
    file,
    line: position.line,
    column: position.column,
    source: 'template',
  };
}

function positionOf(error: unknown, message: string, lexerPosition: HandlebarsPosition | undefined): { line: number; column: number } {
  const located = error as { lineNumber?: unknown; column?: unknown };
  if (typeof located.lineNumber === 'number') {
    return { line: located.lineNumber, column: typeof located.column === 'number' ? located.column + 1 : 0 };
  }
  const syntax = /^(?:Parse|Lexical) error on line (\d+)/.exec(message);
  if (syntax) {
    const line = Number(syntax[1]);
    return { line, column: lexerPosition?.line === line ? lexerPosition.column + 1 : 0 };
  }
  return { line: 0, column: 0 };
}

function describe(raw: string): { message: string; hint?: string } {
  // Handlebars appends " - line:column" to located errors; the diagnostic carries the position itself.
  const message = raw.replace(/ - \d+:\d+$/, '');
  let match: RegExpExecArray | null;

  if ((match = /^"(.+)" not defined in /.exec(message))) {
    return {
      message: `The template uses "${match[1]}", which the document data does not have here`,
      hint: `Guard optional fields with {{#if ${match[1]}}}...{{/if}}. The fields templates receive are those of SdgDocumentView (src/render/view.ts).`,
    };
  }
  if ((match = /unknown helper (\S+)/.exec(message))) {
    return { message: `Unknown helper "${match[1]}"`, hint: `Templates may call only: ${templateHelperNames().join(', ')}.` };
  }
  if ((match = /^The partial (.+) could not be found$/.exec(message))) {
    return {
      message: `The partial "${match[1]}" does not exist`,
      hint: `Partials are the files in templates/partials/; add partials/${match[1]}.hbs to the pack's templates folder.`,
    };
  }
  if ((match = /^(\S+) doesn't match (\S+)$/.exec(message))) {
    return { message: `The block {{#${match[1]}}} is closed by {{/${match[2]}}}` };
  }
  if (message.startsWith('Parse error')) {
    const expecting = /Expecting (.+), got (.+)$/m.exec(message);
    return {
      message: expecting ? `Handlebars syntax error: got ${expecting[2]} where ${expecting[1]} was expected` : 'Handlebars syntax error',
      hint: 'Check that every {{ is closed by }} and every {{#block}} by its {{/block}}.',
    };
  }
  if (message.startsWith('Lexical error')) {
    return { message: 'Handlebars syntax error: text the template language does not recognise', hint: 'An unclosed {{!-- comment --}} is the usual cause.' };
  }
  return { message: `Template error: ${message}` };
}
