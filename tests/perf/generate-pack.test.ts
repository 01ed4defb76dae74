import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadPack } from '../../src/pipeline/load-pack';
import { FIXED, tempDir } from '../helpers/temp-pack';

// The generator is a plain script (it reads the catalogue through the compiled dist/, built by `npm test`).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require('../../scripts/generate-pack.js') as {
  generatePack(o: Record<string, unknown>): { root: string; items: number; files: number; bytes: number; metricsCovered: number; cleanItem: string; faulty: { file: string; fault: string; code: string }[] };
  FAULTS: { name: string; code: string }[];
};

function treeDigest(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else out.set(child, `${createHash('sha256').update(readFileSync(path.join(root, child))).digest('hex')} ${statSync(path.join(root, child)).mtimeMs}`);
    }
  };
  walk('');
  return out;
}

describe('scripts/generate-pack.js', () => {
  let work: { root: string; cleanup: () => void };
  beforeEach(() => {
    work = tempDir();
  });
  afterEach(() => work.cleanup());

  it('writes the same bytes for the same seed, and other bytes for another', () => {
    const options = { items: 40, files: 20, bytes: '1M', faulty: 0.25 };
    const a = generator.generatePack({ ...options, out: path.join(work.root, 'a'), seed: 7 });
    generator.generatePack({ ...options, out: path.join(work.root, 'b'), seed: 7 });
    generator.generatePack({ ...options, out: path.join(work.root, 'c'), seed: 8 });
    const da = treeDigest(a.root);
    expect(treeDigest(path.join(work.root, 'b'))).toEqual(da);
    expect(treeDigest(path.join(work.root, 'c'))).not.toEqual(da);
    expect(a.items).toBe(40);
    expect(a.files).toBe(20);
    // Sizes are scaled to the total asked for (CSV tables are written row by row, so a little off).
    expect(Math.abs(a.bytes - 1024 * 1024) / (1024 * 1024)).toBeLessThan(0.05);
  });

  it('spreads items over every submittable metric, and validate finds exactly the faults it planted', async () => {
    const summary = generator.generatePack({ out: path.join(work.root, 'pack'), items: 400, files: 60, bytes: '2M', faulty: 0.05, seed: 3 });
    expect(summary.metricsCovered).toBeGreaterThan(150);
    expect(new Set(summary.faulty.map((f) => f.fault))).toEqual(new Set(generator.FAULTS.map((f) => f.name)));

    const { pack, diagnostics } = await loadPack(summary.root, { env: FIXED.env, now: FIXED.now, cache: false });
    expect(pack).toBeDefined();
    for (const fault of summary.faulty) {
      expect(diagnostics.filter((d) => d.file === fault.file).map((d) => d.code)).toContain(fault.code);
    }
    // Every error is one of the planted faults (a duplicate id is reported at both items).
    const planted = new Set(summary.faulty.map((f) => f.file));
    const stray = diagnostics.filter((d) => d.severity === 'error' && !planted.has(d.file) && d.code !== 'DUPLICATE_ID');
    expect(stray).toEqual([]);
    expect(planted.has(summary.cleanItem)).toBe(false);
  });

  it('refuses to write into a folder that is not empty', () => {
    const out = path.join(work.root, 'pack');
    generator.generatePack({ out, items: 5, files: 2, bytes: '64K' });
    expect(() => generator.generatePack({ out, items: 5, files: 2 })).toThrow(/not empty/);
  });
});
