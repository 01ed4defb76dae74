import { SOURCE_END_MARKER, sourceStartMarker, stripSourceMarkers } from '../../../src/render/templates/source-markers';

const files = ['main.hbs', 'outer.hbs', 'inner.hbs'];
const start = sourceStartMarker;
const end = SOURCE_END_MARKER;

describe('stripSourceMarkers', () => {
  it('removes nested markers and records which file wrote which part', () => {
    const annotated = `${start(0)}a${start(1)}bb${start(2)}ccc${end}dd${end}e${end}`;
    expect(stripSourceMarkers(annotated, files, 'main.hbs')).toEqual({
      markup: 'abbcccdde',
      spans: [
        { start: 1, file: 'outer.hbs' },
        { start: 3, file: 'inner.hbs' },
        { start: 6, file: 'outer.hbs' },
        { start: 8, file: 'main.hbs' },
      ],
    });
  });

  it('records nothing for a partial that wrote nothing', () => {
    expect(stripSourceMarkers(`x${start(1)}${end}y`, files, 'main.hbs')).toEqual({ markup: 'xy', spans: [] });
  });

  it('leaves markup without markers as it is', () => {
    expect(stripSourceMarkers('<p>a &lt;?impact-pack-source 1?&gt;</p>', files, 'main.hbs')).toEqual({
      markup: '<p>a &lt;?impact-pack-source 1?&gt;</p>',
      spans: [],
    });
  });

  it('tolerates an unknown file index and an unmatched end marker', () => {
    expect(stripSourceMarkers(`a${start(9)}b${end}${end}c`, files, 'main.hbs')).toEqual({ markup: 'abc', spans: [] });
  });
});
