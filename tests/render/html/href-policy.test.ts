import { classifyHref } from '../../../src/render/html/href-policy';

describe('classifyHref', () => {
  test.each([
    ['https://www.mines-ales.fr/ecole', 'https://www.mines-ales.fr/ecole'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://Example.org/a b', 'https://example.org/a%20b'],
    ['  https://example.org/x  ', 'https://example.org/x'],
    ['mailto:developpement.durable@mines-ales.fr', 'mailto:developpement.durable@mines-ales.fr'],
  ])('keeps %j as the external URL %j', (href, url) => {
    expect(classifyHref(href)).toEqual({ kind: 'external', url });
  });

  test('keeps a #anchor as an internal link to that id', () => {
    expect(classifyHref('#metric-7-2-1')).toEqual({ kind: 'internal', id: 'metric-7-2-1' });
  });

  test.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://example.org/file',
    'relative/page.html',
    '//evil.example/path',
    '#',
    'mailto:',
    'https://',
    '',
  ])('rejects %j', (href) => {
    expect(classifyHref(href).kind).toBe('rejected');
  });

  test('says why a scheme was refused', () => {
    expect(classifyHref('javascript:alert(1)')).toEqual({ kind: 'rejected', reason: 'the scheme javascript: is not http, https or mailto' });
  });
});
