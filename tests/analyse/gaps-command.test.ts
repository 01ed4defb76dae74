import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { tempDir } from '../helpers/temp-pack';
import { smallPack } from './small-pack';

const AS_OF = ['--as-of', '2021-11-01'];

async function json(pack: string, ...extra: string[]) {
  const r = await runCli(['gaps', pack, '--format', 'json', ...AS_OF, ...extra]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('impact-pack gaps', () => {
  let pack: { root: string; cleanup: () => void };
  beforeEach(() => {
    pack = smallPack();
  });
  afterEach(() => pack.cleanup());

  it('judges each metric, ranks the actions with their value and owner, and reports facts and freshness', async () => {
    const r = await json(pack.root);
    const metric = (id: string) => r.sdgs.flatMap((s: { metrics: unknown[] }) => s.metrics).find((m: { metric: string }) => m.metric === id);
    expect(metric('7.2.1')).toMatchObject({ status: 'complete', share: 1, atStake: 0 });
    expect(metric('17.2.2')).toMatchObject({ status: 'partial', weaknesses: ['no public URL'] });
    expect(metric('6.2.2')).toMatchObject({ status: 'partial', atStake: null });
    const publicUrl = r.actions.find((a: { step: string }) => a.step === 'add a public URL');
    // 17.2.2 weighs 3.7 % of SDG 17; the public point is one of three.
    expect(publicUrl).toMatchObject({ sdg: 17, metric: '17.2.2', owner: 'Partnerships office', points: 1.23, itemId: 'sdg-dialogue' });
    expect(r.actions[0].submitted).toBe(true);
    expect(r.actions.map((a: { rank: number }) => a.rank)).toEqual(r.actions.map((_: unknown, i: number) => i + 1));
    expect(r.owners.map((o: { owner: string }) => o.owner)).toContain('Partnerships office');
    expect(r.consistency.facts).toEqual([expect.objectContaining({ fact: 'students_fte', declared: 1430, stated: 1453, itemId: 'water-2020' })]);
    expect(r.freshness).toEqual([expect.objectContaining({ kind: 'review_due_soon', itemId: 'energy-policy' })]);
    expect(r.findings.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['FACT_MISMATCH', 'REVIEW_DUE_SOON', 'METRIC_PARTIAL', 'METRIC_MISSING']));
    expect(r.score.label).toMatch(/^Estimate/);
  });

  it('uses today as the as-of date unless told, so a weekly run sees the review become overdue', async () => {
    const r = await runCli(['gaps', pack.root, '--format', 'json', '--as-of', '2022-01-15']);
    expect(JSON.parse(r.stdout).freshness[0]).toMatchObject({ kind: 'review_overdue' });
    const today = await runCli(['gaps', pack.root, '--format', 'json']);
    expect(JSON.parse(today.stdout).asOf).toBe('2021-11-01');
  });

  it('fails with exit 1 and lists exactly what regressed against the baseline; records improvements on request', async () => {
    const baseline = path.join(pack.root, 'gap-baseline.json');
    const first = await runCli(['gaps', pack.root, ...AS_OF, '--baseline', baseline, '--update-baseline']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('recorded the current state');
    const recorded = JSON.parse(readFileSync(baseline, 'utf8'));
    expect(recorded).toMatchObject({ kind: 'impact-pack-gap-baseline', schemaVersion: 1, metrics: { '7.2.1': 'complete', '17.2.2': 'partial' } });

    // Unchanged: exit 0, nothing rewritten.
    const same = await runCli(['gaps', pack.root, ...AS_OF, '--baseline', baseline, '--update-baseline']);
    expect(same.code).toBe(0);
    expect(same.stderr).toContain('no improvement');

    // The energy policy loses its public URL: 7.2.1 is no longer complete and SDG 7's estimate drops.
    const file = path.join(pack.root, 'items/sdg-07/energy-policy.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^public_urls:.*\n/m, ''));
    const worse = await runCli(['gaps', pack.root, ...AS_OF, '--baseline', baseline, '--update-baseline']);
    expect(worse.code).toBe(1);
    // 7.2.1 weighs 3.85 % of SDG 7 and loses one point of four; SDG 7 is one of the three best submitted.
    expect(worse.stderr).toBe(
      `impact-pack: the pack regressed against the baseline ${baseline}:\n` +
        '  Metric 7.2.1: complete → partial\n' +
        '  SDG 7 estimate: 3.85 → 2.89\n' +
        '  Overall estimate: 1.54 → 1.29\n' +
        'impact-pack: the baseline was not updated, because the pack regressed.\n',
    );
    expect(worse.stdout).toContain('## Compared with the baseline');
    expect(JSON.parse(readFileSync(baseline, 'utf8'))).toEqual(recorded);

    // The dialogue gets a public URL: an improvement, recorded.
    const dialogue = path.join(pack.root, 'items/sdg-17/dialogue.yaml');
    writeFileSync(file, readFileSync(file, 'utf8') + 'public_urls: ["https://www.example.edu/energy-policy"]\n');
    writeFileSync(dialogue, readFileSync(dialogue, 'utf8') + 'public_urls: ["https://www.example.edu/forum"]\n');
    const better = await runCli(['gaps', pack.root, ...AS_OF, '--baseline', baseline, '--update-baseline']);
    expect(better.code).toBe(0);
    expect(better.stderr).toContain('recorded 3 improvement(s)');
    expect(JSON.parse(readFileSync(baseline, 'utf8')).metrics['17.2.2']).toBe('complete');
  });

  it('flags figures that moved against a previous year\'s pack', async () => {
    const previous = smallPack({ 'impact-pack.yaml': readFileSync(path.join(pack.root, 'impact-pack.yaml'), 'utf8').replace('1430', '1000') });
    try {
      const r = await json(pack.root, '--previous', previous.root, '--outlier-share', '0.2');
      expect(r.consistency.comparedWith).toBe('the previous pack (2020)');
      expect(r.consistency.outliers.map((o: { name: string; scope: string }) => `${o.scope} ${o.name}`)).toEqual(['fact students_fte']);
    } finally {
      previous.cleanup();
    }
  });

  it('refuses bad options with exit 2 and never writes a baseline into the evidence', async () => {
    expect((await runCli(['gaps', pack.root, '--format', 'pdf'])).code).toBe(2);
    expect((await runCli(['gaps', pack.root, '--as-of', '2021-13-01'])).code).toBe(2);
    expect((await runCli(['gaps', pack.root, '--update-baseline'])).code).toBe(2);
    expect((await runCli(['gaps', pack.root, '--baseline', path.join(pack.root, 'none.json')])).stderr).toContain('does not exist');
    const intoItems = await runCli(['gaps', pack.root, ...AS_OF, '--baseline', path.join(pack.root, 'items/b.json'), '--update-baseline']);
    expect(intoItems.code).toBe(2);
    expect(existsSync(path.join(pack.root, 'items/b.json'))).toBe(false);
    writeFileSync(path.join(pack.root, 'bad.json'), '{"kind":"something else"}');
    const bad = await runCli(['gaps', pack.root, '--baseline', path.join(pack.root, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not an impact-pack baseline');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('impact-pack score', () => {
  it('prints the estimate per SDG, clearly labelled, with the best selection and a what-if', async () => {
    const pack = smallPack();
    try {
      const r = await runCli(['score', pack.root, '--what-if', '6,7,12', ...AS_OF]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('ESTIMATE: Estimate from the evidence point rules');
      expect(r.stdout).toContain('Eligible for the overall table: SDG 17 plus 3 other SDGs (4, 7, 12).');
      expect(r.stdout).toMatch(/Submitted selection: SDG 17 \(22%\) \+ SDG 7, 12, 4 \(26% each\)/);
      expect(r.stdout).toContain('What if: With SDG 17 and SDG 7, 12, 6');
      expect(r.stdout).toContain('not estimable');
      expect((await runCli(['score', pack.root, '--what-if', '18'])).code).toBe(2);
    } finally {
      pack.cleanup();
    }
  });
});

describe('impact-pack approve', () => {
  it('records the sign-off with a content hash after backing the file up; an edit then shows as changed since approved', async () => {
    const pack = smallPack();
    try {
      const file = path.join(pack.root, 'items/sdg-17/dialogue.yaml');
      const original = readFileSync(file, 'utf8');
      const r = await runCli(['approve', pack.root, '--item', 'sdg-dialogue', '--reviewer', 'J. Martin', '--date', '2021-10-04']);
      expect(r.code).toBe(0);
      const backups = path.join(pack.root, '.impact-pack-backups');
      const [stamp] = readdirSync(backups);
      expect(readFileSync(path.join(backups, stamp, 'items/sdg-17/dialogue.yaml'), 'utf8')).toBe(original);
      const after = readFileSync(file, 'utf8');
      expect(after.startsWith(original.replace('status: in_review', 'status: approved'))).toBe(true);
      expect(after).toMatch(/content_hash: "sha256:[0-9a-f]{64}"/);
      let review = (await json(pack.root)).review;
      expect(review.items.find((e: { itemId: string }) => e.itemId === 'sdg-dialogue').state).toBe('approved');

      writeFileSync(file, after.replace('regional forum', 'regional FORUM'));
      review = (await json(pack.root)).review;
      expect(review.items.find((e: { itemId: string }) => e.itemId === 'sdg-dialogue').state).toBe('changed_since_approved');

      const flag = await runCli(['approve', pack.root, '--item', 'energy-policy', '--reviewer', 'K. Lee', '--date', '2021-10-05', '--flag', 'Which minutes record the 2020 review?']);
      expect(flag.code).toBe(0);
      const flagged = (await json(pack.root)).review.items.find((e: { itemId: string }) => e.itemId === 'energy-policy');
      expect(flagged).toMatchObject({ state: 'flagged', comments: [{ note: 'Which minutes record the 2020 review?', author: 'K. Lee', date: '2021-10-05' }] });
    } finally {
      pack.cleanup();
    }
  });

  it('refuses to approve an item with errors or an unknown id, and changes nothing', async () => {
    const pack = smallPack({ 'items/sdg-12/broken.yaml': 'id: broken\nsdg: 12\nmetric: "12.2.1"\nkind: policy\ntitle: T\nnarrative: TODO\nstatus: draft\n' });
    try {
      const before = readFileSync(path.join(pack.root, 'items/sdg-12/broken.yaml'), 'utf8');
      const r = await runCli(['approve', pack.root, '--item', 'broken', '--reviewer', 'J']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('cannot be approved');
      expect(readFileSync(path.join(pack.root, 'items/sdg-12/broken.yaml'), 'utf8')).toBe(before);
      expect(existsSync(path.join(pack.root, '.impact-pack-backups'))).toBe(false);
      expect((await runCli(['approve', pack.root, '--item', 'nope', '--reviewer', 'J'])).code).toBe(2);
      const empty = tempDir();
      empty.cleanup();
    } finally {
      pack.cleanup();
    }
  });
});
