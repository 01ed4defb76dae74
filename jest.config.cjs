/**
 * Jest runs the TypeScript sources directly (CommonJS). ts-jest only transpiles here: `npm test` type-checks
 * the whole tree with tsc first, which is both stricter and much faster than checking per test file.
 * IMPACT_PACK_SKIP_REAL_CLIENTS=1 leaves out the suites that need poppler, qpdf, LibreOffice, Chromium or
 * GNU time (tests/suites.cjs); `npm test` installs those programs or stops (scripts/test-clients.js).
 */
const { REAL_CLIENTS, ignorePatterns } = require('./tests/suites.cjs');

const skipRealClients = process.env.IMPACT_PACK_SKIP_REAL_CLIENTS === '1';
if (skipRealClients) {
  process.stderr.write(`jest: IMPACT_PACK_SKIP_REAL_CLIENTS=1: SKIPPING ${REAL_CLIENTS.length} suites that check the output with real clients.\n`);
}

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(skipRealClients ? ignorePatterns(REAL_CLIENTS) : [])],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: { ignoreCodes: [151002] } }],
  },
  testTimeout: 60000,
};
