import { runCli } from '../helpers/run-cli';
import { EXAMPLE_PACK } from '../helpers/temp-pack';
import { smallPack } from '../analyse/small-pack';

/** GitHub refuses pull-request comments longer than this; job summaries allow 1 MiB. */
const PR_COMMENT_LIMIT = 65536;

describe('the Markdown gap report', () => {
  it('fits a pull-request comment even for the 186-item example pack', async () => {
    const r = await runCli(['gaps', EXAMPLE_PACK, '--as-of', '2021-11-01']);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeLessThan(PR_COMMENT_LIMIT);
    for (const heading of ['# Gap report: IMT Mines Alès', '## Provisional score (estimate)', '## Actions, highest value first', '## Review', '## Freshness', '## Consistency of figures']) {
      expect(r.stdout).toContain(heading);
    }
  });

  it('keeps evidence text from breaking tables or turning into HTML', async () => {
    const pack = smallPack({
      'items/sdg-12/odd.yaml': "id: odd\nsdg: 12\nmetric: \"12.2.1\"\nkind: policy\ntitle: T\nnarrative: N\npolicy: { created: \"2019\", last_reviewed: \"2020\" }\nowner: 'A | B <script>x</script> *c*'\nstatus: draft\n",
    });
    try {
      const md = (await runCli(['gaps', pack.root, '--as-of', '2021-11-01'])).stdout;
      const row = md.split('\n').find((l) => l.includes('A \\| B'));
      expect(row).toContain('A \\| B &lt;script&gt;x&lt;/script&gt; \\*c\\*');
      expect(md).not.toContain('<script>');
      // Every table row has as many cells as its header.
      const lines = md.split('\n');
      lines.forEach((line, i) => {
        if (!/^\|---/.test(line)) return;
        const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
        for (let j = i + 1; j < lines.length && lines[j].startsWith('|'); j++) expect(cells(lines[j])).toBe(cells(lines[i - 1]));
      });
    } finally {
      pack.cleanup();
    }
  });
});
