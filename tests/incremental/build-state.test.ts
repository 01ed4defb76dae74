import { diagnostic } from '../../src/diagnostics/make';
import { parseBuildState, serialiseBuildState, type BuildState } from '../../src/incremental/build-state';

const STATE: BuildState = {
  outDir: '/tmp/out',
  shared: 's'.repeat(64),
  documents: {
    'sdg-07': {
      key: 'k'.repeat(64),
      files: { 'sdg-07.pdf': 'p'.repeat(64), 'sdg-07.html': 'h'.repeat(64) },
      diagnostics: [diagnostic('GLYPH_MISSING', 'The PDF fonts lack "漢".', { file: 'items/sdg-07/a.yaml', line: 4, column: 3 })],
      inputs: { evidence: { 'items/sdg-07/a.yaml': 'e'.repeat(64) }, supporting: { 'files/a.pdf': 'f'.repeat(64) } },
    },
  },
};

describe('build state file', () => {
  it('reads back what it wrote', () => {
    expect(parseBuildState(serialiseBuildState(STATE))).toEqual(STATE);
  });

  it('ignores a damaged file', () => {
    const text = serialiseBuildState(STATE);
    expect(parseBuildState('{')).toBeUndefined();
    expect(parseBuildState(text.replace('sdg-07.pdf', 'sdg-08.pdf'))).toBeUndefined();
    const data = JSON.parse(text);
    data.documents['sdg-07'].files = ['not', 'a', 'map'];
    expect(parseBuildState(JSON.stringify(data))).toBeUndefined();
    expect(parseBuildState(text.replace('impact-pack/build', 'impact-pack/other'))).toBeUndefined();
  });
});
