/**
 * The closed vocabulary templates may emit, and where each element may appear.
 * Keeping it closed is what makes Handlebars' HTML escaping sufficient: evidence text can never
 * become markup, and a template can only ask for what all three writers (PDF, DOCX, HTML) support.
 *
 * There is deliberately no <br>: the IR has no line-break run, and a forced break inside a
 * paragraph rarely survives the PDF and DOCX writers' own line filling. Use separate <p> elements
 * or a list instead.
 */

export interface ElementSpec {
  /** Attributes the element accepts; any other is reported. */
  attributes: readonly string[];
  /** Attributes that must be present. */
  required: readonly string[];
  /** Elements allowed directly inside. */
  children: readonly string[];
  /** Whether text other than whitespace may appear directly inside. */
  text: boolean;
  /** Written self-closed, e.g. <pagebreak/>; never has content. */
  empty: boolean;
}

/** Name of the implicit element that holds the whole document. */
export const DOCUMENT_ELEMENT = '#document';

const INLINE = ['em', 'strong', 'code', 'a'] as const;
const BLOCKS = ['h1', 'h2', 'h3', 'p', 'ul', 'ol', 'table', 'figure', 'pagebreak', 'toc'] as const;

const spec = (partial: Partial<ElementSpec>): ElementSpec => ({
  attributes: [],
  required: [],
  children: [],
  text: false,
  empty: false,
  ...partial,
});

const inlineContainer = (attributes: readonly string[] = []): ElementSpec => spec({ attributes, children: INLINE, text: true });

// A Map, not an object literal: an element named "constructor" or "__proto__" must be unknown.
const VOCABULARY: ReadonlyMap<string, ElementSpec> = new Map<string, ElementSpec>([
  [DOCUMENT_ELEMENT, spec({ children: BLOCKS })],
  ['h1', inlineContainer(['id'])],
  ['h2', inlineContainer(['id'])],
  ['h3', inlineContainer(['id'])],
  ['p', inlineContainer(['class'])],
  ['ul', spec({ children: ['li'] })],
  ['ol', spec({ children: ['li'] })],
  ['li', inlineContainer()],
  ['table', spec({ attributes: ['widths'], children: ['thead', 'tbody', 'tr'] })],
  ['thead', spec({ children: ['tr'] })],
  ['tbody', spec({ children: ['tr'] })],
  ['tr', spec({ children: ['th', 'td'] })],
  ['th', inlineContainer()],
  ['td', inlineContainer()],
  // A link holds formatted text only: the IR's LinkRun has text runs as children, never another link.
  ['a', spec({ attributes: ['href'], required: ['href'], children: ['em', 'strong', 'code'], text: true })],
  ['em', inlineContainer()],
  ['strong', inlineContainer()],
  ['code', inlineContainer()],
  // An image the build loaded, named by src; alt is required because every writer needs a text for it.
  ['figure', spec({ attributes: ['src', 'alt', 'width', 'height'], required: ['src', 'alt'], empty: true })],
  ['pagebreak', spec({ empty: true })],
  ['toc', spec({ attributes: ['title'], required: ['title'], empty: true })],
]);

export function elementSpec(name: string): ElementSpec | undefined {
  return VOCABULARY.get(name);
}

/** Element names a template may write, for messages. */
export function vocabularyNames(): string[] {
  return [...VOCABULARY.keys()].filter((name) => name !== DOCUMENT_ELEMENT);
}

/** Values of <p class="..."> and the paragraph style each selects. */
export const PARAGRAPH_CLASSES = ['note', 'small', 'title', 'subtitle'] as const;
