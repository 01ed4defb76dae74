import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, tempDir } from '../helpers/temp-pack';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bench = require('../../scripts/bench.js') as {
  parseScale(text: string): { name: string; items: number; files: number; bytes: number };
  median(list: number[]): number | undefined;
  growth(results: unknown[]): { key: string; factor: number; driver: { what: string; factor: number }; linear: boolean }[];
};

const command = (median: number) => ({ label: 'x', seconds: [median], peakMb: [], failures: [], median });

describe('scripts/bench.js, its parts', () => {
  it('reads the preset scales and scales of one\'s own', () => {
    expect(bench.parseScale('large')).toEqual({ name: 'large', items: 10000, files: 5000, bytes: 1024 ** 3 });
    expect(bench.parseScale('tiny=40/20/256K')).toEqual({ name: 'tiny', items: 40, files: 20, bytes: 256 * 1024 });
    expect(() => bench.parseScale('huge')).toThrow(/unknown scale/);
  });

  it('takes medians', () => {
    expect(bench.median([3, 1, 2])).toBe(2);
    expect(bench.median([4, 1, 3, 2])).toBe(2.5);
    expect(bench.median([])).toBeUndefined();
  });

  it('judges growth against what drives each command: items, or bytes for hashing', () => {
    const small = { items: 1000, bytes: 200, commands: { validate: command(1), hash: command(1) } };
    const large = { items: 10000, bytes: 1000, commands: { validate: command(12), hash: command(4) } };
    const rows = bench.growth([small, large]);
    expect(rows.find((r) => r.key === 'validate')).toMatchObject({ factor: 12, driver: { what: 'items', factor: 10 }, linear: false });
    expect(rows.find((r) => r.key === 'hash')).toMatchObject({ factor: 4, driver: { what: 'bytes', factor: 5 }, linear: true });
  });
});

// A smoke-size run of the whole benchmark, so that it cannot rot: every comparison runs once on tiny packs
// of one SDG. The builds (e, +) run on one scale only, since they take most of the time. Nothing here looks
// at the times.
describe('scripts/bench.js, a smoke-size run', () => {
  function runBench(args: string[], json: string) {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/bench.js'), ...args, '--sdgs', '7', '--faulty', '0.25', '--runs', '1', '--warmup', '0', '--build-runs', '1', '--json', json], {
      encoding: 'utf8',
      cwd: REPO_ROOT,
    });
    expect(r.stderr).not.toMatch(/bench: (?!smoke)/);
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    for (const result of report.results) {
      expect(result.faulty).toBeGreaterThan(0);
      for (const q of result.ratios) if (!q.skipped) expect(q.ratio).toBeGreaterThan(0);
      for (const c of Object.values(result.commands) as { failures: string[]; median: number }[]) {
        expect(c.failures).toEqual([]);
        expect(c.median).toBeGreaterThan(0);
      }
    }
    return { stdout: r.stdout, report };
  }

  it('runs every comparison side by side and reports medians, ratios, memory and growth', () => {
    expect(existsSync(path.join(REPO_ROOT, 'dist/cli/run.js'))).toBe(true);
    const work = tempDir();
    try {
      const checks = runBench(['--scales', 'smoke=8/3/24K,smoke2=16/6/48K', '--only', 'a,b,c,d', '--work', work.root], path.join(work.root, 'checks.json'));
      expect(checks.report.results.map((x: { name: string }) => x.name)).toEqual(['smoke', 'smoke2']);
      for (const result of checks.report.results) expect(result.ratios.map((q: { id: string }) => q.id)).toEqual(['a', 'b', 'c', 'd']);
      expect(checks.report.growth.length).toBeGreaterThanOrEqual(7);
      expect(checks.stdout).toContain('| (a) validate vs floor |');
      expect(checks.stdout).toContain('| (d) second validate vs cold |');
      expect(checks.stdout).toContain('### (g) Growth from smoke to smoke2');
      expect(checks.stdout).toMatch(/\(f\) Peak memory of our commands/);

      const builds = runBench(['--scales', 'smoke=8/3/24K', '--only', 'e', '--work', work.root], path.join(work.root, 'builds.json'));
      expect(builds.report.results[0].ratios.map((q: { id: string }) => q.id)).toEqual(['e', '+']);
      expect(builds.stdout).toContain('| (e) build vs LibreOffice |');
      // Everything it generated is gone; only the JSON asked for is left.
      expect(existsSync(path.join(work.root, 'run'))).toBe(false);
    } finally {
      work.cleanup();
    }
  }, 600_000);
});
