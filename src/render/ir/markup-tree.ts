/**
 * Builds an element tree from markup tokens and checks it against the vocabulary: known elements,
 * known attributes, allowed nesting, matching end tags. Only what passes is attached to the tree;
 * what fails is reported and left out, so later steps can assume a well-formed tree.
 */
import { markupError, type MarkupProblem } from './markup-problem';
import type { MarkupAttribute, MarkupToken, StartTagToken } from './tokenize';
import { DOCUMENT_ELEMENT, elementSpec, vocabularyNames, type ElementSpec } from './vocabulary';

export interface MarkupElement {
  kind: 'element';
  name: string;
  attributes: ReadonlyMap<string, MarkupAttribute>;
  children: MarkupNode[];
  /** Offsets of the start tag. */
  start: number;
  end: number;
}

export interface MarkupText {
  kind: 'text';
  text: string;
  start: number;
  end: number;
}

export type MarkupNode = MarkupElement | MarkupText;

export interface MarkupTree {
  root: MarkupElement;
  problems: MarkupProblem[];
}

interface OpenElement {
  element: MarkupElement;
  /** Undefined for an unknown element: its content is not checked, since it is dropped anyway. */
  spec: ElementSpec | undefined;
  /** False when the element was rejected; its content is then dropped with it. */
  attached: boolean;
}

const WHITESPACE_ONLY = /^[ \t\n\r\f]*$/;

const describe = (name: string): string => (name === DOCUMENT_ELEMENT ? 'the top level of the document' : `<${name}>`);

export function buildMarkupTree(tokens: readonly MarkupToken[]): MarkupTree {
  const problems: MarkupProblem[] = [];
  const root: MarkupElement = { kind: 'element', name: DOCUMENT_ELEMENT, attributes: new Map(), children: [], start: 0, end: 0 };
  const stack: OpenElement[] = [{ element: root, spec: elementSpec(DOCUMENT_ELEMENT), attached: true }];
  const top = (): OpenElement => stack[stack.length - 1];
  // Elements already reported as not closed in time; their late end tags are then expected, not stray.
  const closedEarly: string[] = [];

  for (const token of tokens) {
    if (token.kind === 'text') {
      const parent = top();
      if (parent.spec === undefined || parent.spec.text) {
        if (parent.attached) parent.element.children.push({ kind: 'text', text: token.text, start: token.start, end: token.end });
      } else if (!WHITESPACE_ONLY.test(token.text)) {
        const firstVisible = token.start + (token.text.length - token.text.trimStart().length);
        problems.push(
          markupError(
            `Text is not allowed directly inside ${describe(parent.element.name)}`,
            Math.min(firstVisible, token.end),
            token.end,
            parent.element.name === DOCUMENT_ELEMENT ? 'Wrap text in <p>...</p>.' : `Allowed inside ${describe(parent.element.name)}: ${parent.spec.children.map((c) => `<${c}>`).join(' ')}.`,
          ),
        );
      }
    } else if (token.kind === 'start') {
      openElement(token, stack, problems);
    } else {
      closeElement(token.name, token.start, token.end, stack, closedEarly, problems);
    }
  }

  for (let i = stack.length - 1; i > 0; i--) {
    const { element } = stack[i];
    problems.push(markupError(`<${element.name}> is never closed`, element.start, element.end, `Add </${element.name}>.`));
  }
  return { root, problems };
}

function openElement(token: StartTagToken, stack: OpenElement[], problems: MarkupProblem[]): void {
  const parent = stack[stack.length - 1];
  const spec = elementSpec(token.name);
  const element: MarkupElement = {
    kind: 'element',
    name: token.name,
    attributes: checkedAttributes(token, spec, problems),
    children: [],
    start: token.start,
    end: token.end,
  };

  let attached = parent.attached;
  if (spec === undefined) {
    problems.push(
      markupError(
        `Unknown element <${token.name}>`,
        token.start,
        token.end,
        /[A-Z]/.test(token.name) && elementSpec(token.name.toLowerCase())
          ? `Element names are lower case: <${token.name.toLowerCase()}>.`
          : `Templates may use only: ${vocabularyNames().map((n) => `<${n}>`).join(' ')}.`,
      ),
    );
    attached = false;
  } else if (parent.spec !== undefined && !parent.spec.children.includes(token.name)) {
    problems.push(
      markupError(
        `<${token.name}> is not allowed inside ${describe(parent.element.name)}`,
        token.start,
        token.end,
        parent.spec.children.length > 0 ? `Allowed there: ${parent.spec.children.map((c) => `<${c}>`).join(' ')}.` : undefined,
      ),
    );
    attached = false;
  } else if (token.name === 'a' && stack.some((open) => open.element.name === 'a')) {
    problems.push(markupError('A link cannot contain another link', token.start, token.end));
    attached = false;
  }

  if (attached) parent.element.children.push(element);

  if (spec?.empty) {
    if (!token.selfClosing) {
      problems.push(markupError(`<${token.name}> has no content and must be written <${token.name}/>`, token.start, token.end));
    }
    return;
  }
  if (token.selfClosing) {
    // An XHTML-style <p/> is empty, not open: it must not swallow what follows.
    // An unknown element has been reported already; one report per tag is enough.
    if (spec === undefined) return;
    problems.push(markupError(`<${token.name}/> cannot be self-closing`, token.start, token.end, `Write <${token.name}></${token.name}>.`));
    return;
  }
  stack.push({ element, spec, attached });
}

function checkedAttributes(token: StartTagToken, spec: ElementSpec | undefined, problems: MarkupProblem[]): Map<string, MarkupAttribute> {
  const attributes = new Map<string, MarkupAttribute>();
  for (const attribute of token.attributes) {
    if (spec === undefined || spec.attributes.includes(attribute.name)) {
      attributes.set(attribute.name, attribute);
    } else {
      problems.push(
        markupError(
          `Unknown attribute "${attribute.name}" on <${token.name}>`,
          attribute.start,
          attribute.end,
          spec.attributes.length > 0 ? `<${token.name}> accepts: ${spec.attributes.join(', ')}.` : `<${token.name}> takes no attributes.`,
        ),
      );
    }
  }
  for (const name of spec?.required ?? []) {
    if (!attributes.has(name)) {
      problems.push(markupError(`<${token.name}> needs the attribute "${name}"`, token.start, token.end));
    }
  }
  return attributes;
}

function closeElement(
  name: string,
  start: number,
  end: number,
  stack: OpenElement[],
  closedEarly: string[],
  problems: MarkupProblem[],
): void {
  if (elementSpec(name)?.empty) {
    problems.push(markupError(`</${name}> is not needed: write <${name}/>`, start, end));
    return;
  }
  let match = -1;
  for (let i = stack.length - 1; i > 0; i--) {
    if (stack[i].element.name === name) {
      match = i;
      break;
    }
  }
  if (match === -1) {
    const early = closedEarly.lastIndexOf(name);
    if (early !== -1) {
      closedEarly.splice(early, 1);
      return;
    }
    problems.push(markupError(`</${name}> closes nothing: no <${name}> is open here`, start, end));
    return;
  }
  // Elements opened after the one being closed were never closed themselves: mis-nested tags.
  for (let i = stack.length - 1; i > match; i--) {
    const unclosed = stack[i].element;
    closedEarly.push(unclosed.name);
    problems.push(
      markupError(`<${unclosed.name}> is not closed before </${name}>`, unclosed.start, unclosed.end, `Close <${unclosed.name}> with </${unclosed.name}> before </${name}>.`),
    );
  }
  stack.length = match;
}
