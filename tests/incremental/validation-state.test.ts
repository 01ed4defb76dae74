import { diagnostic } from '../../src/diagnostics/make';
import { parseValidationState, serialiseValidationState, type ValidationState } from '../../src/incremental/validation-state';

const STATE: ValidationState = {
  inputs: 'a'.repeat(64),
  tool: 'b'.repeat(64),
  asOf: { source: 'clock', day: '2021-11-01' },
  diagnostics: [diagnostic('PLACEHOLDER_TEXT', 'Placeholder "TODO" left in title.', { file: 'items/a.yaml', line: 3, column: 8 })],
};

describe('validation state file', () => {
  it('reads back what it wrote', () => {
    expect(parseValidationState(serialiseValidationState(STATE))).toEqual(STATE);
  });

  it('ignores a damaged file instead of trusting it', () => {
    const text = serialiseValidationState(STATE);
    expect(parseValidationState('not json')).toBeUndefined();
    expect(parseValidationState(text.replace('Placeholder', 'Placeholdr'))).toBeUndefined();
    expect(parseValidationState(text.replace('"version":1', '"version":2'))).toBeUndefined();
    const data = JSON.parse(text);
    data.diagnostics[0].line = 'three';
    expect(parseValidationState(JSON.stringify(data))).toBeUndefined();
    const noAsOf = JSON.parse(text);
    noAsOf.asOf = { source: 'moon' };
    expect(parseValidationState(JSON.stringify(noAsOf))).toBeUndefined();
  });
});
