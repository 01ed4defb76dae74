import { TEMPLATE_HELPERS, TemplateHelperError } from '../../../src/render/templates/helpers';
import { compileTemplateSet } from '../../../src/render/templates/compile';
import { renderMarkup } from '../../../src/render/templates/render';
import type { TemplateSet } from '../../../src/render/templates/template-set';
import { sdg7View } from './fixtures/sdg7-view';

/** Calls a helper the way Handlebars does: arguments, then an options object carrying the call's position. */
const call = (name: string, ...args: unknown[]): string =>
  TEMPLATE_HELPERS[name](...args, { loc: { start: { line: 4, column: 2 }, end: { line: 4, column: 20 } } });

function failure(name: string, ...args: unknown[]): TemplateHelperError {
  try {
    call(name, ...args);
  } catch (error) {
    if (error instanceof TemplateHelperError) return error;
    throw error;
  }
  throw new Error(`${name} did not fail`);
}

describe('template helpers', () => {
  it('date writes a YYYY-MM-DD date with the month in words', () => {
    expect(call('date', '2021-11-01')).toBe('1 November 2021');
    expect(call('date', '2020-02-29')).toBe('29 February 2020');
    expect(call('date', '2022-12-31')).toBe('31 December 2022');
  });

  it.each([['2021-02-29'], ['2021-13-01'], ['2021-1-1'], ['1 November 2021'], [20211101], [undefined]])('date refuses %p', (value) => {
    expect(failure('date', value).message).toMatch(/^date: /);
  });

  it('join joins strings and numbers, and gives nothing for an absent list', () => {
    expect(call('join', ['sdg7-energy-policy', 'sdg17-strategy'], ', ')).toBe('sdg7-energy-policy, sdg17-strategy');
    expect(call('join', [2018, 2022], '–')).toBe('2018–2022');
    expect(call('join', [], ', ')).toBe('');
    expect(call('join', undefined, ', ')).toBe('');
  });

  it('join refuses what is not a list of strings', () => {
    expect(failure('join', 'text', ', ').message).toContain('expects a list');
    expect(failure('join', [{ a: 1 }], ', ').message).toContain('only strings and numbers');
    expect(failure('join', ['a'], 3).message).toContain('separator must be a string');
  });

  it('plural picks the word form for the count', () => {
    expect(call('plural', 0, 'item', 'items')).toBe('0 items');
    expect(call('plural', 1, 'item', 'items')).toBe('1 item');
    expect(call('plural', 12, 'evidence item', 'evidence items')).toBe('12 evidence items');
    expect(failure('plural', 1.5, 'item', 'items').message).toContain('whole number');
    expect(failure('plural', '3', 'item', 'items').message).toContain('whole number');
  });

  it('shortHash keeps the first 12 hex digits, in lower case', () => {
    expect(call('shortHash', 'ABCDEF0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789')).toBe('abcdef012345');
    expect(failure('shortHash', 'not-a-hash-at-all').message).toContain('hexadecimal');
    expect(failure('shortHash', 'abc').message).toContain('hexadecimal');
  });

  it('a helper called with too few or too many arguments fails with the call position', () => {
    const error = failure('plural', 3, 'item');
    expect(error.message).toBe('plural: expects 3 arguments, got 2 (usage: {{plural count "item" "items"}})');
    expect([error.lineNumber, error.column]).toEqual([4, 2]);
  });

  it('helpers are reachable from a template, and their failures become TEMPLATE_ERROR at the call', () => {
    const set: TemplateSet = {
      main: { name: 'sdg-document', file: 'layout/sdg-document.hbs', origin: 'pack', text: '<p>{{date buildDate}}</p>\n<p>{{plural dataYear "x"}}</p>' },
      partials: [],
    };
    const compiled = compileTemplateSet(set);
    expect(compiled.diagnostics).toEqual([]);
    const result = renderMarkup(compiled.value!, sdg7View());
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toEqual([
      {
        code: 'TEMPLATE_ERROR',
        severity: 'error',
        message: 'Template error: plural: expects 3 arguments, got 2 (usage: {{plural count "item" "items"}})',
        file: 'layout/sdg-document.hbs',
        line: 2,
        column: 4,
        sdg: 7,
        source: 'template',
      },
    ]);
  });
});
