import Ajv2020 from 'ajv/dist/2020';
import { runCli } from '../helpers/run-cli';
import { EXAMPLE_PACK } from '../helpers/temp-pack';
import { gapReportSchema } from '../../src/report/gap-report-schema';
import { smallPack } from '../analyse/small-pack';

describe('the JSON gap report', () => {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(gapReportSchema());

  it.each([
    ['the example pack', EXAMPLE_PACK, [] as string[]],
    ['a small pack compared with a baseline and a what-if', '', ['--what-if', '4,7,12']],
  ])('matches its documented, versioned schema: %s', async (_label, given, extra) => {
    const pack = given ? undefined : smallPack();
    try {
      const root = given || pack!.root;
      if (pack) await runCli(['gaps', root, '--as-of', '2021-11-01', '--baseline', `${root}/b.json`, '--update-baseline']);
      const r = await runCli(['gaps', root, '--format', 'json', '--as-of', '2021-11-01', ...(pack ? ['--baseline', `${root}/b.json`] : []), ...extra]);
      const report = JSON.parse(r.stdout);
      expect(validate(report) ? [] : validate.errors).toEqual([]);
      expect(report.schemaVersion).toBe(3);
    } finally {
      pack?.cleanup();
    }
  });

  it('rejects a report that breaks the schema (the check can fail)', () => {
    expect(validate({ schemaVersion: 1 })).toBe(false);
  });
});
