import { urlView } from '../../src/render/view-model';

describe('urlView: labels never repeat the address', () => {
  it.each([
    ['a bare URL', 'https://www.example.edu/energy', { url: 'https://www.example.edu/energy' }],
    ['a URL without a label', { url: 'https://www.example.edu/energy' }, { url: 'https://www.example.edu/energy' }],
    ['an empty label', { url: 'https://www.example.edu/energy', label: '  ' }, { url: 'https://www.example.edu/energy' }],
    ['a label that is the address again', { url: 'https://www.example.edu/energy/', label: 'www.example.edu/energy' }, { url: 'https://www.example.edu/energy/' }],
    ['a label in words', { url: 'https://www.example.edu/energy', label: ' Energy policy ' }, { url: 'https://www.example.edu/energy', label: 'Energy policy' }],
  ])('%s', (_name, entry, view) => {
    expect(urlView(entry)).toEqual(view);
  });
});
