import { validateWorkflow } from '@action-validator/core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ciWorkflowText, packSetup, REPOSITORY_SETUP, WORKFLOW_PATH } from '../../src/init/ci-workflow';
import { runCli } from '../helpers/run-cli';
import { REPO_ROOT, tempDir } from '../helpers/temp-pack';

/** SchemaStore's GitHub workflow schema, as action-validator embeds and applies it. */
function schemaErrors(text: string): unknown[] {
  return validateWorkflow(text).errors;
}

describe('the ready GitHub Actions workflow', () => {
  const committed = readFileSync(path.join(REPO_ROOT, WORKFLOW_PATH), 'utf8');

  it('is valid against the GitHub workflow schema, in the repository and as init writes it', () => {
    expect(schemaErrors(committed)).toEqual([]);
    expect(schemaErrors(ciWorkflowText(packSetup('0.1.0')))).toEqual([]);
  });

  it('fails the schema check when a key is misspelt (the check can fail)', () => {
    expect(schemaErrors(committed.replace('runs-on:', 'runs_on:')).length).toBeGreaterThan(0);
  });

  it('is the generator\'s output, so the repository and new packs get the same steps', () => {
    expect(committed).toBe(ciWorkflowText(REPOSITORY_SETUP));
  });

  it('runs weekly and on pull requests, and validates, checks links, compares with the baseline, uploads SARIF and keeps out/', () => {
    const wf = parse(committed);
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['pull_request', 'schedule']));
    expect(wf.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \d$/);
    const steps: { id?: string; uses?: string; run?: string; with?: Record<string, string> }[] = wf.jobs.evidence.steps;
    expect(steps.filter((s) => s.id).map((s) => s.id)).toEqual(['validate', 'links', 'build', 'gaps', 'baseline']);
    const gaps = steps.find((s) => s.id === 'gaps')!.run!;
    expect(gaps).toContain('--format sarif');
    expect(gaps).toContain('--format github');
    expect(gaps).toContain('GITHUB_STEP_SUMMARY');
    expect(steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))?.with?.sarif_file).toContain('gap-report.sarif');
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with?.path).toBe('${{ env.OUT }}');
  });

  it('installs the pack\'s own vendored impact-pack, never a name from a registry, on a maintained Node', () => {
    const forPack = parse(ciWorkflowText(packSetup('1.2.3')));
    expect(forPack.env.IMPACT_PACK_TARBALL).toBe('vendor/impact-pack-1.2.3.tgz');
    const runs: string[] = forPack.jobs.evidence.steps.filter((s: { run?: string }) => s.run).map((s: { run: string }) => s.run);
    expect(runs[0]).toBe('npm install --global --no-audit --no-fund "./$IMPACT_PACK_TARBALL"');
    // No `npm install NAME`, `npx NAME` or `NAME@version` that a registry would resolve: the only install
    // is of the vendored file (the repository's own workflow builds from its checkout with npm ci).
    for (const text of [ciWorkflowText(packSetup('1.2.3')), committed]) {
      expect(text).not.toContain('impact-pack@');
      const installs = text.split('\n').filter((l) => /\b(npm (install|i|add)|npx|yarn|pnpm)\b/.test(l) && !l.trim().startsWith('#'));
      expect(installs.filter((l) => !l.includes('"./$IMPACT_PACK_TARBALL"'))).toEqual([]);
      const node = parse(text).jobs.evidence.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/setup-node'));
      // Node 22 and 24 are the maintained LTS lines impact-pack is tested on; 20 reached its end of life in April 2026.
      expect(['22', '24']).toContain(node.with['node-version']);
    }
  });

  it('goes into every new pack that init creates, pinned to this version', async () => {
    const t = tempDir();
    try {
      const r = await runCli(['init', path.join(t.root, 'pack')]);
      expect(r.code).toBe(0);
      const written = readFileSync(path.join(t.root, 'pack', WORKFLOW_PATH), 'utf8');
      const version = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version;
      expect(written).toBe(ciWorkflowText(packSetup(version)));
      expect(parse(written).env).toMatchObject({ PACK: '.', BASELINE: 'gap-baseline.json', IMPACT_PACK: 'impact-pack' });
      expect(readFileSync(path.join(t.root, 'pack', '.gitignore'), 'utf8')).toContain('.impact-pack-backups/');
    } finally {
      t.cleanup();
    }
  });
});
