import path from 'node:path';
import { runCli } from '../helpers/run-cli';

const packs = path.join(__dirname, '../fixtures/packs');

describe('impact-pack validate', () => {
  it('exits 0 on a clean pack and says so', async () => {
    const r = await runCli(['validate', path.join(packs, 'valid')]);
    expect(r.stdout).toContain('0 error(s), 0 warning(s)');
    expect(r.code).toBe(0);
  });

  it('exits 1 and lists every problem grouped by file', async () => {
    const r = await runCli(['validate', path.join(packs, 'references')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^items\/dup-a\.yaml$/m);
    expect(r.stdout).toMatch(/^items\/files\.yaml$/m);
    expect(r.stdout).toMatch(/9:5 +error +Supporting file "files\/missing\.pdf" does not exist in the pack\.\s+FILE_NOT_FOUND/);
    expect(r.stdout).toContain('hint:');
  });

  it('writes JSON with the full diagnostic shape', async () => {
    const r = await runCli(['validate', path.join(packs, 'yaml'), '--format', 'json']);
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.stdout);
    expect(parsed.version).toBe(1);
    const metric = parsed.diagnostics.find((d: { code: string }) => d.code === 'METRIC_NOT_STRING');
    expect(metric).toMatchObject({ severity: 'error', file: 'items/number-metric.yaml', line: 3, column: 9, source: 'yaml' });
    expect(metric.message).toContain('"7.2"');
  });

  it('fails on warnings only beyond --max-warnings', async () => {
    const dates = path.join(packs, 'dates');
    const json = JSON.parse((await runCli(['validate', dates, '--format', 'json'])).stdout);
    expect(json.warnings).toBeGreaterThan(0);
    const clean = path.join(packs, 'valid');
    expect((await runCli(['validate', clean, '--max-warnings', '0'])).code).toBe(0);
  });

  it('uses colour on a terminal unless NO_COLOR is set', async () => {
    const refs = path.join(packs, 'references');
    expect((await runCli(['validate', refs], { tty: true })).stdout).toContain('\u001b[31m');
    expect((await runCli(['validate', refs], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await runCli(['validate', refs])).stdout).not.toContain('\u001b[');
  });

  it('treats bad usage as exit 2', async () => {
    expect((await runCli(['validate', path.join(packs, 'valid'), '--format', 'xml'])).code).toBe(2);
    expect((await runCli(['validate', path.join(packs, 'valid'), '--max-warnings', 'many'])).code).toBe(2);
    expect((await runCli(['validate', '--no-such-option'])).code).toBe(2);
    expect((await runCli(['validate', path.join(packs, 'does-not-exist')])).code).toBe(2);
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it('reports a folder without impact-pack.yaml as a pack problem', async () => {
    const r = await runCli(['validate', packs]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('CONFIG_MISSING');
  });

  it('defaults the pack to the current folder', async () => {
    const r = await runCli(['validate'], { cwd: path.join(packs, 'valid') });
    expect(r.code).toBe(0);
  });
});
