#!/usr/bin/env node
'use strict';
// The benchmark: impact-pack side by side with a baseline for each job, on the same generated pack, in
// one run. `npm run bench` builds the tool, then runs this script; BENCHMARKS.md holds the results.
//
//   npm run bench -- [--scales small,large] [--runs 5] [--warmup 1] [--build-runs 3] [--bytes 2G]
//                    [--seed 1] [--only a,b,c,d,e] [--sdgs 7,17] [--faulty 0.02] [--work DIR] [--keep] [--json FILE]
//
// For each scale a pack is generated (scripts/generate-pack.js, seeded, so every run measures the same
// bytes) under --work (default: the system's temporary folder), then every comparison runs its commands
// in turns, baseline and ours alternating, --warmup times unrecorded and --runs times recorded (the builds of
// (e) and (+) --build-runs times, after the reference build and a LibreOffice start that warm them up):
//   (a) `validate` against the floor: reading and YAML-parsing every evidence file and nothing else
//       (scripts/bench-floor.js). The hash cache is warm and the saved validation is removed before each
//       run, so both sides do the item work; hashing is measured on its own in (c);
//   (b) the same `validate` against ajv-cli validating the same files against the same item schema;
//   (c) impact-pack's supporting-file hashing (scripts/bench-hash.js, the code `validate` runs, cache
//       off) against sha256sum over the same files;
//   (d) a second `validate` with nothing changed against a cold one (the pack's cache folder removed);
//   (e) `build` of every SDG document (PDF, DOCX, HTML; output folder removed first) against LibreOffice
//       headless converting the DOCX files of that build to PDF;
//   (+) a `build` after one item changed against the cold `build` of (e);
//   (f) the peak resident memory of every command (GNU time's maximum resident set size);
//   (g) how each figure grows from the smallest to the largest scale, against how the pack grows.
// It prints medians and ratios as Markdown (and everything, raw samples included, as JSON with --json).
// Exit code: 0 when every command ran, 1 when one failed (its row says which), 2 on a usage error.
// Nothing asserts on time here or in the tests; tests/perf runs this script at a tiny scale so it cannot rot.

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { generatePack, parseBytes, FAULTS } = require('./generate-pack');

const REPO_ROOT = path.resolve(__dirname, '..');
const CLI = path.join(REPO_ROOT, 'bin/impact-pack.js');
const TIME_BINARY = '/usr/bin/time';
/** Written into every folder the benchmark creates, so that it only ever deletes its own folders. */
const MARKER = '.impact-pack-bench';

/** Pack sizes from the issue: 1,000 and 10,000 items, 1,000 and 5,000 files; --bytes raises the largest to 2 GB. */
const SCALES = {
  small: { items: 1000, files: 1000, bytes: '200M' },
  large: { items: 10000, files: 5000, bytes: '1G' },
};

/** ajv-cli stops at the first file it cannot parse, so the benchmark packs hold every fault but that one. */
const BENCH_FAULTS = FAULTS.map((f) => f.name).filter((name) => name !== 'yaml-syntax');

const TARGETS = {
  a: { max: 1.5, text: '≤ 1.5' },
  b: { max: 1.0, text: '≤ 1.0' },
  c: { max: 1.0, text: '≤ 1.0' },
  d: { max: 0.1, text: '≤ 0.10' },
  e: { max: 0.1, text: '≤ 0.10 (10× faster)' },
};
/** (f): peak memory of our commands at 10,000 items and 2 GB of files. */
const MEMORY_TARGET_MB = 400;

function usage(message) {
  const error = new Error(message);
  error.usage = true;
  return error;
}

function parseOptions(argv) {
  const { parseArgs } = require('node:util');
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        scales: { type: 'string' },
        runs: { type: 'string' },
        warmup: { type: 'string' },
        'build-runs': { type: 'string' },
        bytes: { type: 'string' },
        seed: { type: 'string' },
        only: { type: 'string' },
        sdgs: { type: 'string' },
        faulty: { type: 'string' },
        work: { type: 'string' },
        keep: { type: 'boolean' },
        json: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw usage(error.message);
  }
  const whole = (text, name, fallback, min) => {
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text) || Number(text) < min) throw usage(`--${name} takes a whole number of at least ${min}`);
    return Number(text);
  };
  const scales = (values.scales ?? 'small,large').split(',').map((s) => parseScale(s.trim()));
  if (values.bytes !== undefined) scales[scales.length - 1].bytes = parseBytes(values.bytes);
  const only = (values.only ?? 'a,b,c,d,e').split(',').map((s) => s.trim());
  const unknown = only.filter((c) => !['a', 'b', 'c', 'd', 'e'].includes(c));
  if (unknown.length > 0) throw usage(`--only takes letters among a,b,c,d,e, not ${unknown.join(',')}`);
  return {
    help: values.help === true,
    scales,
    runs: whole(values.runs, 'runs', 5, 1),
    warmup: whole(values.warmup, 'warmup', 1, 0),
    buildRuns: whole(values['build-runs'], 'build-runs', 3, 1),
    seed: whole(values.seed, 'seed', 1, 0),
    only: new Set(only),
    sdgs: values.sdgs === undefined ? undefined : values.sdgs.split(',').map(Number),
    faulty: values.faulty === undefined ? 0.02 : Number(values.faulty),
    work: path.resolve(values.work ?? path.join(os.tmpdir(), 'impact-pack-bench')),
    keep: values.keep === true,
    json: values.json === undefined ? undefined : path.resolve(values.json),
  };
}

/** "small", "large", or a scale of one's own: name=ITEMS/FILES/BYTES, e.g. tiny=40/20/256K. */
function parseScale(text) {
  const custom = /^([a-z][a-z0-9-]*)=(\d+)\/(\d+)\/([\d.]+[KMG]?)$/i.exec(text);
  if (custom) return { name: custom[1], items: Number(custom[2]), files: Number(custom[3]), bytes: parseBytes(custom[4]) };
  const preset = SCALES[text];
  if (!preset) throw usage(`unknown scale "${text}": use small, large, or name=ITEMS/FILES/BYTES`);
  return { name: text, items: preset.items, files: preset.files, bytes: parseBytes(preset.bytes) };
}

/** A folder the benchmark owns: created with its marker, and only ever removed when the marker is there. */
function ownFolder(dir) {
  if (fs.existsSync(dir)) {
    if (!fs.existsSync(path.join(dir, MARKER))) throw usage(`${dir} exists and was not made by the benchmark; choose another --work`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, MARKER), 'Made by scripts/bench.js; removed by it.\n');
  return dir;
}

function removeOwnFolder(dir) {
  if (fs.existsSync(path.join(dir, MARKER))) fs.rmSync(dir, { recursive: true, force: true });
}

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function firstLine(argv) {
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout || r.stderr).split('\n')[0].trim() : undefined;
}

/**
 * Runs one command and measures it: wall time around the process (so start-up counts, as it does for a
 * user) and, when GNU time is installed, its peak resident memory. Output is discarded; the last lines of
 * stderr are kept to explain a failure.
 */
function runMeasured(step, ctx) {
  const [command, ...args] = step.argv;
  const timeFile = path.join(ctx.work, 'peak-memory.txt');
  const argv = ctx.hasTime ? [TIME_BINARY, '-f', '%M', '-o', timeFile, command, ...args] : [command, ...args];
  const started = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), {
    cwd: step.cwd ?? REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...(step.env ?? {}) },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let peakMb;
  if (ctx.hasTime && fs.existsSync(timeFile)) {
    // GNU time writes "Command exited with non-zero status N" before the figure when the command fails.
    const kb = Number(fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb)) peakMb = kb / 1024;
    fs.rmSync(timeFile, { force: true });
  }
  const okCodes = step.okCodes ?? [0];
  const ok = r.error === undefined && okCodes.includes(r.status);
  const stderr = String(r.stderr ?? '').trim().split('\n').slice(-5).join('\n');
  return { seconds, peakMb, ok, status: r.status, error: ok ? undefined : r.error?.message ?? `exit ${r.status}: ${stderr}` };
}

function median(list) {
  if (list.length === 0) return undefined;
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Every command the benchmark runs at one scale, by key, with what to do before each run. */
function commandsFor(s, ctx) {
  const node = process.execPath;
  const validate = [node, CLI, 'validate', s.pack];
  const itemStateFile = path.join(s.pack, ctx.cacheFolder, ctx.validationStateFile);
  return {
    validate: {
      label: '`validate`',
      argv: validate,
      okCodes: [0, 1],
      // The hash cache stays; the saved validation goes, so the items are really parsed and checked.
      before: () => fs.rmSync(itemStateFile, { force: true }),
    },
    floor: { label: 'floor: read + YAML-parse', argv: [node, path.join(__dirname, 'bench-floor.js'), s.pack] },
    ajv: {
      label: 'ajv-cli',
      argv: [node, ctx.ajvCli, 'validate', '--spec=draft2020', '--strict=false', '--all-errors', '-c', 'ajv-formats', '-s', s.schema, '-d', `${s.pack}/items/**/*.yaml`],
      // 1: some files are invalid, as intended; 2 would mean it could not read one.
      okCodes: [0, 1],
    },
    hash: { label: 'hashing (bench-hash.js)', argv: [node, path.join(__dirname, 'bench-hash.js'), s.pack] },
    sha256sum: { label: 'sha256sum', argv: ['sh', '-c', 'xargs -0 sha256sum < "$0" > /dev/null', s.hashList], cwd: s.pack },
    validateCold: {
      label: '`validate`, cold',
      argv: validate,
      okCodes: [0, 1],
      before: () => fs.rmSync(path.join(s.pack, ctx.cacheFolder), { recursive: true, force: true }),
    },
    validateWarm: { label: '`validate`, nothing changed', argv: validate, okCodes: [0, 1] },
    build: {
      label: '`build` (pdf, docx, html)',
      argv: [node, CLI, 'build', s.pack, '--draft', '--out', s.out],
      okCodes: [0, 1],
      before: () => fs.rmSync(s.rendered, { recursive: true, force: true }),
    },
    office: {
      label: 'LibreOffice DOCX → PDF',
      argv: ['soffice', '--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(s.officeProfile).href}`, '--convert-to', 'pdf', '--outdir', s.officeOut, ...s.docx],
      before: () => fs.rmSync(s.officeOut, { recursive: true, force: true }),
    },
    buildOneChanged: {
      label: '`build`, one item changed',
      argv: [node, CLI, 'build', s.pack, '--draft', '--out', s.out],
      okCodes: [0, 1],
      before: () => s.changeOneItem(),
    },
  };
}

/** The comparisons: which commands run in turn, and which ratios come out of them. */
function comparisonsFor(ctx) {
  const list = [];
  if (ctx.only.has('a') || ctx.only.has('b')) {
    const steps = ['validate'];
    const ratios = [];
    if (ctx.only.has('a')) {
      steps.push('floor');
      ratios.push({ id: 'a', title: 'validate vs floor', ours: 'validate', baseline: 'floor' });
    }
    if (ctx.only.has('b')) {
      if (ctx.ajvCli) {
        steps.push('ajv');
        ratios.push({ id: 'b', title: 'validate vs ajv-cli', ours: 'validate', baseline: 'ajv' });
      } else ratios.push({ id: 'b', title: 'validate vs ajv-cli', skipped: 'ajv-cli is not installed (npm ci installs it)' });
    }
    list.push({ steps, ratios });
  }
  if (ctx.only.has('c')) {
    list.push({ steps: ['hash', 'sha256sum'], ratios: [{ id: 'c', title: 'hashing vs sha256sum', ours: 'hash', baseline: 'sha256sum' }] });
  }
  if (ctx.only.has('d')) {
    list.push({ steps: ['validateCold', 'validateWarm'], ratios: [{ id: 'd', title: 'second validate vs cold', ours: 'validateWarm', baseline: 'validateCold' }] });
  }
  if (ctx.only.has('e')) {
    if (ctx.hasOffice) {
      list.push({ slow: true, steps: ['build', 'office'], ratios: [{ id: 'e', title: 'build vs LibreOffice', ours: 'build', baseline: 'office' }] });
    } else {
      list.push({ slow: true, steps: ['build'], ratios: [{ id: 'e', title: 'build vs LibreOffice', skipped: 'soffice is not installed (Debian: libreoffice-writer-nogui)' }] });
    }
    // Runs after (e), whose last build is the "previous build" of the first changed one.
    list.push({ slow: true, steps: ['buildOneChanged'], ratios: [{ id: '+', title: 'build after one change vs cold build', ours: 'buildOneChanged', baseline: 'build' }] });
  }
  return list;
}

function log(text) {
  process.stderr.write(`bench: ${text}\n`);
}

/** Generates the pack of one scale and everything the comparisons need beside it. */
function prepareScale(scale, ctx) {
  const dir = ownFolder(path.join(ctx.work, scale.name));
  log(`${scale.name}: generating ${scale.items} items, ${scale.files} files, ${megabytes(scale.bytes / 1024 ** 2)}`);
  const summary = generatePack({ out: path.join(dir, 'pack'), items: scale.items, files: scale.files, bytes: scale.bytes, seed: ctx.seed, faults: BENCH_FAULTS, sdgs: ctx.sdgs, faulty: ctx.faulty });
  const s = {
    ...scale,
    summary,
    pack: summary.root,
    out: path.join(dir, 'out'),
    // The generated pack has faulty items on purpose, so a build writes nothing to out/; every build here
    // renders a draft (the same work, marked DRAFT) into out-draft/ instead.
    rendered: path.join(dir, 'out-draft'),
    schema: path.join(REPO_ROOT, 'schemas', `evidence-item.${summary.edition}.schema.json`),
    hashList: path.join(dir, 'files.list'),
    officeProfile: path.join(dir, 'office-profile'),
    officeOut: path.join(dir, 'office-out'),
    docxFolder: path.join(dir, 'docx'),
    docx: [],
  };
  const files = require('fast-glob').sync('files/**/*', { cwd: s.pack, onlyFiles: true }).sort();
  fs.writeFileSync(s.hashList, files.map((f) => `${f}\0`).join(''));

  // One item is rewritten in turn between two versions, so every measured build sees exactly one change.
  const itemFile = path.join(s.pack, summary.cleanItem);
  const original = fs.readFileSync(itemFile, 'utf8');
  let turn = 0;
  s.changeOneItem = () => {
    turn++;
    fs.writeFileSync(itemFile, turn % 2 === 1 ? original.replace(/^title: "/m, 'title: "Revised: ') : original);
  };

  if (ctx.only.has('e') && ctx.hasOffice) {
    // LibreOffice converts the DOCX files our build writes: what an office does today, Word then "export to PDF".
    log(`${scale.name}: building once for the DOCX files LibreOffice converts`);
    const r = runMeasured({ argv: [process.execPath, CLI, 'build', s.pack, '--draft', '--out', s.out, '--formats', 'docx'], okCodes: [0, 1] }, ctx);
    if (!r.ok) throw new Error(`the reference build failed: ${r.error}`);
    fs.mkdirSync(s.docxFolder);
    for (const name of fs.readdirSync(s.rendered).filter((n) => n.endsWith('.docx')).sort()) {
      fs.copyFileSync(path.join(s.rendered, name), path.join(s.docxFolder, name));
      s.docx.push(path.join(s.docxFolder, name));
    }
    // LibreOffice's first start creates its profile, which takes longer than a conversion: not part of the measure.
    const office = commandsFor(s, ctx).office;
    office.before();
    const started = runMeasured({ ...office, argv: [...office.argv.slice(0, -s.docx.length), s.docx[0]] }, ctx);
    if (!started.ok) throw new Error(`LibreOffice could not start: ${started.error}`);
  }
  return s;
}

/** Runs the comparisons of one scale: warm-up turns, then recorded turns, each command once per turn. */
function measureScale(s, ctx) {
  const commands = commandsFor(s, ctx);
  const samples = {};
  for (const comparison of comparisonsFor(ctx)) {
    // Builds take minutes at 10,000 items: fewer runs, warmed up by the reference build instead of a turn of their own.
    const warmup = comparison.slow ? 0 : ctx.warmup;
    const runs = comparison.slow ? ctx.buildRuns : ctx.runs;
    for (let turn = 0; turn < warmup + runs; turn++) {
      const recorded = turn >= warmup;
      log(`${s.name}: ${comparison.steps.join(' / ')} ${recorded ? `run ${turn - warmup + 1} of ${runs}` : 'warm-up'}`);
      for (const key of comparison.steps) {
        const command = commands[key];
        command.before?.();
        const r = runMeasured(command, ctx);
        const entry = (samples[key] ??= { label: command.label, seconds: [], peakMb: [], failures: [] });
        if (!r.ok) entry.failures.push(r.error);
        else if (recorded) {
          entry.seconds.push(r.seconds);
          if (r.peakMb !== undefined) entry.peakMb.push(r.peakMb);
        }
      }
    }
  }
  const commandsOut = {};
  for (const [key, e] of Object.entries(samples)) {
    commandsOut[key] = { ...e, median: median(e.seconds), peak: e.peakMb.length > 0 ? Math.max(...e.peakMb) : undefined };
  }
  const ratios = comparisonsFor(ctx).flatMap((c) =>
    c.ratios.map((r) => {
      if (r.skipped) return { ...r };
      const ours = commandsOut[r.ours]?.median;
      const baseline = commandsOut[r.baseline]?.median;
      const ratio = ours !== undefined && baseline ? ours / baseline : undefined;
      const target = TARGETS[r.id];
      return { ...r, ratio, target: target?.text, met: target && ratio !== undefined ? ratio <= target.max : undefined };
    }),
  );
  return { name: s.name, items: s.items, files: s.files, bytes: s.summary.bytes, faulty: s.summary.faulty.length, sdgs: ctx.sdgs, commands: commandsOut, ratios };
}

/** (g): how each command's median grows from the first scale to the last, against the growth of the pack. */
function growth(results) {
  if (results.length < 2) return [];
  const first = results[0];
  const last = results[results.length - 1];
  const rows = [];
  for (const [key, a] of Object.entries(first.commands)) {
    const b = last.commands[key];
    if (!b || a.median === undefined || b.median === undefined) continue;
    // Hashing grows with the bytes; everything else with the items (which bring their files with them).
    const driver = key === 'hash' || key === 'sha256sum' ? { what: 'bytes', factor: last.bytes / first.bytes } : { what: 'items', factor: last.items / first.items };
    const factor = b.median / a.median;
    rows.push({ key, label: a.label, from: a.median, to: b.median, factor, driver, linear: factor <= driver.factor * 1.1 });
  }
  return rows;
}

function seconds(s) {
  if (s === undefined) return '–';
  return s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(1)} s`;
}

function megabytes(mb) {
  if (mb === undefined) return '–';
  return mb < 1 ? `${Math.round(mb * 1024)} KB` : `${Math.round(mb)} MB`;
}

function verdict(met) {
  return met === undefined ? '' : met ? 'met' : '**missed**';
}

function markdown(report) {
  const lines = [];
  const m = report.machine;
  lines.push(`Run ${report.date} · commit ${report.commit ?? 'unknown'} · \`${report.command}\``);
  lines.push('');
  lines.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM, ${m.os}, Node ${m.node}. Load average ${m.loadStart} at the start, ${m.loadEnd} at the end.`);
  lines.push(`Baselines: ${report.tools.join('; ')}.`);
  lines.push(`${report.runs} recorded runs after ${report.warmup} warm-up (builds: ${report.buildRuns} runs); medians; ratio = ours ÷ baseline.`);
  for (const r of report.results) {
    lines.push('');
    const only = r.sdgs ? ` (SDG ${r.sdgs.join(', ')} only)` : '';
    lines.push(`### ${r.name}: ${r.items.toLocaleString('en-GB')} items${only}, ${r.files.toLocaleString('en-GB')} files, ${megabytes(r.bytes / 1024 ** 2)}, ${r.faulty} faulty items`);
    lines.push('');
    lines.push('| | ours | median | peak | baseline | median | peak | ratio | target | |');
    lines.push('|---|---|---:|---:|---|---:|---:|---:|---|---|');
    for (const q of r.ratios) {
      if (q.skipped) {
        lines.push(`| (${q.id}) ${q.title} | skipped: ${q.skipped} | | | | | | | ${TARGETS[q.id]?.text ?? ''} | |`);
        continue;
      }
      const o = r.commands[q.ours] ?? {};
      const b = r.commands[q.baseline] ?? {};
      const failed = [...(o.failures ?? []), ...(b.failures ?? [])];
      const ratio = q.ratio === undefined ? '–' : q.ratio.toFixed(q.ratio < 0.1 ? 3 : 2);
      lines.push(
        `| (${q.id}) ${q.title} | ${o.label} | ${seconds(o.median)} | ${megabytes(o.peak)} | ${b.label} | ${seconds(b.median)} | ${megabytes(b.peak)} | ${ratio} | ${q.target ?? ''} | ${failed.length > 0 ? `failed: ${failed[0].replace(/\|/g, '/').replace(/\n/g, ' ')}` : verdict(q.met)} |`,
      );
    }
    const ours = ['validate', 'validateCold', 'validateWarm', 'hash', 'build', 'buildOneChanged'].filter((k) => r.commands[k]?.peak !== undefined);
    if (ours.length > 0) {
      const worst = Math.max(...ours.map((k) => r.commands[k].peak));
      lines.push('');
      // The target is set for the largest pack; a smaller pack is only reported against it.
      const judged = r.items >= 10000 && r.bytes >= 1.9 * 1024 ** 3;
      const verdict = judged ? (worst <= MEMORY_TARGET_MB ? 'met' : '**missed**') : 'applies to 10,000 items and 2 GB';
      const over = ours.filter((k) => r.commands[k].peak > MEMORY_TARGET_MB).map((k) => r.commands[k].label);
      lines.push(`(f) Peak memory of our commands: ${ours.map((k) => `${r.commands[k].label} ${megabytes(r.commands[k].peak)}`).join(', ')}; highest ${megabytes(worst)}${over.length > 0 ? `; above ${MEMORY_TARGET_MB} MB: ${over.join(', ')}` : ''} (target ≤ ${MEMORY_TARGET_MB} MB: ${verdict}).`);
    }
  }
  if (report.growth.length > 0) {
    const first = report.results[0];
    const last = report.results[report.results.length - 1];
    lines.push('');
    lines.push(`### (g) Growth from ${first.name} to ${last.name}`);
    lines.push('');
    lines.push('| command | ' + `${first.name} | ${last.name} | growth | pack grew | |`);
    lines.push('|---|---:|---:|---:|---|---|');
    for (const g of report.growth) {
      lines.push(`| ${g.label} | ${seconds(g.from)} | ${seconds(g.to)} | ×${g.factor.toFixed(1)} | ×${g.driver.factor.toFixed(1)} ${g.driver.what} | ${g.linear ? 'linear or better' : '**worse than linear**'} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function machine(loadStart) {
  const cpus = os.cpus();
  let release = `${os.type()} ${os.release()}`;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(fs.readFileSync('/etc/os-release', 'utf8'));
    if (pretty) release = `${pretty[1]} (${os.type()} ${os.release()})`;
  } catch {
    // Not every system has /etc/os-release; the kernel name is enough then.
  }
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryGb: (os.totalmem() / 1024 ** 3).toFixed(1),
    os: release,
    node: process.version,
    loadStart,
    loadEnd: os.loadavg()[0].toFixed(2),
  };
}

function main(argv) {
  const options = parseOptions(argv);
  if (options.help) {
    // The comment at the top of this file is the help text.
    const lines = fs.readFileSync(__filename, 'utf8').split('\n');
    const first = lines.findIndex((l) => l.startsWith('//'));
    const count = lines.slice(first).findIndex((l) => !l.startsWith('//'));
    process.stdout.write(`${lines.slice(first, first + count).map((l) => l.replace(/^\/\/ ?/, '')).join('\n')}\n`);
    return 0;
  }
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/cli/run.js'))) throw usage('dist/ is missing: run `npm run build:ts` (npm run bench does it)');
  const { CACHE_FOLDER } = require(path.join(REPO_ROOT, 'dist/files/cache-folder.js'));
  const { VALIDATION_STATE_FILE } = require(path.join(REPO_ROOT, 'dist/incremental/validation-state.js'));
  let ajvCli;
  try {
    ajvCli = require.resolve('ajv-cli/dist/index.js', { paths: [REPO_ROOT] });
  } catch {
    ajvCli = undefined;
  }
  const ctx = {
    ...options,
    hasTime: fs.existsSync(TIME_BINARY),
    hasOffice: commandExists('soffice'),
    ajvCli,
    cacheFolder: CACHE_FOLDER,
    validationStateFile: VALIDATION_STATE_FILE,
  };
  const loadStart = os.loadavg()[0].toFixed(2);
  fs.mkdirSync(ctx.work, { recursive: true });
  ctx.work = ownFolder(path.join(ctx.work, 'run'));
  const results = [];
  try {
    for (const scale of options.scales) {
      const s = prepareScale(scale, ctx);
      results.push(measureScale(s, ctx));
      if (!options.keep) removeOwnFolder(path.dirname(s.pack));
    }
  } finally {
    if (!options.keep) removeOwnFolder(ctx.work);
  }
  const tools = [
    'floor: scripts/bench-floor.js',
    ajvCli ? `ajv-cli ${require(path.join(path.dirname(ajvCli), '../package.json')).version} (--spec=draft2020 --all-errors, ajv-formats)` : 'ajv-cli: absent',
    firstLine(['sha256sum', '--version']) ?? 'sha256sum: absent',
    ctx.hasOffice ? (firstLine(['soffice', '--version']) ?? 'LibreOffice') : 'LibreOffice: absent',
    ctx.hasTime ? 'peak memory from GNU time' : 'peak memory not measured (no /usr/bin/time)',
  ];
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' });
  const report = {
    date: new Date().toISOString(),
    commit: commit.status === 0 ? commit.stdout.trim() : undefined,
    command: `node scripts/bench.js ${argv.join(' ')}`.trim(),
    machine: machine(loadStart),
    tools,
    runs: options.runs,
    warmup: options.warmup,
    buildRuns: options.buildRuns,
    results,
    growth: growth(results),
  };
  process.stdout.write(markdown(report));
  if (options.json) fs.writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
  const failed = results.some((r) => Object.values(r.commands).some((c) => c.failures.length > 0));
  return failed ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${error.message}\n`);
    process.exitCode = error.usage ? 2 : 1;
  }
}

module.exports = { parseScale, median, growth, markdown };
