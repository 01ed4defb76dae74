import { tempDir } from '../helpers/temp-pack';

/**
 * A small pack written to a temporary folder: SDG 17 plus 4, 7 and 12 submitted, a complete policy for
 * 7.2.1, a practice for 17.2.2 without a public URL, a numeric item for 6.2.2 that contradicts a declared
 * fact, and a policy whose next review is due in December 2021.
 */
export function smallPack(overrides: Record<string, string> = {}): { root: string; cleanup: () => void } {
  return tempDir({
    'impact-pack.yaml': [
      'institution:',
      '  name: Test University',
      'edition: "2022"',
      'data_year: 2020',
      'submit: [17, 4, 7, 12]',
      'build_date: "2021-11-01"',
      'facts:',
      '  students_fte:',
      '    value: 1430',
      '    unit: students (FTE)',
      '',
    ].join('\n'),
    'files/energy-policy.pdf': '%PDF-1.4\n%%EOF\n',
    'items/sdg-07/energy-policy.yaml': [
      'id: energy-policy',
      'sdg: 7',
      'metric: "7.2.1"',
      'kind: policy',
      'title: Energy-efficient building policy',
      'narrative: The board adopted it in 2018 and reviewed it in 2020.',
      'policy:',
      '  created: "2018"',
      '  last_reviewed: "2020-06"',
      '  next_review: "2021-12"',
      'public_urls: ["https://www.example.edu/energy-policy"]',
      'supporting_files: [files/energy-policy.pdf]',
      'owner: Estates office',
      'status: in_review',
      '',
    ].join('\n'),
    'items/sdg-17/dialogue.yaml': [
      'id: sdg-dialogue',
      'sdg: 17',
      'metric: "17.2.2"',
      'kind: practice',
      'title: Cross-sector dialogue on the SDGs',
      'narrative: The university hosted a regional forum with the city and NGOs in 2020.',
      'period: { start: "2020-01-01", end: "2020-12-31" }',
      'supporting_files: [files/energy-policy.pdf]',
      'owner: Partnerships office',
      'status: in_review',
      '',
    ].join('\n'),
    'items/sdg-06/water.yaml': [
      'id: water-2020',
      'sdg: 6',
      'metric: "6.2.2"',
      'kind: numeric',
      'title: Water used per person',
      'narrative: The meters read 41000 m3 in 2020.',
      'values:',
      '  water_used_m3: { value: 41000, unit: m3 }',
      '  students_fte: { value: 1453, unit: students (FTE) }',
      '  employees_fte: { value: 380, unit: employees (FTE) }',
      'supporting_files: [files/energy-policy.pdf]',
      'status: draft',
      '',
    ].join('\n'),
    ...overrides,
  });
}
