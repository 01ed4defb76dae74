import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { allMetrics } from '../criteria/lookup';
import type { Catalogue, Metric } from '../criteria/types';
import { CONFIG_FILE } from '../config/resolve';
import { packConfigSchema } from '../schemas/config-schema';
import { itemSchemaForEdition } from '../schemas/item-edition';
import { schemaText } from '../schemas/write';
import { ciWorkflowText, packSetup, WORKFLOW_PATH } from './ci-workflow';

export class InitRefused extends Error {}

/** Where the package's default templates live (the same folder from src/ under ts-jest and from dist/). */
export const DEFAULT_TEMPLATES_DIR = path.resolve(__dirname, '../../templates');

/**
 * Creates a new pack: a config, one commented example item of each kind (policy, practice, measurement,
 * numeric) whose metrics come from the catalogue, a files folder, and a copy of the default templates.
 * Never writes into a non-empty folder.
 */
export async function createPack(
  dir: string,
  catalogue: Catalogue,
  editions: string[],
  institution: string,
  today: string,
): Promise<string[]> {
  const root = path.resolve(dir);
  const existing = await readdir(root).catch(() => undefined);
  if (existing && existing.length > 0) throw new InitRefused(`${root} is not empty; choose a new folder for the pack.`);
  const files = new Map<string, string>();
  files.set(CONFIG_FILE, configText(catalogue, institution, today));
  const metrics = allMetrics(catalogue);
  const pick = (pred: (m: Metric) => boolean) => metrics.find(pred);
  const examples: [string, Metric | undefined][] = [
    ['policy', pick((m) => m.kind === 'policy')],
    ['practice', pick((m) => m.kind === 'evidence' && m.questionType === 'activity')],
    ['measurement', pick((m) => m.kind === 'evidence' && m.questionType === 'measurement' && (m.options?.length ?? 0) > 0)],
    ['numeric', pick((m) => m.kind === 'numeric' && (m.values?.length ?? 0) > 0)],
  ];
  for (const [kind, metric] of examples) {
    if (!metric) continue;
    const sdgDir = `sdg-${String(metric.sdg).padStart(2, '0')}`;
    files.set(`items/${sdgDir}/example-${kind}.yaml`, exampleItem(kind, metric, catalogue));
  }
  files.set('files/README.md', 'Put supporting files (PDF, images, spreadsheets) here and cite them from items with `supporting_files`.\n');
  files.set('files/example-policy.txt', 'Example supporting document. Replace it with the signed policy.\n');
  // The cache holds only what can be rebuilt (file hashes, last link-check results).
  files.set('.gitignore', 'out/\n.impact-pack-cache/\n.impact-pack-backups/\n');
  // The ready CI workflow (docs/ci.md), pinned to this version of impact-pack.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  files.set(WORKFLOW_PATH, ciWorkflowText(packSetup((require('../../package.json') as { version: string }).version)));
  // Editors validate and complete files through these copies, without network access.
  files.set('schemas/pack-config.schema.json', schemaText(packConfigSchema(editions)));
  files.set(`schemas/evidence-item.${catalogue.edition}.schema.json`, schemaText(itemSchemaForEdition(catalogue)));

  await mkdir(root, { recursive: true });
  for (const [rel, text] of files) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text, { flag: 'wx' });
  }
  await cp(DEFAULT_TEMPLATES_DIR, path.join(root, 'templates'), { recursive: true, errorOnExist: true, force: false });
  return [...files.keys(), 'templates/'];
}

function configText(cat: Catalogue, institution: string, today: string): string {
  return `# yaml-language-server: $schema=schemas/pack-config.schema.json
# Settings of this evidence pack. Every field is described in docs/pack-config.md of impact-pack.
institution:
  name: ${yamlString(institution)}
  # country: France
  # website: https://www.example.edu
edition: "${cat.edition}"        # ${cat.title}; it looks at data year ${cat.windows.dataYear}
data_year: ${cat.windows.dataYear}
# SDGs to submit: the overall table needs SDG 17 plus at least three others.
submit: [17, 3, 4, 5]
languages:
  evidence: en
folders:
  items: items          # evidence items, one YAML file each
  files: files          # supporting files cited by the items
  templates: templates  # document templates; delete a file to use the built-in one
# Date printed on the documents and used as "today" by the checks (or set SOURCE_DATE_EPOCH).
build_date: "${today}"
# Source documents cited by the items' provenance.
sources:
  annual-report:
    title: Sustainability report
    year: ${cat.windows.dataYear}
# Institution-wide facts, declared once and reused by numeric metrics.
facts:
  students_fte:
    value: 10000
    unit: students
    year: ${cat.windows.dataYear}
`;
}

function exampleItem(kind: string, m: Metric, cat: Catalogue): string {
  const y = cat.windows.dataYear;
  const lines = [
    `# yaml-language-server: $schema=../../schemas/evidence-item.${cat.edition}.schema.json`,
    `# Example ${kind} item for metric ${m.id} "${m.title}". Edit or delete it.`,
    `id: example-${kind}`,
    `sdg: ${m.sdg}`,
    `metric: "${m.id}"              # always in quotes`,
    `kind: ${kind}`,
    `title: ${yamlString(`Example: ${m.title}`)}`,
    'narrative: |',
    '  Describe for a THE assessor what exists, since when, who runs it and what it',
    `  achieved in ${y}, with figures. Write in English; keep the original title below.`,
    'relevance: specific          # specific: shows exactly what THE asks; general: something related',
  ];
  if (kind === 'policy') {
    // Created before the data year (THE asks for policies in place then), reviewed in it (inside the window).
    lines.push('policy:', `  created: "${y - 2}"           # a year, YYYY-MM or YYYY-MM-DD; "unknown" if not known`, `  last_reviewed: "${y}"`);
    lines.push('supporting_files:', '  - files/example-policy.txt');
  } else {
    lines.push('period:', `  start: "${y}-01-01"`, `  end: "${y}-12-31"`);
  }
  if (kind === 'measurement' && m.options?.length) {
    lines.push(`answer: ${m.options[0].id}          # one of: ${m.options.map((o) => o.id).join(', ')}`);
  }
  if (kind === 'numeric') {
    lines.push('values:                     # the named values this metric is scored from');
    for (const v of m.values ?? []) {
      lines.push(`  ${v.name}:                  # ${v.title}`, `    value: 0`, `    unit: ${yamlString(v.unit)}`, `    year: ${y}`);
      if (v.basis) lines.push(`    basis: ${v.basis}               # THE asks ${v.basis === 'fte' ? 'full-time equivalents' : 'a headcount'}`);
    }
  }
  lines.push(
    'public_urls:',
    // One page per item: a page shared by the items of several metrics reads as a landing page.
    `  - url: https://www.example.edu/sustainability/example-${kind}`,
    '    label: Public page showing the evidence',
    'owner: Sustainability office',
    'status: draft                 # draft | in_review | approved | not_applicable | not_pursuing',
    'provenance:',
    '  - source: annual-report',
    '    page: 1',
  );
  return `${lines.join('\n')}\n`;
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}
