/**
 * Jest runs the TypeScript sources directly (CommonJS). ts-jest only transpiles here: `npm test` type-checks
 * the whole tree with tsc first, which is both stricter and much faster than checking per test file.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: { ignoreCodes: [151002] } }],
  },
  testTimeout: 60000,
};
