import { gapReportGithub } from '../../src/report/github-annotations';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';

const d = (extra: Partial<Diagnostic>): Diagnostic => ({ code: 'FACT_MISMATCH', severity: 'warning', message: 'm', file: 'items/a.yaml', line: 3, column: 5, source: 'rule', ...extra });

describe('GitHub workflow annotations', () => {
  it('writes one command per finding with the file, line and column under the pack folder', () => {
    const text = gapReportGithub([d({}), d({ code: 'METRIC_PARTIAL', severity: 'info', line: 7, column: 1, endLine: 7, endColumn: 9 }), d({ severity: 'error', code: 'X', file: '', line: 0, column: 0 })], { pathPrefix: 'my-pack' });
    expect(text.split('\n')).toEqual([
      '::error title=X::m',
      '::warning file=my-pack/items/a.yaml,line=3,col=5,title=FACT_MISMATCH::m',
      '::notice file=my-pack/items/a.yaml,line=7,col=1,endLine=7,endColumn=9,title=METRIC_PARTIAL::m',
      '',
    ]);
  });

  it('escapes what the runner would read as separators or new commands', () => {
    const text = gapReportGithub([d({ message: '50% done\n::error::fake', file: 'items/a,b:c.yaml' })], { pathPrefix: '.' });
    expect(text).toBe('::warning file=items/a%2Cb%3Ac.yaml,line=3,col=5,title=FACT_MISMATCH::50%25 done%0A::error::fake\n');
  });

  it('prints nothing when there is nothing to say', () => {
    expect(gapReportGithub([], { pathPrefix: '' })).toBe('');
  });
});
