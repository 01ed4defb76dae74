/**
 * What a template refers to, read from its syntax tree before anything is rendered: the partials it
 * calls, the inline partials it defines, and where it writes unescaped {{{ }}} output.
 * Checking partial names up front reports a misspelt partial at its call site, in the file that has
 * the typo, even when the call sits in a branch the current view never takes.
 */

export interface TemplatePosition {
  line: number;
  /** 0-based, as Handlebars counts. */
  column: number;
}

export interface TemplateReferences {
  partialCalls: { name: string; position: TemplatePosition }[];
  inlinePartials: string[];
  unescapedOutputs: TemplatePosition[];
}

/** The parts of Handlebars' AST nodes this walk reads; the published types do not cover decorators. */
interface AstNode {
  type: string;
  loc?: { start: TemplatePosition };
  body?: AstNode[];
  program?: AstNode;
  inverse?: AstNode;
  name?: AstNode & { original?: unknown };
  path?: AstNode & { original?: unknown };
  params?: (AstNode & { value?: unknown })[];
  escaped?: boolean;
}

export function collectTemplateReferences(program: unknown): TemplateReferences {
  const references: TemplateReferences = { partialCalls: [], inlinePartials: [], unescapedOutputs: [] };
  visit(program as AstNode, references);
  return references;
}

function visit(node: AstNode | undefined, references: TemplateReferences): void {
  if (node === undefined || node === null) return;
  const position = node.loc?.start ?? { line: 0, column: 0 };
  switch (node.type) {
    case 'PartialStatement':
      // A computed name ({{> (lookup ...)}}) cannot be checked before rendering; @partial-block always exists.
      if (node.name?.type === 'PathExpression' && typeof node.name.original === 'string' && !node.name.original.startsWith('@')) {
        references.partialCalls.push({ name: node.name.original, position });
      }
      break;
    case 'DecoratorBlock': {
      const [first] = node.params ?? [];
      if (node.path?.original === 'inline' && first?.type === 'StringLiteral' && typeof first.value === 'string') {
        references.inlinePartials.push(first.value);
      }
      break;
    }
    case 'MustacheStatement':
      if (node.escaped === false) references.unescapedOutputs.push(position);
      break;
    default:
      break;
  }
  for (const child of node.body ?? []) visit(child, references);
  // A partial block's own content is its fallback when the partial is missing, so it is not a call to check.
  visit(node.program, references);
  visit(node.inverse, references);
}
