import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/temp-pack';

/** The command lines of a shell text: no comments, no blank lines, no `set`/`cd` preamble. */
function commands(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l && !l.startsWith('#') && !/^(set|cd) /.test(l));
}

describe('the set-up commands: what the README promises is what CI runs', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const setUp = readme.slice(readme.indexOf('## Set-up'));
  const block = setUp.match(/```sh\n([\s\S]*?)```/)![1];
  const ci = commands(readFileSync(path.join(REPO_ROOT, '.ci/run'), 'utf8'));
  const scripts = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;

  it('has .ci/run run the README\'s two commands, as written, then only the provenance check', () => {
    expect(commands(block)).toEqual(['npm ci && npm start', 'npm test']);
    expect(ci.slice(0, 2)).toEqual(commands(block));
    expect(ci.slice(2)).toHaveLength(1);
    expect(ci[2]).toContain('node scripts/check-provenance.js');
  });

  it('has npm test look for the real clients before anything else, and prepack build the package', () => {
    expect(scripts.pretest.split(' && ')[0]).toBe('node scripts/test-clients.js');
    expect(scripts.prepack).toContain('npm run build:ts');
    expect(scripts['test:unit']).toBe('jest -c jest.unit.config.cjs');
  });
});
