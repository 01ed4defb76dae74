/**
 * Which test files need more than the code under test, so that the three ways of running the tests pick
 * the right ones (tests/suites.test.ts fails when a file that needs more is missing here):
 * - `npm test` runs everything;
 * - IMPACT_PACK_SKIP_REAL_CLIENTS=1 leaves out REAL_CLIENTS (and says so loudly);
 * - `npm run test:unit` leaves out REAL_CLIENTS and PROCESSES: pure stages, run in-process, no build needed.
 */

/** Suites that check our output with the programs people use: poppler, qpdf, LibreOffice, Chromium, GNU time. */
const REAL_CLIENTS = [
  'tests/report/views-agree.test.ts',
  'tests/build/audiences.test.ts',
  'tests/build/output-safety.test.ts',
  'tests/portal/portal-chromium.test.ts',
  'tests/render/url-labels-clients.test.ts',
  'tests/workbook/libreoffice.test.ts',
  'tests/build/build.test.ts',
  'tests/hardening/untrusted-content.test.ts',
  'tests/perf/bench.test.ts',
  'tests/render/build-documents.test.ts',
  'tests/render/docx/libreoffice.test.ts',
  'tests/render/docx/toc-pages-libreoffice.test.ts',
  'tests/render/html/chromium.test.ts',
  'tests/render/pdf/large-document.test.ts',
  'tests/render/pdf/logo-attachments-merge.test.ts',
  'tests/render/pdf/reference-pages.test.ts',
  'tests/render/pdf/render-pdf.test.ts',
  'tests/report/gap-build.test.ts',
  'tests/report/gap-html.test.ts',
  'tests/report/junit.test.ts',
  'tests/review/desk-chromium.test.ts',
];

/** Suites that start processes (the built CLI, scripts, worker threads, npm) or need the compiled dist/. */
const PROCESSES = [
  'tests/hardening/approve-edits.test.ts',
  'tests/incremental/watch-session.test.ts',
  'tests/ci-workflow/workflow-run.test.ts',
  'tests/cli/init-and-criteria.test.ts',
  'tests/hardening/bad-packs.test.ts',
  'tests/hardening/command-boundaries.test.ts',
  'tests/hardening/concurrent-builds.test.ts',
  'tests/hardening/output-lock.test.ts',
  'tests/hardening/sigkill.test.ts',
  'tests/incremental/watch-command.test.ts',
  'tests/install/package-install.test.ts',
  'tests/perf/generate-pack.test.ts',
  'tests/perf/item-workers.test.ts',
  'tests/review/review-command.test.ts',
];

/** Jest testPathIgnorePatterns for a list of repository-relative files. */
function ignorePatterns(files) {
  return files.map((f) => `<rootDir>/${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

module.exports = { REAL_CLIENTS, PROCESSES, ignorePatterns };
