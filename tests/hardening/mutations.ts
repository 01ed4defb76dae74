/**
 * Random damage to a valid file, as fast-check arbitraries: the slips of people editing YAML by hand
 * (a lost colon, a tab, a line pasted twice, indentation off by one), what tools and copy-paste bring in
 * (a BOM, CRLF, a Latin-1 byte, NUL, control and bidi characters), and deliberate hostile tokens (anchors
 * and aliases, merge keys, tags, directives, prototype keys, paths out of the pack, script).
 */
import fc from 'fast-check';

export const TOKENS = [
  '- ', ': ', ':', '[', ']', '{', '}', ',', '&a ', '*a', '<<: *a', '? ', '!!binary ', '!js/function ', '!!int ',
  '%YAML 1.1\n', '---\n', '...\n', '\t', '"', "'", '|', '>-', '#', '\n', '  ', 'yes', 'no', 'on', '~', 'null',
  '0x1F', '1.10', '6.10', '2020-02-30', '2020-01-01', 'unknown', '\u202e', '\u2066', '\u0007', '\u001b', '\u0085',
  '\u0000', 'é', '\ufeff', '\r\n', '\r', '__proto__: ', 'constructor: ', 'metric: 6.10', 'javascript:alert(1)',
  '../../etc/passwd', '/etc/passwd', 'files/*.pdf', '**', '{{constructor}}', '<script>x</script>', 'TODO',
  'id: dup', 'sdg: 99', 'sdg: -1', 'status: approved', 'kind: numeric', 'x'.repeat(300),
] as const;

export type Mutation =
  | { kind: 'insert'; at: number; token: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'indent'; at: number; by: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'character'; at: number; char: string }
  | { kind: 'byte'; at: number; byte: number };

/** Positions are fractions of the current length, so that a mutation stays meaningful after earlier ones. */
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fraction, token: fc.constantFrom(...TOKENS) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate-line' as const), at: fraction }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), a: fraction, b: fraction }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('indent' as const), at: fraction, by: fc.integer({ min: -2, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fraction }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('character' as const), at: fraction, char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('byte' as const), at: fraction, byte: fc.integer({ min: 0x80, max: 0xff }) }) },
);

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 5 });

/**
 * Applies the text mutations in order, then the byte mutations (which may break UTF-8 on purpose) to the
 * encoded result; so the result is bytes.
 */
export function applyMutations(original: string, list: readonly Mutation[]): Buffer {
  let text = original;
  for (const m of list) {
    if (m.kind === 'byte') continue;
    const at = Math.floor((m.kind === 'swap-lines' ? m.a : m.at) * (text.length + 1));
    const lines = text.split('\n');
    const line = Math.floor((m.kind === 'swap-lines' ? m.a : m.at) * lines.length);
    switch (m.kind) {
      case 'insert':
        text = text.slice(0, at) + m.token + text.slice(at);
        break;
      case 'delete':
        text = text.slice(0, at) + text.slice(at + m.length);
        break;
      case 'duplicate-line':
        lines.splice(line, 0, lines[line] ?? '');
        text = lines.join('\n');
        break;
      case 'swap-lines': {
        const other = Math.floor(m.b * lines.length);
        [lines[line], lines[other]] = [lines[other], lines[line]];
        text = lines.join('\n');
        break;
      }
      case 'indent':
        lines[line] = m.by >= 0 ? ' '.repeat(m.by) + (lines[line] ?? '') : (lines[line] ?? '').slice(-m.by);
        text = lines.join('\n');
        break;
      case 'truncate':
        text = text.slice(0, at);
        break;
      case 'character':
        text = text.slice(0, at) + m.char + text.slice(at + 1);
        break;
    }
  }
  const bytes = Buffer.from(text, 'utf8');
  for (const m of list) if (m.kind === 'byte' && bytes.length > 0) bytes[Math.floor(m.at * bytes.length)] = m.byte;
  return bytes;
}
