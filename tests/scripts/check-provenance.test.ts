import path from 'node:path';
import { tempDir } from '../helpers/temp-pack';

// The checker is a plain script run by .ci/run against the real report; here it runs on a made-up one.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const checker = require('../../scripts/check-provenance.js') as {
  runCheck(o: { pack: string; report: string; source?: string }): { exitCode: number; output: string[] };
  compareValue(value: number, printed: string): { status: string };
  parseLineRange(spec: string, lineCount: number): { first?: number; last?: number; error?: string };
  qualifierAround(text: string, at: number, length: number): { words: string; where: string } | undefined;
};

const REPORT = ['Rapport 2020', 'La consommation d’eau est de 12 390 m3 en 2020,', 'soit 26,5 % de moins.', 'Voir https://www.exemple.fr/eau', 'Fin.'].join('\n');
const CONFIG = 'institution: { name: X }\nedition: "2022"\nsubmit: [17, 1, 2, 3]\nsources:\n  r:\n    title: R\n';
const item = (lines: string, printed: string, value: number) =>
  `id: water\nsdg: 6\nmetric: "6.2.2"\nkind: numeric\ntitle: Water\nnarrative: N.\nstatus: draft\nvalues:\n  water_m3: { value: ${value}, unit: m3, as_printed: "${printed}" }\npublic_urls: [https://www.exemple.fr/eau]\nprovenance:\n  - { source: r, lines: "${lines}" }\n`;

function check(itemText: string) {
  const t = tempDir({ 'pack/impact-pack.yaml': CONFIG, 'pack/items/a.yaml': itemText, 'report.txt': REPORT });
  try {
    return checker.runCheck({ pack: path.join(t.root, 'pack'), report: path.join(t.root, 'report.txt') });
  } finally {
    t.cleanup();
  }
}

describe('scripts/check-provenance.js', () => {
  it('accepts figures and URLs printed inside the cited lines', () => {
    expect(check(item('2-4', '12 390 m3', 12390)).exitCode).toBe(0);
  });

  it('fails when a figure is outside the cited range, or the range leaves the report', () => {
    const outside = check(item('3-4', '12 390 m3', 12390));
    expect(outside.exitCode).toBe(1);
    expect(outside.output.join('\n')).toContain('12 390 m3');
    expect(check(item('2-40', '12 390 m3', 12390)).exitCode).toBe(1);
  });

  it('reads French number formats', () => {
    expect(checker.compareValue(12390, '12 390 m3').status).toBe('ok');
    expect(checker.compareValue(26.5, '26,5 %').status).toBe('ok');
    expect(checker.compareValue(18185.95, '18 185.95€').status).toBe('ok');
    expect(checker.compareValue(2000000, '2M€').status).toBe('ok');
    expect(checker.compareValue(12930, '12 390 m3').status).toBe('mismatch');
    expect(checker.parseLineRange('5-2', 10).error).toBeDefined();
  });

  describe('qualifiers printed with a figure', () => {
    const QUALIFIED = [
      'Rapport 2020',
      'Le service suit plus de 20 000 km de cours d’eau',
      'et produit environ 11,5 tonnes de déchets,',
      'soit 3M€ environ de contrats ; plus d’un million de visiteurs.',
      'Le réseau compte 24 établissements. Il en comptait près de',
      '24 établissements en 2015 et 24 établissements en 2010.',
    ].join('\n');
    const qualified = (lines: string, printed: string, value: number) => {
      const text = item(lines, printed, value).replace(/public_urls: .*\n/, '');
      const t = tempDir({ 'pack/impact-pack.yaml': CONFIG, 'pack/items/a.yaml': text, 'report.txt': QUALIFIED });
      try {
        return checker.runCheck({ pack: path.join(t.root, 'pack'), report: path.join(t.root, 'report.txt') });
      } finally {
        t.cleanup();
      }
    };

    it.each([
      ['"plus de" before the figure', '2-2', '20 000 km', 20000, 'plus de'],
      ['"environ" before the figure', '3-3', '11,5 tonnes', 11.5, 'environ'],
      ['"environ" after the figure', '4-4', '3M€', 3000000, 'environ'],
      ['an elided "plus d’"', '4-4', 'un million', 1000000, 'plus d’'],
      ['"près de" ending the line before', '5-6', '24 établissements en 2015', 24, 'près de'],
    ])('fails when as_printed leaves out %s', (_name, lines, printed, value, words) => {
      const result = qualified(lines, printed, value);
      expect(result.exitCode).toBe(1);
      expect(result.output.join('\n')).toContain(`leaves out "${words}"`);
    });

    it.each([
      ['the qualifier is kept', '2-2', 'plus de 20 000 km', 20000],
      ['the qualifier after the figure is kept', '4-4', '3M€ environ', 3000000],
      ['one occurrence in the cited lines has no qualifier', '5-6', '24 établissements', 24],
    ])('passes when %s', (_name, lines, printed, value) => {
      expect(qualified(lines, printed, value).output.slice(0, -2)).toEqual([]);
    });

    it('does not take a word that merely ends like a qualifier for one', () => {
      expect(checker.qualifierAround('le tournover 12 t', 13, 4)).toBeUndefined();
      expect(checker.qualifierAround('the turnabout 12 t', 14, 4)).toBeUndefined();
      expect(checker.qualifierAround('about 12 t', 6, 4)).toEqual({ words: 'about', where: 'before' });
    });
  });
});
