import { referenceShape } from '../../src/files/reference-path';

describe('referenceShape (decided before anything touches the disk)', () => {
  it.each([
    ['../../secret.txt', 'climbs out of the pack with ".."'],
    ['files/../../secret.txt', 'climbs out of the pack with ".."'],
    ['..', 'climbs out of the pack with ".."'],
    ['/etc/passwd', 'is an absolute path'],
    ['C:/Users/me/report.pdf', 'names a drive (an absolute Windows path)'],
    ['C:\\Users\\me\\report.pdf', 'names a drive (an absolute Windows path)'],
    ['\\\\server\\share\\report.pdf', 'is an absolute path'],
    ['..\\secret.txt', 'climbs out of the pack with ".."'],
    ['~/Documents/report.pdf', 'points into a home folder'],
    ['file:///etc/passwd', 'is a file:// address on this computer'],
  ])('%s leaves the pack: it %s', (ref, why) => {
    expect(referenceShape(ref)).toEqual({ kind: 'outside', why });
  });

  it('treats a web address as a URL, not a path', () => {
    expect(referenceShape('https://www.example.edu/policy.pdf')).toEqual({ kind: 'url' });
  });

  it('suggests forward slashes for a backslash path that stays inside', () => {
    expect(referenceShape('files\\sdg-07\\policy.pdf')).toEqual({ kind: 'backslash', suggestion: 'files/sdg-07/policy.pdf' });
  });

  it.each([
    ['files/policy.pdf', 'files/policy.pdf', false, false],
    ['./files/policy.pdf', 'files/policy.pdf', false, false],
    ['files/a/../policy.pdf', 'files/policy.pdf', false, false],
    ['files/reports/', 'files/reports', false, true],
    ['files/*.pdf', 'files/*.pdf', true, false],
    ['files/**/minutes-*.pdf', 'files/**/minutes-*.pdf', true, false],
    ['files/rapport (final).pdf', 'files/rapport (final).pdf', false, false],
  ])('%s is a pack path %s (pattern: %s)', (ref, normal, dynamic, endsWithSlash) => {
    expect(referenceShape(ref)).toEqual({ kind: 'path', normal, dynamic, endsWithSlash });
  });
});
