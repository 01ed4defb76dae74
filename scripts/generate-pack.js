#!/usr/bin/env node
'use strict';
// Deterministic synthetic evidence pack, for the benchmark (scripts/bench.js) and the performance tests.
//
// A large university's pack holds thousands of items and thousands of supporting files. This script
// writes one of any size from a seed: the same options give the same bytes, on any machine, so that two
// benchmark runs (or two tools in one run) measure the same work.
//
//   node scripts/generate-pack.js --out /tmp/pack [--items 1000] [--files 1000] [--bytes 400M]
//                                 [--faulty 0.02] [--faults a,b,…] [--sdgs 7,17] [--seed 1] [--edition 2022]
//
// - Items are spread round-robin over every submittable metric of the edition (read through the compiled
//   criteria loader in dist/, so the generator sees exactly the catalogue the tool sees), in shuffled order.
//   --sdgs keeps only the metrics of some SDGs (a small pack with few documents). Each item has the fields its metric needs: named values for numeric metrics, creation and review dates
//   inside the policy window for policy questions, one of the answer options for options questions.
// - Supporting files have realistic types (mostly PDFs, some office files, photos and CSV tables) and
//   log-normal sizes; --bytes scales them to a total. Their first bytes are the real signatures of their
//   type, the rest is an AES-CTR key stream, written in chunks so that no file is ever held in memory.
//   Every file is cited by exactly one item; some items cite their files with a glob pattern.
// - A share of items (--faulty) carries one deliberate fault each, cycling through FAULTS below; the
//   summary lists which file carries which fault, so a test can check that validate finds every one.
//   --faults limits the rotation (the benchmark leaves out yaml-syntax: ajv-cli stops at the first file
//   it cannot parse).
// - Every file gets the same fixed modification time: the tool's hash cache does not trust files changed
//   in the two seconds before a run, and a generated pack is otherwise always "just changed".
//
// Exports generatePack(options) → summary; run directly, it prints the summary as JSON.
// Needs the compiled tool (npm run build:ts); writes only under --out, which must not exist or be empty.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..');
/** The fixed modification time of every generated file: the pack's build date. */
const FIXED_MTIME = new Date('2021-11-01T00:00:00Z');
const BUILD_DATE = '2021-11-01';
const SOURCE_KEY = 'annual-report';
const WRITE_CHUNK = 1 << 20;
/** The tool's default size limit is 20 MB; generated files stay below it so that none is faulty by accident. */
const MAX_FILE_BYTES = 19 * 1024 * 1024;
const MIN_FILE_BYTES = 512;

/**
 * File types with their share of the files and a log-normal size (median bytes, sigma), after what
 * university evidence folders hold: scanned and exported PDFs dominate, photos are the largest.
 */
const FILE_TYPES = [
  { ext: 'pdf', share: 0.62, median: 260 * 1024, sigma: 1.0 },
  { ext: 'jpg', share: 0.12, median: 1100 * 1024, sigma: 0.6 },
  { ext: 'docx', share: 0.08, median: 60 * 1024, sigma: 0.8 },
  { ext: 'png', share: 0.08, median: 380 * 1024, sigma: 0.7 },
  { ext: 'xlsx', share: 0.06, median: 45 * 1024, sigma: 0.8 },
  { ext: 'csv', share: 0.04, median: 9 * 1024, sigma: 0.8 },
];

/**
 * Deliberate faults, one per faulty item, in this rotation. `code` is what `impact-pack validate` must
 * report in the item's file (an error every time).
 */
const FAULTS = [
  { name: 'missing-narrative', code: 'SCHEMA_REQUIRED' },
  { name: 'unknown-metric', code: 'METRIC_UNKNOWN' },
  { name: 'missing-file', code: 'FILE_NOT_FOUND' },
  { name: 'placeholder', code: 'PLACEHOLDER_TEXT' },
  { name: 'duplicate-id', code: 'DUPLICATE_ID' },
  { name: 'bad-status', code: 'SCHEMA_ENUM' },
  { name: 'yaml-syntax', code: 'YAML_SYNTAX' },
  { name: 'undeclared-source', code: 'SOURCE_UNKNOWN' },
  { name: 'confidential-public', code: 'CONFIDENTIAL_PUBLIC' },
  { name: 'wrong-sdg', code: 'METRIC_SDG_MISMATCH' },
];

const WORDS = {
  adjectives: ['sustainable', 'inclusive', 'regional', 'low-carbon', 'community', 'open', 'campus-wide', 'local', 'student-led', 'interdisciplinary', 'accessible', 'circular', 'long-term', 'public', 'shared'],
  nouns: ['programme', 'partnership', 'initiative', 'service', 'network', 'scheme', 'project', 'policy', 'course', 'workshop', 'survey', 'plan', 'fund', 'centre', 'platform'],
  topics: ['energy', 'water', 'food', 'health', 'gender equality', 'biodiversity', 'waste', 'mobility', 'housing', 'education', 'employment', 'innovation', 'climate', 'governance', 'outreach'],
  actors: ['The university', 'The estates office', 'The student union', 'The research office', 'The sustainability team', 'The faculty of engineering', 'The library', 'The careers service'],
  verbs: ['ran', 'extended', 'funded', 'monitored', 'published', 'reviewed', 'organised', 'supported', 'measured', 'opened'],
  objects: ['a training cycle for staff', 'an annual report to the board', 'a shared monitoring dashboard', 'a call for student projects', 'a partnership with the city council', 'free workshops for local schools', 'a metering campaign across the buildings', 'a review of supplier contracts'],
  outcomes: ['reaching every faculty', 'with figures published online', 'for the whole data year', 'with external partners', 'involving several hundred participants', 'as set out in the board minutes', 'with a budget approved in advance'],
};

/** mulberry32: a small, fast, well-mixed 32-bit generator; the same seed gives the same sequence everywhere. */
function prng(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedFrom(text) {
  return crypto.createHash('sha256').update(text).digest().readUInt32LE(0);
}

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function intBetween(random, lo, hi) {
  return lo + Math.floor(random() * (hi - lo + 1));
}

/** A standard normal deviate (Box–Muller), for log-normal file sizes. */
function normal(random) {
  const u = Math.max(random(), 1e-12);
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function shuffle(random, list) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** "400M", "2G", "512K" or a plain number of bytes. */
function parseBytes(text) {
  const m = /^(\d+(?:\.\d+)?)\s*([KMG]?)B?$/i.exec(String(text).trim());
  if (!m) throw new Error(`"${text}" is not a size (use e.g. 400M or 2G)`);
  const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2].toUpperCase()];
  return Math.round(Number(m[1]) * unit);
}

function submittableMetrics(edition, sdgs) {
  let load;
  try {
    load = require(path.join(REPO_ROOT, 'dist/criteria/load.js'));
  } catch {
    throw new Error('dist/ is missing: run `npm run build:ts` first');
  }
  const result = load.loadCatalogue(edition);
  if (!result.value) throw new Error(`edition ${edition}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  const catalogue = result.value;
  const metrics = catalogue.sdgs
    .filter((s) => sdgs === undefined || sdgs.includes(s.number))
    .flatMap((s) => s.groups.flatMap((g) => g.metrics))
    .filter((m) => m.kind !== 'bibliometric');
  if (metrics.length === 0) throw new Error(`--sdgs ${sdgs.join(',')} names no SDG with submittable metrics in edition ${edition}`);
  return { catalogue, metrics };
}

function sentence(random) {
  return `${pick(random, WORDS.actors)} ${pick(random, WORDS.verbs)} ${pick(random, WORDS.objects)} on ${pick(random, WORDS.topics)}, ${pick(random, WORDS.outcomes)}.`;
}

function narrative(random) {
  const paragraphs = [];
  for (let p = intBetween(random, 2, 4); p > 0; p--) {
    const sentences = [];
    for (let s = intBetween(random, 2, 4); s > 0; s--) sentences.push(sentence(random));
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs;
}

function title(random, metric) {
  const adjective = pick(random, WORDS.adjectives);
  return `${adjective[0].toUpperCase()}${adjective.slice(1)} ${pick(random, WORDS.topics)} ${pick(random, WORDS.nouns)} for metric ${metric.id}`;
}

/** A YAML double-quoted scalar: JSON string syntax is valid YAML. */
function q(text) {
  return JSON.stringify(text);
}

/** A figure as a coordinator would copy it from a French report (narrow spaces, decimal comma). */
function asPrinted(value, unit) {
  const [whole, fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${grouped}${fraction ? `,${fraction}` : ''} ${unit}`;
}

/** The item kind its metric expects (the tool's kind-fits-metric rule). */
function kindFor(metric) {
  if (metric.kind === 'numeric') return 'numeric';
  if (metric.kind === 'policy') return 'policy';
  if (metric.questionType === 'measurement') return 'measurement';
  return 'practice';
}

/**
 * The YAML text of one item. `fault` (or undefined) bends exactly one thing; everything else is what a
 * careful coordinator would write.
 */
function itemYaml(spec, ctx) {
  const { random, windows, dataYear } = ctx;
  const { metric, fault } = spec;
  const lines = [];
  const push = (...l) => lines.push(...l);
  push(`# yaml-language-server: $schema=../../schemas/evidence-item.${ctx.edition}.schema.json`);
  push(`id: ${fault === 'duplicate-id' && spec.previousId ? spec.previousId : spec.id}`);
  push(`sdg: ${fault === 'wrong-sdg' ? (metric.sdg % 16) + 1 : metric.sdg}`);
  push(`metric: ${q(fault === 'unknown-metric' ? `${metric.sdg}.9.9` : metric.id)}`);
  push(`kind: ${kindFor(metric)}`);
  push(fault === 'yaml-syntax' ? `title: "${title(random, metric)}` : `title: ${q(title(random, metric))}`);
  const paragraphs = narrative(random);
  if (fault === 'placeholder') paragraphs.push(`TODO: confirm the ${dataYear} figures with the finance office.`);
  if (fault !== 'missing-narrative') {
    push('narrative: |');
    paragraphs.forEach((p, i) => {
      if (i > 0) push('');
      push(`  ${p}`);
    });
  }
  const kind = kindFor(metric);
  if (kind === 'policy') {
    const created = intBetween(random, windows.from - 6, windows.to - 1);
    const reviewed = intBetween(random, Math.max(created, windows.from), windows.to);
    push('policy:', `  created: "${created}"`, `  last_reviewed: "${reviewed}"`, `  next_review: "${reviewed + 3}"`);
  } else {
    const startMonth = intBetween(random, 1, 6);
    push(`period: { start: "${dataYear}-${String(startMonth).padStart(2, '0')}-01", end: "${dataYear}-12-31" }`);
  }
  if (metric.options && metric.options.length > 0) push(`answer: ${pick(random, metric.options).id}`);
  push('progress: achieved', 'carried_out_by: university');
  const confidential = fault === 'confidential-public' || random() < 0.03;
  if (confidential) push('confidential: true');
  if (random() < 0.4) push(`partners: [${q(`${pick(random, WORDS.topics)} agency`)}, ${q('City council')}]`);
  if (!confidential || fault === 'confidential-public') {
    if (fault === 'confidential-public' || random() < 0.6) {
      push('public_urls:', `  - url: https://www.synthetic-${ctx.seed}.example.edu/sdg-${String(metric.sdg).padStart(2, '0')}/${spec.id}`, `    label: ${q('Page on the university website')}`);
    }
  }
  const refs = [...spec.fileRefs];
  if (fault === 'missing-file') refs.push(`files/sdg-${String(metric.sdg).padStart(2, '0')}/missing-${spec.id}.pdf`);
  if (refs.length > 0) push('supporting_files:', ...refs.map((r) => `  - ${q(r)}`));
  if (metric.kind === 'numeric') {
    push('values:');
    for (const v of metric.values ?? []) {
      const value = random() < 0.5 ? intBetween(random, 1, 50000) : Math.round(random() * 100000) / 100;
      push(`  ${v.name}:`, `    value: ${value}`, `    unit: ${q(v.unit)}`, `    as_printed: ${q(asPrinted(value, v.unit))}`, `    year: ${dataYear}`);
    }
  }
  push(`owner: ${q(`${pick(random, WORDS.topics)} office`)}`);
  const status = fault === 'bad-status' ? 'done' : pick(random, ['in_review', 'in_review', 'approved', 'draft']);
  push(`status: ${status}`);
  if (random() < 0.3) push('review_notes:', `  - ${q(`Check the ${dataYear} figure against the audited accounts.`)}`);
  const first = intBetween(random, 10, 9000);
  push('provenance:', `  - source: ${fault === 'undeclared-source' ? 'unknown-report' : SOURCE_KEY}`, `    lines: "${first}-${first + intBetween(random, 2, 40)}"`);
  push(`tags: [${pick(random, WORDS.topics).replace(/ /g, '-')}, synthetic]`);
  return `${lines.join('\n')}\n`;
}

function configYaml(options, catalogue) {
  const submit = [17, ...[3, 4, 7, 13].filter((n) => catalogue.sdgs.some((s) => s.number === n))];
  return [
    `# Synthetic pack from scripts/generate-pack.js: seed ${options.seed}, ${options.items} items, ${options.files} files.`,
    'institution:',
    `  name: ${q(`Synthetic University ${options.seed}`)}`,
    '  country: Nowhere',
    `  website: https://www.synthetic-${options.seed}.example.edu`,
    `edition: "${catalogue.edition}"`,
    `data_year: ${catalogue.windows.dataYear}`,
    `submit: [${submit.join(', ')}]`,
    `build_date: "${BUILD_DATE}"`,
    'sources:',
    `  ${SOURCE_KEY}:`,
    `    title: ${q(`Annual sustainability report ${catalogue.windows.dataYear}`)}`,
    `    year: ${catalogue.windows.dataYear}`,
    '',
  ].join('\n');
}

/** File sizes drawn per type, then scaled (and clamped) so that they add up to `total` when it is given. */
function fileSizes(random, types, total) {
  const sizes = types.map((t) => Math.exp(Math.log(t.median) + t.sigma * normal(random)));
  const clamp = (n) => Math.min(MAX_FILE_BYTES, Math.max(MIN_FILE_BYTES, Math.round(n)));
  if (total === undefined) return sizes.map(clamp);
  let scaled = sizes;
  // Clamping moves the sum; a few rounds bring it within a fraction of a percent.
  for (let round = 0; round < 6; round++) {
    const sum = scaled.reduce((a, b) => a + b, 0);
    scaled = scaled.map((s) => clamp((s * total) / sum));
  }
  return scaled;
}

/** The first bytes of a file of this type, enough for any content sniffer to recognise it. */
function signature(ext) {
  switch (ext) {
    case 'pdf':
      return Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n<< /Length 0 >>\nstream\n', 'latin1');
    case 'png':
      return Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    case 'jpg':
      return Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
    case 'docx':
    case 'xlsx':
      return Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0, 8, 0]);
    default:
      return Buffer.alloc(0);
  }
}

/** Writes `size` bytes: the type's signature, then an AES-256-CTR key stream seeded by the path. Streams in chunks. */
function writeBinaryFile(abs, ext, size, key) {
  const cipher = crypto.createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(WRITE_CHUNK);
  const fd = fs.openSync(abs, 'wx');
  try {
    const head = signature(ext).subarray(0, size);
    fs.writeSync(fd, head);
    let left = size - head.length;
    while (left > 0) {
      const n = Math.min(left, WRITE_CHUNK);
      fs.writeSync(fd, cipher.update(zeros.subarray(0, n)));
      left -= n;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** A CSV table of figures, as exported from a spreadsheet, of about `size` bytes. */
function writeCsvFile(abs, size, random) {
  const fd = fs.openSync(abs, 'wx');
  try {
    let written = fs.writeSync(fd, 'year,site,indicator,value,unit\n');
    let rows = [];
    while (written < size) {
      const row = `${intBetween(random, 2015, 2021)},site-${intBetween(random, 1, 9)},${pick(random, WORDS.topics).replace(/ /g, '_')},${intBetween(random, 0, 99999)},${pick(random, ['kWh', 'm3', 't', 'EUR', 'people'])}\n`;
      rows.push(row);
      written += Buffer.byteLength(row);
      if (rows.length === 2000) {
        fs.writeSync(fd, rows.join(''));
        rows = [];
      }
    }
    if (rows.length > 0) fs.writeSync(fd, rows.join(''));
  } finally {
    fs.closeSync(fd);
  }
}

function ensureEmptyFolder(dir) {
  if (fs.existsSync(dir)) {
    if (fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty; the generator writes only into a new or empty folder`);
  } else {
    fs.mkdirSync(dir, { recursive: true });
  }
}

function normaliseOptions(options) {
  const out = {
    out: options.out,
    items: options.items ?? 1000,
    files: options.files ?? 1000,
    bytes: options.bytes === undefined || options.bytes === null ? undefined : typeof options.bytes === 'number' ? options.bytes : parseBytes(options.bytes),
    faulty: options.faulty ?? 0.02,
    faults: options.faults ?? FAULTS.map((f) => f.name),
    seed: options.seed ?? 1,
    edition: String(options.edition ?? '2022'),
    sdgs: options.sdgs === undefined || options.sdgs === null ? undefined : options.sdgs.map(Number),
  };
  if (!out.out) throw new Error('--out is required');
  for (const k of ['items', 'files', 'seed']) if (!Number.isInteger(out[k]) || out[k] < 0) throw new Error(`--${k} takes a whole number`);
  if (!(out.faulty >= 0 && out.faulty <= 1)) throw new Error('--faulty takes a share between 0 and 1');
  const unknown = out.faults.filter((name) => !FAULTS.some((f) => f.name === name));
  if (unknown.length > 0 || out.faults.length === 0) throw new Error(`--faults takes names among ${FAULTS.map((f) => f.name).join(', ')}`);
  return out;
}

/**
 * Writes a pack and returns what it holds: counts, total bytes, and the faulty items with the code each
 * must produce. Deterministic: the same options write the same bytes.
 */
function generatePack(rawOptions) {
  const options = normaliseOptions(rawOptions);
  const root = path.resolve(options.out);
  const { catalogue, metrics } = submittableMetrics(options.edition, options.sdgs);
  const random = prng(seedFrom(`impact-pack synthetic ${options.seed}`));
  const windows = catalogue.windows.policyWindow;
  const dataYear = catalogue.windows.dataYear;
  ensureEmptyFolder(root);

  // Items: every metric in turn (shuffled once), so that each metric gets its share.
  const order = shuffle(random, metrics);
  const perMetric = new Map();
  const specs = [];
  for (let i = 0; i < options.items; i++) {
    const metric = order[i % order.length];
    const n = (perMetric.get(metric.id) ?? 0) + 1;
    perMetric.set(metric.id, n);
    const id = `sdg${String(metric.sdg).padStart(2, '0')}-${metric.id.replace(/\./g, '-')}-${String(n).padStart(5, '0')}`;
    specs.push({ id, metric, fileRefs: [], files: [], fault: undefined, previousId: i > 0 ? specs[i - 1].id : undefined });
  }
  // Faults: evenly spaced, so that every part of the pack has some.
  const faultCount = Math.round(options.items * options.faulty);
  const rotation = FAULTS.filter((f) => options.faults.includes(f.name));
  const faults = [];
  for (let k = 0; k < faultCount; k++) {
    const index = Math.min(options.items - 1, Math.floor(((k + 0.5) * options.items) / faultCount));
    const fault = rotation[k % rotation.length];
    // The first item has no previous id to duplicate.
    if (fault.name === 'duplicate-id' && index === 0) continue;
    specs[index].fault = fault.name;
    faults.push({ index, id: specs[index].id, fault: fault.name, code: fault.code });
  }

  // Files: owned by items spread evenly over the item list, in the owner's SDG folder.
  const typeOf = [];
  for (let f = 0; f < options.files; f++) {
    let r = random();
    let type = FILE_TYPES[FILE_TYPES.length - 1];
    for (const t of FILE_TYPES) {
      if (r < t.share) {
        type = t;
        break;
      }
      r -= t.share;
    }
    typeOf.push(type);
  }
  const sizes = fileSizes(random, typeOf, options.bytes);
  const files = [];
  for (let f = 0; f < options.files && options.items > 0; f++) {
    const owner = specs[Math.floor((f * options.items) / options.files)];
    const k = owner.files.length + 1;
    const rel = `files/sdg-${String(owner.metric.sdg).padStart(2, '0')}/${owner.id}-${k}.${typeOf[f].ext}`;
    owner.files.push(rel);
    files.push({ path: rel, ext: typeOf[f].ext, size: sizes[f] });
  }
  for (const spec of specs) {
    // Some coordinators cite a folder of photos or exports with one pattern rather than file by file.
    if (spec.files.length >= 2 && random() < 0.25) spec.fileRefs.push(`files/sdg-${String(spec.metric.sdg).padStart(2, '0')}/${spec.id}-*`);
    else spec.fileRefs.push(...spec.files);
  }

  fs.writeFileSync(path.join(root, 'impact-pack.yaml'), configYaml(options, catalogue), { flag: 'wx' });
  const ctx = { random, windows, dataYear, edition: catalogue.edition, seed: options.seed };
  const itemFiles = [];
  for (const spec of specs) {
    const rel = `items/sdg-${String(spec.metric.sdg).padStart(2, '0')}/${spec.id}.yaml`;
    fs.mkdirSync(path.join(root, path.dirname(rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), itemYaml(spec, ctx), { flag: 'wx' });
    itemFiles.push(rel);
  }
  let totalBytes = 0;
  for (const file of files) {
    const abs = path.join(root, file.path);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    const key = crypto.createHash('sha256').update(`${options.seed}\0${file.path}`).digest();
    if (file.ext === 'csv') writeCsvFile(abs, Math.min(file.size, 2 * 1024 * 1024), prng(key.readUInt32LE(0)));
    else writeBinaryFile(abs, file.ext, file.size, key);
    totalBytes += fs.statSync(abs).size;
  }
  for (const rel of ['impact-pack.yaml', ...itemFiles, ...files.map((f) => f.path)]) fs.utimesSync(path.join(root, rel), FIXED_MTIME, FIXED_MTIME);

  return {
    root,
    edition: catalogue.edition,
    seed: options.seed,
    items: specs.length,
    metricsCovered: perMetric.size,
    files: files.length,
    bytes: totalBytes,
    /** An item without a fault, for measurements that change one item. */
    cleanItem: itemFiles[specs.findIndex((spec) => spec.fault === undefined)],
    faulty: faults.map((f) => ({ file: itemFiles[f.index], id: f.id, fault: f.fault, code: f.code })),
  };
}

function parseCli(argv) {
  const { parseArgs } = require('node:util');
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      items: { type: 'string' },
      files: { type: 'string' },
      bytes: { type: 'string' },
      faulty: { type: 'string' },
      faults: { type: 'string' },
      sdgs: { type: 'string' },
      seed: { type: 'string' },
      edition: { type: 'string' },
    },
    strict: true,
  });
  const num = (v) => (v === undefined ? undefined : Number(v));
  return { out: values.out, items: num(values.items), files: num(values.files), bytes: values.bytes, faulty: num(values.faulty), faults: values.faults?.split(','), sdgs: values.sdgs?.split(','), seed: num(values.seed), edition: values.edition };
}

if (require.main === module) {
  try {
    const summary = generatePack(parseCli(process.argv.slice(2)));
    process.stdout.write(`${JSON.stringify({ ...summary, faulty: summary.faulty.length }, null, 2)}\n`);
  } catch (error) {
    process.stderr.write(`generate-pack: ${error.message}\n`);
    process.exitCode = 2;
  }
}

module.exports = { generatePack, parseBytes, FAULTS };
