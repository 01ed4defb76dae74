import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { REPO_ROOT } from './helpers/temp-pack';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { REAL_CLIENTS, PROCESSES } = require('./suites.cjs') as { REAL_CLIENTS: string[]; PROCESSES: string[] };

/** The modules through which tests run poppler, qpdf, LibreOffice and Chromium (or playwright-core itself). */
const CLIENT_HARNESSES = ['tests/helpers/pdf-tools.ts', 'tests/helpers/pdf-text.ts', 'tests/render/support/poppler.ts', 'tests/render/docx/soffice.ts', 'tests/report/chromium.ts'];
const usesClient = (file: string) => CLIENT_HARNESSES.includes(file) || /from 'playwright-core'/.test(readFileSync(path.join(REPO_ROOT, file), 'utf8'));
/** Text that means a file starts a process or needs the compiled code. */
const STARTS_PROCESSES = /process\.execPath|bin\/impact-pack|worker_threads|scripts\/bench\.js|scripts\/generate-pack\.js|REPO_ROOT, ['"`]dist|\.\.\/dist\/|\/usr\/bin\/time|\bnpm\b['"`]/;

/** The file and every test-side module it imports, directly or not (relative imports only). */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  for (const m of text.matchAll(/(?:from\s+|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]));
    const target = [base, `${base}.ts`, `${base}.js`].find((f) => f.startsWith('tests/') && existsSync(path.join(REPO_ROOT, f)) && /\.(ts|js)$/.test(f));
    if (target) closure(target, seen);
  }
  return seen;
}

describe('tests/suites.cjs, which suites npm test, the opt-out and test:unit run', () => {
  // This file names the patterns it looks for, so it is left out of the scan.
  const files = fg.sync('tests/**/*.test.ts', { cwd: REPO_ROOT }).filter((f) => f !== 'tests/suites.test.ts').sort();

  it('lists only test files that exist, each once', () => {
    const listed = [...REAL_CLIENTS, ...PROCESSES];
    expect(listed.filter((f) => !files.includes(f))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('lists every suite that runs a real client under REAL_CLIENTS', () => {
    const unlisted = files.filter((f) => [...closure(f)].some(usesClient) && !REAL_CLIENTS.includes(f));
    expect(unlisted).toEqual([]);
  });

  it('lists every suite that starts a process or needs dist/, so that test:unit stays in-process', () => {
    const unlisted = files.filter(
      (f) => [...closure(f)].some((m) => STARTS_PROCESSES.test(readFileSync(path.join(REPO_ROOT, m), 'utf8'))) && !REAL_CLIENTS.includes(f) && !PROCESSES.includes(f),
    );
    expect(unlisted).toEqual([]);
  });

  it('finds what it looks for (the scan can fail)', () => {
    expect([...closure('tests/report/gap-html.test.ts')]).toContain('tests/report/chromium.ts');
    expect([...closure('tests/render/html/chromium.test.ts')].some(usesClient)).toBe(true);
    expect(STARTS_PROCESSES.test(readFileSync(path.join(REPO_ROOT, 'tests/perf/item-workers.test.ts'), 'utf8'))).toBe(true);
  });
});
