import path from 'node:path';
import { loadPack } from '../../src/pipeline/load-pack';
import { actualOf, asLines, expectedDiagnostics } from '../helpers/expectations';
import { FIXED } from '../helpers/temp-pack';

/**
 * Each fixture pack under tests/fixtures/packs marks the diagnostics it must produce on the offending
 * line (`# expect: CODE@COLUMN`). The pack must produce exactly those: no more, no fewer.
 */
const PACKS = ['valid', 'yaml', 'schema', 'criteria', 'dates', 'references', 'config-bad', 'ratings-2024', 'ratings-2027', 'views-2024', 'views-2027'];

describe.each(PACKS)('fixture pack %s', (name) => {
  const root = path.join(__dirname, '../fixtures/packs', name);

  it('reports exactly the marked diagnostics, with file, line and column', async () => {
    const result = await loadPack(root, FIXED);
    expect(asLines(actualOf(result.diagnostics))).toEqual(asLines(expectedDiagnostics(root)));
  });

  it('gives every diagnostic a message and a hint', async () => {
    const result = await loadPack(root, FIXED);
    for (const d of result.diagnostics) {
      expect(d.message.length).toBeGreaterThan(10);
      expect(d.hint?.length ?? 0).toBeGreaterThan(10);
    }
  });
});
