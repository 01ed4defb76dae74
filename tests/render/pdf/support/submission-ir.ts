/**
 * A realistic SDG 7 submission document in IR form: cover, table of contents, one section per
 * THE metric group with metric headings, narrative in several European languages, links, a
 * note, lists and a long table. `copies` repeats the metric sections to build long documents.
 */
import type { Block, DocumentIR } from '../../../../src/render/ir/types';
import { document, heading, link, paragraph, table, text } from './ir';

export const SITE = 'https://www.mines-ales.fr/ecole/imt-mines-ales/contribution-environnementale-societale';
export const CONTACT = 'mailto:developpement.durable@mines-ales.fr';

const GROUPS: { id: string; title: string; metrics: [string, string][] }[] = [
  {
    id: '7.1',
    title: 'Research on clean energy',
    metrics: [
      ['7.1.1', 'Affordable and clean energy: CiteScore top-10% journals'],
      ['7.1.3', 'Affordable and clean energy: publications'],
    ],
  },
  {
    id: '7.2',
    title: 'University measures',
    metrics: [
      ['7.2.1', 'Energy-efficient renovation and building'],
      ['7.2.4', 'Plan to reduce energy consumption'],
      ['7.2.6', 'Divestment policy'],
    ],
  },
  {
    id: '7.4',
    title: 'Energy and the community',
    metrics: [['7.4.1', 'Local community outreach for energy efficiency']],
  },
];

export const MULTILINGUAL =
  'The French report calls the programme une «\u00a0œuvre\u00a0» collective; ' +
  'the school’s été campaign cost 5\u00a0€ per participant. ' +
  'Partners in Łódź Żółć and in Şişli İstanbul (with the letters ğ and ı) joined the exchange.';

const NARRATIVE =
  'The school runs an energy management plan that covers every building on its three sites. Meters read every ' +
  'fifteen minutes feed a dashboard that the estates team reviews each month, and the findings are published in ' +
  'the annual sustainable development and social responsibility report. Students take part through project ' +
  'work, and the results are discussed with the local authority and the regional energy agency.';

function metricSection(group: string, metric: [string, string], copy: number): Block[] {
  const [id, title] = metric;
  const anchor = copy === 0 ? `metric-${id}` : `metric-${id}-copy-${copy}`;
  return [
    heading(2, `${id} ${title}`, anchor),
    paragraph(NARRATIVE),
    paragraph([
      text('Evidence item '),
      text(`sdg7-${id.replace(/\./g, '-')}-energy-plan`, { code: true }),
      text(' is public at '),
      link(SITE, 'the school’s sustainability page'),
      text(' and can be discussed with '),
      link(CONTACT, 'the sustainable development team'),
      text('. See also '),
      link(`#group-${group}`, `section ${group}`),
      text('.'),
    ]),
    paragraph(MULTILINGUAL),
    {
      type: 'list',
      ordered: true,
      items: [
        [text('Policy adopted by the board and published on the website.')],
        [text('Review dates recorded, the last one within the evidence window.')],
        [text('Supporting file '), text('files/sdg-7/energy-plan.pdf', { code: true }), text(' attached.')],
      ],
    },
    paragraph('No document was submitted for the 2022 review of this policy.', 'note'),
    paragraph(NARRATIVE + ' ' + NARRATIVE),
  ];
}

export function submissionIr(copies = 1): DocumentIR {
  const blocks: Block[] = [
    paragraph('SDG 7: Affordable and Clean Energy', 'title'),
    paragraph('Evidence submitted by IMT Mines Alès', 'subtitle'),
    paragraph('THE Impact Rankings 2024 · data year 2022 · built 2024-05-01', 'small'),
    { type: 'pagebreak' },
    { type: 'toc', title: 'Contents' },
    { type: 'pagebreak' },
  ];
  for (let copy = 0; copy < copies; copy++) {
    for (const group of GROUPS) {
      const groupId = copy === 0 ? group.id : `${group.id}-copy-${copy}`;
      blocks.push(heading(1, `${group.id} ${group.title}`, `group-${groupId}`));
      for (const metric of group.metrics) blocks.push(...metricSection(group.id, metric, copy));
    }
  }
  blocks.push(
    heading(1, 'Appendix: supporting files', 'appendix'),
    table(
      [3, 1, 4],
      ['File', 'Size', 'SHA-256'],
      Array.from({ length: 70 }, (_, index) => [
        `files/sdg-7/evidence-${String(index + 1).padStart(3, '0')}.pdf`,
        `${(index * 37) % 900 + 12}.4 KB`,
        `${index.toString(16).padStart(8, '0')}9f2c4e1ab3d5e7f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071`,
      ]),
    ),
    paragraph('Campus signage in Chinese (中) is not covered by the bundled fonts.'),
  );
  return document(blocks, {
    title: 'SDG 7: Affordable and Clean Energy — IMT Mines Alès',
    keywords: ['SDG 7', 'energy', 'THE Impact Rankings'],
  });
}

/** Level-1 and level-2 heading titles of submissionIr(copies), in order. */
export function outlineTitles(copies = 1): { title: string; children: string[] }[] {
  const entries: { title: string; children: string[] }[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const group of GROUPS) {
      const children = group.metrics.map(([id, title]) => `${id} ${title}`);
      entries.push({ title: `${group.id} ${group.title}`, children });
    }
  }
  entries.push({ title: 'Appendix: supporting files', children: [] });
  return entries;
}
