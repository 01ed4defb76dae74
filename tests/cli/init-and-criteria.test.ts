import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { REPO_ROOT, tempDir } from '../helpers/temp-pack';

describe('impact-pack init', () => {
  it('creates a pack that validates and builds as it is', async () => {
    const t = tempDir();
    try {
      const dir = path.join(t.root, 'new-pack');
      const r = await runCli(['init', dir, '--edition', '2022', '--institution', 'Université de Test']);
      expect(r.code).toBe(0);
      for (const f of ['impact-pack.yaml', 'templates/sdg-document.hbs', 'schemas/pack-config.schema.json', 'schemas/evidence-item.2022.schema.json']) {
        expect(existsSync(path.join(dir, f))).toBe(true);
      }
      const items = ['policy', 'practice', 'measurement', 'numeric'].map((k) => r.stdout.match(new RegExp(`items/sdg-\\d+/example-${k}\\.yaml`))?.[0]);
      expect(items.every(Boolean)).toBe(true);
      const validate = await runCli(['validate', dir, '--format', 'json']);
      const json = JSON.parse(validate.stdout);
      expect(json.diagnostics.filter((d: { severity: string }) => d.severity !== 'info')).toEqual([]);
      expect(validate.code).toBe(0);
      const build = await runCli(['build', dir, '--formats', 'html']);
      expect(build.code).toBe(0);
      expect(readFileSync(path.join(dir, 'out', 'gap-report.md'), 'utf8')).toContain('Université de Test');
    } finally {
      t.cleanup();
    }
  });

  it.each([
    ['2026-12-06', '2027', 2025],
    ['2026-01-01', '2027', 2025],
    ['2025-12-31', '2026', 2024],
  ])('on %s (SOURCE_DATE_EPOCH) starts on edition %s, whose data year %s has ended, and validates without warnings', async (day, edition, dataYear) => {
    const t = tempDir();
    try {
      const dir = path.join(t.root, 'pack');
      const env = { SOURCE_DATE_EPOCH: String(Date.parse(`${day}T12:00:00Z`) / 1000) };
      const r = await runCli(['init', dir], { env });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`(data year ${dataYear})`);
      const config = readFileSync(path.join(dir, 'impact-pack.yaml'), 'utf8');
      expect(config).toContain(`edition: "${edition}"`);
      expect(config).toContain(`build_date: "${day}"`);
      const practice = r.stdout.match(/items\/sdg-\d+\/example-practice\.yaml/)![0];
      expect(readFileSync(path.join(dir, practice), 'utf8')).toContain(`start: "${dataYear}-01-01"`);
      const validate = await runCli(['validate', dir, '--format', 'json'], { env });
      expect(JSON.parse(validate.stdout).diagnostics.filter((d: { severity: string }) => d.severity !== 'info')).toEqual([]);
      expect(validate.code).toBe(0);
    } finally {
      t.cleanup();
    }
  });

  it('refuses a folder that is not empty and never touches it', async () => {
    const t = tempDir({ 'notes.txt': 'keep me' });
    try {
      const r = await runCli(['init', t.root]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('not empty');
      expect(readFileSync(path.join(t.root, 'notes.txt'), 'utf8')).toBe('keep me');
      expect(existsSync(path.join(t.root, 'impact-pack.yaml'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('needs a folder', async () => {
    expect((await runCli(['init'])).code).toBe(2);
  });
});

describe('impact-pack criteria', () => {
  it('lists the editions and prints one SDG with weights and answer options', async () => {
    const list = await runCli(['criteria', '--list']);
    expect(list.stdout.split('\n').filter(Boolean)).toEqual(expect.arrayContaining(['2022', '2024']));
    const r = await runCli(['criteria', '--edition', '2022', '--sdg', '7']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('7.2.1');
    expect(r.stdout).toContain('Energy-efficient renovation and building');
    expect(r.stdout).not.toContain('6.2.1');
    const json = JSON.parse((await runCli(['criteria', '--edition', '2022', '--format', 'json'])).stdout);
    expect(json.sdgs).toHaveLength(17);
  });

  it.each([
    ['the pack given as first argument', ['tests/fixtures/packs/ratings-2027'], 'THE Sustainability Impact Ratings 2027: criteria catalogue'],
    ['--edition over the pack', ['tests/fixtures/packs/ratings-2027', '--edition', '2024'], 'THE Impact Rankings 2024: criteria catalogue'],
    ['the newest edition without a pack', [], 'THE Sustainability Impact Ratings 2027: criteria catalogue'],
  ])('takes the edition from %s', async (_name, argv, title) => {
    const r = await runCli(['criteria', ...argv, '--sdg', '16'], { cwd: REPO_ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(title);
  });

  it('uses the pack in the current folder', async () => {
    const r = await runCli(['criteria', '--sdg', '1'], { cwd: path.join(REPO_ROOT, 'tests/fixtures/packs/ratings-2024') });
    expect(r.stdout.split('\n')[0]).toBe('THE Impact Rankings 2024: criteria catalogue');
  });

  it('shows the 2027 edition facts with their confidence, and the heuristics apart', async () => {
    const r = await runCli(['criteria', '--edition', '2027', '--sdg', '17']);
    expect(r.stdout).toContain('Product: THE Sustainability Impact Ratings [C: S9, S24]');
    expect(r.stdout).toContain('Evidence: 1 piece of evidence per indicator; an attached file does not count as public;');
    expect(r.stdout).toMatch(/^ {2}policy +max 4, total capped at 4: .*Bonus for a policy created or reviewed within 2022-2026 1 \(bonus\) \(unconfirmed, confidence 3P\)/m);
    expect(r.stdout).toMatch(/17\.4\.4 {2}Sustainability literacy {2}\(.*not scored in this edition/);
    expect(r.stdout).toContain("impact-pack's own rules (heuristics, not THE's):");
  });

  it('refuses a pack argument that is not a pack', async () => {
    const t = tempDir({ 'notes.txt': 'x' });
    try {
      const r = await runCli(['criteria', t.root]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('holds no impact-pack.yaml');
    } finally {
      t.cleanup();
    }
  });

  it('rejects an unknown edition or SDG', async () => {
    expect((await runCli(['criteria', '--edition', '1999'])).code).toBe(2);
    expect((await runCli(['criteria', '--sdg', '18'])).code).toBe(2);
  });
});

describe('bin/impact-pack.js', () => {
  // The real executable, as a user runs it (dist/ is built by `npm test`'s pretest step).
  const bin = path.join(REPO_ROOT, 'bin', 'impact-pack.js');

  it('prints its version and help', () => {
    const version = execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(version.trim()).toBe(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version);
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toContain('validate');
  });

  it('exits 1 with diagnostics on a broken pack, never with a stack trace', () => {
    const t = tempDir({ 'impact-pack.yaml': 'institution: { name: X }\nedition: "2022"\nsubmit: [17, 1, 2, 3]\n', 'items/a.yaml': 'id: a\nsdg: 7\nmetric: 7.2\n' });
    try {
      let status = 0;
      let stdout = '';
      try {
        execFileSync(process.execPath, [bin, 'validate', t.root], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      } catch (error) {
        const e = error as { status: number; stdout: string };
        status = e.status;
        stdout = e.stdout;
      }
      expect(status).toBe(1);
      expect(stdout).toContain('METRIC_NOT_STRING');
      expect(stdout).not.toMatch(/\n\s+at /);
      writeFileSync(path.join(t.root, 'items/a.yaml'), 'id: a\n');
    } finally {
      t.cleanup();
    }
  });
});
