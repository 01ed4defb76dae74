/**
 * `npm run test:unit`: the pure stages only, for working. No real clients, no processes, no build:
 * it leaves out the suites listed in tests/suites.cjs. `npm test` runs everything.
 */
const base = require('./jest.config.cjs');
const { REAL_CLIENTS, PROCESSES, ignorePatterns } = require('./tests/suites.cjs');

module.exports = { ...base, testPathIgnorePatterns: ['/node_modules/', ...ignorePatterns([...REAL_CLIENTS, ...PROCESSES])] };
