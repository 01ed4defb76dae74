/** Small builders that keep IR fixtures readable. */
import type {
  Block,
  DocumentIR,
  DocumentMeta,
  Heading,
  Inline,
  LinkRun,
  Paragraph,
  Table,
  TextRun,
} from '../../../../src/render/ir/types';

export function text(value: string, style: Omit<TextRun, 'type' | 'text'> = {}): TextRun {
  return { type: 'text', text: value, ...style };
}

export function link(href: string, label: string): LinkRun {
  return { type: 'link', href, children: [text(label)] };
}

export function paragraph(content: string | Inline[], style?: Paragraph['style']): Paragraph {
  const children = typeof content === 'string' ? [text(content)] : content;
  return { type: 'paragraph', children, ...(style ? { style } : {}) };
}

export function heading(level: Heading['level'], title: string, id?: string): Heading {
  return { type: 'heading', level, children: [text(title)], ...(id ? { id } : {}) };
}

export function table(widths: number[], header: string[] | undefined, rows: string[][]): Table {
  const cells = (values: string[]) => values.map((value) => ({ children: [text(value)] }));
  return { type: 'table', widths, ...(header ? { header: cells(header) } : {}), rows: rows.map(cells) };
}

export function meta(overrides: Partial<DocumentMeta> = {}): DocumentMeta {
  return {
    title: 'SDG 7 evidence',
    author: 'IMT Mines Alès',
    subject: 'THE Impact Rankings submission',
    keywords: ['SDG 7', 'THE Impact Rankings'],
    language: 'en',
    date: new Date('2024-05-01T00:00:00Z'),
    header: 'IMT Mines Alès · SDG 7',
    accent: '#FCC30B',
    ...overrides,
  };
}

export function document(blocks: Block[], overrides: Partial<DocumentMeta> = {}): DocumentIR {
  return { meta: meta(overrides), blocks };
}
