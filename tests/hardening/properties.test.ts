import fc from 'fast-check';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CODES } from '../../src/diagnostics/codes';
import { decodeYamlBytes, firstInvalidUtf8 } from '../../src/load/decode-text';
import { parseYamlSource } from '../../src/parse/yaml-source';
import { runCli } from '../helpers/run-cli';
import { copyToTemp, tempDir } from '../helpers/temp-pack';
import { applyMutations, mutations, TOKENS } from './mutations';
import { leftoversBeside, readOutputTree } from './output-tree';

/**
 * Property-based tests (fast-check): random damage to valid evidence files and configs never crashes the
 * tool. Every run ends by itself with diagnostics and exit 0 or 1 (never 2, never a stack trace), every
 * diagnostic uses a documented code, and a second run says exactly the same. The number of runs per
 * property is in RUNS; a failure prints the seed and the shrunk counterexample, and IMPACT_PACK_FC_SEED
 * replays a run.
 */
export const RUNS = { utf8: 2000, yaml: 1000, item: 200, config: 100, build: 25 } as const;

if (process.env.IMPACT_PACK_FC_SEED) fc.configureGlobal({ seed: Number(process.env.IMPACT_PACK_FC_SEED) });

const VALID = path.join(__dirname, '../fixtures/packs/valid');
const ITEM = 'items/sdg-07/energy-policy.yaml';
const CONFIG = 'impact-pack.yaml';
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
const KNOWN_CODES = new Set(Object.keys(CODES));

interface Report {
  diagnostics: Array<{ code: string; line: number; column: number; file: string }>;
}

test('the UTF-8 check agrees with the platform decoder on any bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        valid = false;
      }
      expect(firstInvalidUtf8(bytes) === undefined).toBe(valid);
      // Decoding never throws: text, or a problem with a position.
      const decoded = decodeYamlBytes(bytes);
      if ('problem' in decoded) expect(decoded.problem.line).toBeGreaterThanOrEqual(1);
    }),
    { numRuns: RUNS.utf8 },
  );
});

test('parsing any text never throws and always says the same', () => {
  const soup = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(fc.oneof(soup, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
      const first = parseYamlSource('x.yaml', text);
      const second = parseYamlSource('x.yaml', text);
      expect(second.diagnostics).toEqual(first.diagnostics);
      for (const d of first.diagnostics) {
        expect(KNOWN_CODES.has(d.code)).toBe(true);
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
      }
    }),
    { numRuns: RUNS.yaml },
  );
});

describe('random damage to a pack', () => {
  let pack: { root: string; cleanup: () => void };
  let originals: Record<string, string>;
  beforeAll(() => {
    pack = copyToTemp(VALID);
    originals = { [ITEM]: readFileSync(path.join(pack.root, ITEM), 'utf8'), [CONFIG]: readFileSync(path.join(pack.root, CONFIG), 'utf8') };
  });
  afterAll(() => pack.cleanup());

  /** Writes the damaged file (the other one restored), validates twice, and checks what any run must satisfy. */
  async function validateDamaged(file: string, damaged: Buffer): Promise<void> {
    for (const [name, text] of Object.entries(originals)) writeFileSync(path.join(pack.root, name), name === file ? damaged : text);
    const first = await runCli(['validate', pack.root, '--format', 'json']);
    expect(first.stderr).not.toMatch(STACK_TRACE);
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: first.code === 0 ? 0 : 1, stderr: '' });
    const report = JSON.parse(first.stdout) as Report;
    for (const d of report.diagnostics) {
      expect({ code: d.code, known: KNOWN_CODES.has(d.code) }).toEqual({ code: d.code, known: true });
      expect(d.line).toBeGreaterThanOrEqual(0);
      expect(d.column).toBeGreaterThanOrEqual(0);
    }
    const second = await runCli(['validate', pack.root, '--format', 'json']);
    expect(second).toEqual(first);
  }

  test('a damaged evidence item', async () => {
    await fc.assert(
      fc.asyncProperty(mutations, async (list) => validateDamaged(ITEM, applyMutations(originals[ITEM], list))),
      { numRuns: RUNS.item },
    );
  }, 600_000);

  test('a damaged pack config', async () => {
    await fc.assert(
      fc.asyncProperty(mutations, async (list) => validateDamaged(CONFIG, applyMutations(originals[CONFIG], list))),
      { numRuns: RUNS.config },
    );
  }, 600_000);

  test('a build of a damaged pack writes a whole output or none, and exits 0 or 1', async () => {
    const work = tempDir();
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(ITEM, CONFIG), mutations, async (file, list) => {
          for (const [name, text] of Object.entries(originals)) writeFileSync(path.join(pack.root, name), name === file ? applyMutations(text, list) : text);
          const out = path.join(work.root, 'out');
          rmSync(out, { recursive: true, force: true });
          const run = await runCli(['build', pack.root, '--out', out, '--formats', 'html']);
          expect(run.stderr).not.toMatch(STACK_TRACE);
          expect([0, 1]).toContain(run.code);
          const tree = readOutputTree(out);
          if (tree !== 'missing') expect(Object.keys(tree)).toEqual(expect.arrayContaining(['.impact-pack-output', 'gap-report.json', 'gap-report.md']));
          expect(leftoversBeside(out)).toEqual([]);
        }),
        { numRuns: RUNS.build },
      );
    } finally {
      work.cleanup();
    }
  }, 900_000);
});
