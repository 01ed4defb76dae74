#!/usr/bin/env node
'use strict';
// Provenance check of an evidence pack against the text of the report it was written from.
//
// The example pack cites the extracted text of a French PDF report by line range. The report is not
// shipped with the pack, so nothing inside the pipeline can see whether a cited range, a figure or a
// URL really comes from it. This script does that comparison when the report is at hand:
//   1. every item cites the report source, and every cited line range exists in the report;
//   2. every `values.*.as_printed` occurs inside the union of the item's cited ranges, with the words
//      that qualify the figure ("plus de", "environ", "près de" …) when the report prints one;
//   3. every `values.*.value` agrees with its `as_printed` (French number formats; warnings only);
//   4. every `public_urls` entry occurs in the cited ranges, or a review note says it was repaired;
//   5. every CSV row's printed text (and URL) occurs within its `report_lines`.
// Institution facts in the pack config carry `as_printed` but no line range; they are looked up in
// the whole report and checked like item figures.
//
// Usage: node scripts/check-provenance.js [--pack evidence] [--report <path>] [--source <key>]
// The report is --report, else $PROVENANCE_REPORT, else ../shared/reference/… next to the repository
// (where the main checkout finds it; a git worktree elsewhere names it with either of the first two).
// Prints one line per problem (`file: message`) and a summary; exits 1 when a check other than 3
// fails, 2 when the check cannot run at all (missing report or config), 0 otherwise.
//
// Plain CommonJS without a build step so that CI can run it before or without `tsc`; its only
// dependency is the `yaml` package the project already installs.

const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const repoRoot = path.resolve(__dirname, '..');
const defaultReportPath = path.resolve(repoRoot, '../shared/reference/000_92c5c039270eb9f7.txt');
const defaultPackPath = path.join(repoRoot, 'evidence');

// ---------------------------------------------------------------------------------------------
// Text normalisation. The PDF extraction wraps lines anywhere, prints bullets as U+FFFD and uses
// non-breaking and thin spaces inside numbers ("12 390"), so the comparison works on text where all
// of these are reduced to single ordinary spaces.

/** Characters that take no room in the printed text: zero-width space, soft hyphen, BOM. */
const INVISIBLE = /[\u200B\u00AD\uFEFF]/g;
/** The replacement character stands for the bullets of the PDF; it is noise, not text. */
const BULLET_NOISE = /\uFFFD/g;

/** Collapses every kind of whitespace (JS `\s` covers U+00A0, U+2009, U+202F and line breaks). */
function normaliseSpacing(text) {
  return String(text).replace(INVISIBLE, '').replace(BULLET_NOISE, ' ').replace(/\s+/g, ' ').trim();
}

/** Drops all whitespace: the extraction split URLs across lines and sometimes inside host names. */
function removeSpacing(text) {
  return String(text).replace(INVISIBLE, '').replace(BULLET_NOISE, '').replace(/\s+/g, '');
}

/** A looser form used only to explain a miss (case, apostrophe style and spacing ignored). */
function loosen(text) {
  return removeSpacing(text).toLowerCase().replace(/[’‘`´]/g, "'").replace(/[“”«»]/g, '"');
}

// ---------------------------------------------------------------------------------------------
// The report as searchable text, with a map back to line numbers.

/**
 * Joins the report's lines after applying `transform` to each, keeping for every line (1-based) the
 * offsets where its text starts and ends, so that a line range is a slice of the joined text and a
 * match in the joined text can be traced back to the lines it spans.
 */
function buildLineIndex(lines, transform, joiner) {
  const starts = new Array(lines.length + 1).fill(0);
  const ends = new Array(lines.length + 1).fill(0);
  let text = '';
  for (let number = 1; number <= lines.length; number += 1) {
    const piece = transform(lines[number - 1]);
    if (piece.length > 0 && text.length > 0) text += joiner;
    starts[number] = text.length;
    text += piece;
    ends[number] = text.length;
  }
  return { text, starts, ends, lineCount: lines.length };
}

function sliceLines(index, first, last) {
  return index.text.slice(index.starts[first], index.ends[last]);
}

/** The line containing offset `at` of the joined text (an offset inside a joiner maps to the next line). */
function lineAtOffset(index, at) {
  let low = 1;
  let high = index.lineCount;
  while (low < high) {
    const middle = Math.floor((low + high + 1) / 2);
    if (index.starts[middle] <= at) low = middle;
    else high = middle - 1;
  }
  // Empty lines share their start offset with the next line; step forward to the line holding text.
  while (low < index.lineCount && index.ends[low] <= at) low += 1;
  return low;
}

// A printed figure must match whole words and whole numbers: "44" inside "1445" or "44,5", or "mois"
// inside "moisson" is not the figure the item claims. A space does end a number here even though French
// groups thousands with spaces: the extracted tables separate their cells with single spaces
// ("379 958 1 393 319 42%"), so "42%" or "1 393 319" could not be told from a thousands group.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const NUMBER_CONTINUES_AFTER = /^(?:\d|[.,]\d)/;
const NUMBER_CONTINUES_BEFORE = /(?:\d|\d[.,])$/;

function isWholeMatch(index, at, needle) {
  const { text } = index;
  const before = text.slice(Math.max(0, at - 5), at);
  const after = text.slice(at + needle.length, at + needle.length + 5);
  const first = needle[0];
  const last = needle[needle.length - 1];
  if (/\d/.test(first) && NUMBER_CONTINUES_BEFORE.test(before)) return false;
  if (/\p{L}/u.test(first) && before.length > 0 && LETTER_OR_DIGIT.test(before[before.length - 1])) return false;
  if (/\d/.test(last) && NUMBER_CONTINUES_AFTER.test(after)) return false;
  if (/\p{L}/u.test(last) && after.length > 0 && LETTER_OR_DIGIT.test(after[0])) return false;
  return true;
}

// A URL must match a whole printed URL: "https://www.mines-ales.fr" is not what a report printing
// "https://www.mines-ales.fr/ecole/" cites. In the compact text the neighbours of a match may come from
// the next word, so a match also ends wherever the original had whitespace or a line break.
const URL_CHARACTER = /[A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=%]/;
const SENTENCE_PUNCTUATION = /[.,;:!?]/;

function isWholeUrl(index, at, needle) {
  const { text, breaks } = index;
  const end = at + needle.length;
  const endsAtBoundary = (offset) => offset >= text.length || breaks.has(offset) || !URL_CHARACTER.test(text[offset]);
  const startsClean = at === 0 || breaks.has(at) || !URL_CHARACTER.test(text[at - 1]);
  // A full stop or comma right after a URL usually ends the sentence, not the URL.
  const endsClean = endsAtBoundary(end) || (SENTENCE_PUNCTUATION.test(text[end]) && endsAtBoundary(end + 1));
  return startsClean && endsClean;
}

/**
 * Offsets where `needle` occurs between `from` and `to` of the joined text, keeping only those that
 * `accept(index, at, needle)` takes for whole matches.
 */
function findOffsets(index, needle, from, to, accept, limit) {
  const offsets = [];
  if (needle.length === 0) return offsets;
  let at = index.text.indexOf(needle, from);
  while (at !== -1 && at + needle.length <= to && offsets.length < limit) {
    if (accept(index, at, needle)) offsets.push(at);
    at = index.text.indexOf(needle, at + 1);
  }
  return offsets;
}

/** Every place `needle` occurs in the whole report, as line ranges ("1302" or "1302-1303"). */
function findInReport(index, needle, accept, limit) {
  return findOffsets(index, needle, 0, index.text.length, accept, limit).map((at) => {
    const first = lineAtOffset(index, at);
    const last = lineAtOffset(index, at + needle.length - 1);
    return first === last ? String(first) : `${first}-${last}`;
  });
}

function loadReport(reportPath) {
  const raw = fs.readFileSync(reportPath, 'utf8');
  const lines = raw.split(/\r?\n/);
  // A final newline ends the last line rather than starting another; likewise a whitespace-only
  // fragment after it (the extracted report ends with a lone space) is not a line anyone can cite.
  if (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return {
    lineCount: lines.length,
    spaced: buildLineIndex(lines, normaliseSpacing, ' '),
    compact: withWhitespaceBreaks(buildLineIndex(lines, removeSpacing, ''), lines),
  };
}

/** Records the offsets of the compact text where the report had whitespace or a line break. */
function withWhitespaceBreaks(index, lines) {
  const breaks = new Set();
  for (let number = 1; number <= lines.length; number += 1) {
    breaks.add(index.starts[number]);
    breaks.add(index.ends[number]);
    let kept = 0;
    for (const character of lines[number - 1].replace(INVISIBLE, '')) {
      if (/\s/.test(character) || character === '\uFFFD') breaks.add(index.starts[number] + kept);
      else kept += character.length;
    }
  }
  return { ...index, breaks };
}

// ---------------------------------------------------------------------------------------------
// Line ranges.

/**
 * Parses "A-B" or "A" (a number is accepted as "A"). Returns `{ first, last }` or `{ error }`; the
 * range must lie inside the report (1 ≤ A ≤ B ≤ line count).
 */
function parseLineRange(spec, lineCount) {
  const text = typeof spec === 'number' ? String(spec) : typeof spec === 'string' ? spec.trim() : '';
  const match = /^(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(text);
  if (!match) return { error: `line range ${JSON.stringify(spec)} is not "A-B" or "A"` };
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  if (first < 1) return { error: `line range "${text}" starts before line 1` };
  if (first > last) return { error: `line range "${text}" ends before it starts` };
  if (last > lineCount) return { error: `line range "${text}" ends after the last line of the report (${lineCount})` };
  return { first, last };
}

/** Sorts ranges and merges those that overlap or touch, so that a figure wrapped across two adjacent cited ranges is still found. */
function mergeRanges(ranges) {
  const sorted = [...ranges].sort((a, b) => a.first - b.first || a.last - b.last);
  const merged = [];
  for (const range of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && range.first <= previous.last + 1) previous.last = Math.max(previous.last, range.last);
    else merged.push({ first: range.first, last: range.last });
  }
  return merged;
}

function describeRanges(ranges) {
  return ranges.map((r) => (r.first === r.last ? String(r.first) : `${r.first}-${r.last}`)).join(', ');
}

// ---------------------------------------------------------------------------------------------
// Searching cited text.

function occursInRanges(index, ranges, needle, accept) {
  return ranges.some((range) => findOffsets(index, needle, index.starts[range.first], index.ends[range.last], accept, 1).length > 0);
}

/**
 * Explains why printed text was not found in its ranges: where else the report prints it, or what
 * near-miss (case, apostrophe style, spacing) would have matched inside the ranges.
 */
function explainTextMiss(report, ranges, printed) {
  const needle = normaliseSpacing(printed);
  const elsewhere = findInReport(report.spaced, needle, isWholeMatch, 4);
  if (elsewhere.length > 0) return `; the report prints it at line ${elsewhere.join(', ')}`;
  const loose = loosen(printed);
  const nearMiss = ranges.some((range) => loosen(sliceLines(report.spaced, range.first, range.last)).includes(loose));
  if (nearMiss) return '; it matches only when case, apostrophe style and spacing are ignored';
  return '; not found anywhere in the report';
}

function explainUrlMiss(report, url) {
  const elsewhere = findInReport(report.compact, removeSpacing(url), isWholeUrl, 4);
  if (elsewhere.length > 0) return `; the report prints it at line ${elsewhere.join(', ')}`;
  return '; not found anywhere in the report';
}

// ---------------------------------------------------------------------------------------------
// Qualifiers (part of check 2). "plus de 20 000 km" and "20 000 km" are different claims: a figure
// copied without the words that bound or round it states more than the report does. So where the
// report prints a qualifier right before (or "environ" right after) a printed figure, the
// `as_printed` must carry it too. The lists are French (the report's language) and English (for
// packs written from English sources); longer phrases come first so that "un peu plus de" wins over
// "plus de".

const QUALIFIERS_BEFORE = [
  'un peu plus de', 'un peu moins de', 'pas moins de', 'de l’ordre de', "de l'ordre de", 'aux alentours de', 'autour de',
  'plus de', 'moins de', 'près de', 'pres de', 'au moins', 'au plus', 'au-delà de', 'jusqu’à', "jusqu'à", 'jusqu’a', "jusqu'a",
  'supérieur à', 'supérieure à', 'supérieurs à', 'supérieures à', 'inférieur à', 'inférieure à', 'inférieurs à', 'inférieures à',
  'environ', 'approximativement', 'presque', 'quasiment', 'quelque', 'env.',
  'more than', 'less than', 'fewer than', 'at least', 'up to', 'nearly', 'almost', 'around', 'about', 'approximately', 'over', 'under',
];
/** Elided forms glue to the figure: "plus d’un million". */
const ELIDED_BEFORE = ['plus d’', "plus d'", 'moins d’', "moins d'", 'près d’', "près d'"];
const SYMBOLS_BEFORE = ['~', '≈', '>', '<', '≥', '≤', '+ de', '+de'];
const QUALIFIERS_AFTER = ['environ', 'au moins', 'au plus', 'ou plus', 'ou moins', 'maximum', 'minimum', 'or more', 'at most', 'at least'];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (list) => [...list].sort((a, b) => b.length - a.length).map(escapeRegExp);
/** A qualifier ends where the figure starts: a word qualifier needs a word boundary before it and a space after. */
const QUALIFIER_BEFORE = new RegExp(
  `(?:(?:^|[^\\p{L}\\p{N}])(${byLength(QUALIFIERS_BEFORE).join('|')}) ?|(?:^|[^\\p{L}\\p{N}])(${byLength(ELIDED_BEFORE).join('|')})|(${byLength(SYMBOLS_BEFORE).join('|')}) ?)$`,
  'iu',
);
const QUALIFIER_AFTER = new RegExp(`^ ?(${byLength(QUALIFIERS_AFTER).join('|')})(?![\\p{L}\\p{N}])`, 'iu');

/** The qualifier the text prints right before or after `length` characters at `at`, if any. */
function qualifierAround(text, at, length) {
  const before = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, at - 40), at));
  if (before) return { words: (before[1] ?? before[2] ?? before[3]).trim(), where: 'before' };
  const after = QUALIFIER_AFTER.exec(text.slice(at + length, at + length + 20));
  if (after) return { words: after[1], where: 'after' };
  return undefined;
}

/**
 * Where printed text occurs in the cited ranges but every occurrence has a qualifier the text leaves
 * out, the first such qualifier and its line; undefined when the text occurs as printed (or not at all,
 * which the caller reports on its own). One plain occurrence is enough: the report may print the same
 * figure twice, once qualified.
 */
function droppedQualifier(index, ranges, printed) {
  const needle = normaliseSpacing(printed);
  let dropped;
  for (const range of ranges) {
    const offsets = findOffsets(index, needle, index.starts[range.first], index.ends[range.last], isWholeMatch, 50);
    for (const at of offsets) {
      const qualifier = qualifierAround(index.text, at, needle.length);
      if (qualifier === undefined) return undefined;
      if (dropped === undefined) dropped = { ...qualifier, line: lineAtOffset(index, at) };
    }
  }
  return dropped;
}

/** The message for a dropped qualifier, naming the words to put back. */
function describeDroppedQualifier(label, printed, dropped) {
  const whole = dropped.where === 'before' ? `${dropped.words} ${printed}` : `${printed} ${dropped.words}`;
  return `${label} "${printed}" leaves out "${dropped.words}", which the report prints ${dropped.where} it (line ${dropped.line}); write "${whole}"`;
}

// ---------------------------------------------------------------------------------------------
// French printed numbers (check 3).

/** Multipliers written after a figure; "m" alone is a metre, so only currency-bound k/M and words count. */
const MULTIPLIER_AFTER = [
  { pattern: /^\s*[kK]\s*(?:€|e\b|euros?\b|EUR\b)/, factor: 1e3 },
  { pattern: /^\s*M\s*(?:€|e\b|euros?\b|EUR\b|d[’']euros?\b)/, factor: 1e6 },
  { pattern: /^\s*(?:milliers?)\b/i, factor: 1e3 },
  { pattern: /^\s*(?:millions?)\b/i, factor: 1e6 },
  { pattern: /^\s*(?:milliards?)\b/i, factor: 1e9 },
];

const CARDINAL_WORDS = {
  zéro: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20,
  trente: 30, quarante: 40, cinquante: 50, soixante: 60, cent: 100, cents: 100, mille: 1000,
};

/** Round-number nouns: "une centaine" is about a hundred. */
const APPROXIMATE_NOUNS = {
  dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40,
  cinquantaine: 50, soixantaine: 60, centaine: 100, millier: 1000,
};

/** Reads a run of French number words ("dix-neuf", "quatre-vingt-douze", "deux mille"). */
function cardinalWordsValue(words) {
  let total = 0;
  let current = 0;
  for (const word of words) {
    if (word === 'et') continue;
    const amount = CARDINAL_WORDS[word];
    if (word === 'mille') {
      total += (current || 1) * 1000;
      current = 0;
    } else if (word === 'cent' || word === 'cents') {
      current = (current || 1) * 100;
    } else if ((word === 'vingt' || word === 'vingts') && current % 100 === 4) {
      current += 76; // quatre-vingt: 4 becomes 80
    } else {
      current += amount;
    }
  }
  return total + current;
}

const WORD_TOKEN = /[a-zàâçéèêëîïôûùüÿœ]+/giu;

/**
 * Figures written in words: cardinals ("Dix-neuf") and round-number nouns ("une cinquantaine",
 * "deux centaines"). "un"/"une" alone is an article far more often than a number, so it only counts
 * inside a compound or before a round-number noun.
 */
function wordFigures(text) {
  const matches = [...text.toLowerCase().matchAll(WORD_TOKEN)];
  const figures = [];
  let run = [];
  const closeRun = (nextWord) => {
    if (run.length === 0) return;
    const words = run;
    run = [];
    const noun = nextWord === undefined ? undefined : nextWord.replace(/s$/, '');
    if (noun !== undefined && APPROXIMATE_NOUNS[noun] !== undefined) return; // handled with the noun
    if (words.length === 1 && (words[0] === 'un' || words[0] === 'une')) return;
    if (words.every((w) => w === 'et')) return;
    figures.push({ number: cardinalWordsValue(words), kind: 'word', tolerance: 0 });
  };
  for (let i = 0; i < matches.length; i += 1) {
    const word = matches[i][0];
    const noun = word.replace(/s$/, '');
    // Number words join only across spaces and hyphens ("dix-neuf"); a comma or digit ends a run.
    const gap = i === 0 ? '' : text.slice(matches[i - 1].index + matches[i - 1][0].length, matches[i].index);
    if (!/^[\s-]*$/.test(gap)) closeRun(undefined);
    if (APPROXIMATE_NOUNS[noun] !== undefined) {
      const count = run.length > 0 ? cardinalWordsValue(run) : 1;
      closeRun(word);
      figures.push({ number: count * APPROXIMATE_NOUNS[noun], kind: 'approximate word', tolerance: 0 });
    } else if (CARDINAL_WORDS[word] !== undefined || (word === 'et' && run.length > 0)) {
      run.push(word);
    } else {
      closeRun(word);
    }
  }
  closeRun(undefined);
  return figures;
}

/**
 * Figures written in digits: French thousands groups ("12 390", "1 393 319"), a decimal comma or
 * point ("26,5", "18 185.95"), a following multiplier ("2M€", "~600k€", "25 K e") or percent sign.
 * A multiplied figure is a rounded figure, so a value within half a printed unit of it is accepted.
 */
function digitFigures(text) {
  const figures = [];
  // Digits glued to a preceding letter belong to a unit or a name (m3, CO2, M1), not to a figure.
  const number = /(?<![\d.,\p{L}])(\d{1,3}(?: \d{3})+|\d+)(?:[.,](\d+))?(?!\d)/gu;
  for (const match of text.matchAll(number)) {
    const integerPart = match[1].replace(/ /g, '');
    const decimals = match[2] ?? '';
    const printed = Number(decimals ? `${integerPart}.${decimals}` : integerPart);
    const after = text.slice(match.index + match[0].length);
    const multiplier = MULTIPLIER_AFTER.find((m) => m.pattern.test(after));
    if (multiplier) {
      const step = 10 ** -decimals.length * multiplier.factor;
      figures.push({ number: printed * multiplier.factor, kind: 'multiplied', tolerance: step / 2 });
    } else {
      figures.push({ number: printed, kind: 'digits', tolerance: 0, percent: /^\s*%/.test(after) });
    }
  }
  return figures;
}

/** All figures a printed string could mean; an empty list means it could not be parsed. */
function printedFigures(printed) {
  const text = normaliseSpacing(printed);
  return [...digitFigures(text), ...wordFigures(text)];
}

/** Floating-point sums such as 18185.95 are compared with a relative epsilon, not bit for bit. */
function sameNumber(a, b) {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Checks a value against its printed form. A figure printed as a percentage may be stored as a
 * fraction (26.5 % as 0.265). Returns `{ status: 'ok' | 'mismatch' | 'unparsed', figures }`.
 */
function compareValue(value, printed) {
  const figures = printedFigures(printed);
  if (figures.length === 0) return { status: 'unparsed', figures };
  const matches = figures.some(
    (f) =>
      Math.abs(value - f.number) <= f.tolerance ||
      sameNumber(value, f.number) ||
      (f.percent === true && sameNumber(value * 100, f.number)),
  );
  return { status: matches ? 'ok' : 'mismatch', figures };
}

function describeFigures(figures) {
  return [...new Set(figures.map((f) => String(f.number)))].join(' or ');
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes).

/** Parses CSV text into records `{ line, fields }`, where `line` is the file line the record starts on. */
function parseCsv(text) {
  const records = [];
  let fields = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
    i += 1;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

// ---------------------------------------------------------------------------------------------
// Pack loading.

function listFiles(directory, extensions) {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

function readYaml(file) {
  const document = YAML.parseDocument(fs.readFileSync(file, 'utf8'));
  if (document.errors.length > 0) return { error: document.errors[0].message.split('\n')[0].replace(/:$/, '') };
  return { data: document.toJS() };
}

function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The review notes of an item as plain strings (they may be strings or `{ note }` objects). */
function reviewNoteTexts(item) {
  if (!Array.isArray(item.review_notes)) return [];
  return item.review_notes
    .map((n) => (typeof n === 'string' ? n : isRecord(n) && typeof n.note === 'string' ? n.note : ''))
    .filter((n) => n.length > 0);
}

function urlOf(entry) {
  if (typeof entry === 'string') return entry;
  if (isRecord(entry) && typeof entry.url === 'string') return entry.url;
  return undefined;
}

function hostOf(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

const REPAIR_WORDS = /\b(repair(?:ed|s)?|corrected|fixed)\b/i;
const URL_WORDS = /\b(url|link|address|web ?page)s?\b/i;

/**
 * A URL the report misprints may be published in repaired form if a review note says so. The note
 * must name the repair and point at this URL: by its host, or, when the item has only one URL, by
 * speaking of "the URL" or "the link" (so that "the date is fixed by decree" does not count).
 */
function hasRepairNote(item, url, urlCount) {
  const host = hostOf(url);
  return reviewNoteTexts(item).some(
    (note) =>
      REPAIR_WORDS.test(note) &&
      ((host !== undefined && note.includes(host)) || (urlCount === 1 && URL_WORDS.test(note))),
  );
}

// ---------------------------------------------------------------------------------------------
// The checks.

class Findings {
  constructor() {
    this.lines = [];
    this.errors = 0;
    this.warnings = 0;
  }

  error(file, message) {
    this.errors += 1;
    this.lines.push(`${file}: ${message}`);
  }

  warning(file, message) {
    this.warnings += 1;
    this.lines.push(`${file}: warning: ${message}`);
  }
}

function createCounts() {
  return { items: 0, figures: 0, figuresWithoutPrint: 0, urls: 0, urlsOnRepairNote: 0, csvFiles: 0, csvRows: 0, csvTexts: 0, csvUrls: 0, facts: 0 };
}

/** Check 3 for one figure: only warns, since a mismatch may be a deliberate, documented conversion. */
function checkValueAgainstPrint(findings, file, valueLabel, value, printed) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    findings.warning(file, `${valueLabel} is not a number, so it cannot be compared with "${printed}"`);
    return;
  }
  const comparison = compareValue(value, printed);
  if (comparison.status === 'unparsed') findings.warning(file, `${valueLabel} ${value}: cannot read a number in "${printed}"`);
  else if (comparison.status === 'mismatch') {
    findings.warning(file, `${valueLabel} ${value} does not match "${printed}" (reads as ${describeFigures(comparison.figures)})`);
  }
}

/** Checks 1 to 4 for one item file. */
function checkItem(context, file) {
  const { report, reportSource, declaredSources, findings, counts } = context;
  const shown = context.display(file);
  const parsed = readYaml(file);
  if (parsed.error) {
    findings.error(shown, `cannot be read as YAML: ${parsed.error}`);
    return;
  }
  const item = parsed.data;
  if (!isRecord(item)) {
    findings.error(shown, 'is not a YAML mapping');
    return;
  }
  counts.items += 1;

  // Check 1: the item cites the report, with ranges inside it.
  const ranges = [];
  const provenance = Array.isArray(item.provenance) ? item.provenance : [];
  provenance.forEach((entry, position) => {
    const where = `provenance[${position}]`;
    if (!isRecord(entry) || typeof entry.source !== 'string') {
      findings.error(shown, `${where} has no source`);
      return;
    }
    if (!declaredSources.has(entry.source)) {
      findings.error(shown, `${where} cites "${entry.source}", which the pack config does not declare under sources`);
      return;
    }
    if (entry.source !== reportSource) return;
    if (entry.lines === undefined) {
      findings.error(shown, `${where} cites the report without a line range`);
      return;
    }
    const range = parseLineRange(entry.lines, report.lineCount);
    if (range.error) findings.error(shown, `${where}: ${range.error}`);
    else ranges.push(range);
  });
  if (!provenance.some((entry) => isRecord(entry) && entry.source === reportSource)) {
    findings.error(shown, `does not cite the report source "${reportSource}"`);
  }
  const cited = mergeRanges(ranges);
  const citedText = describeRanges(cited);

  // Checks 2 and 3: figures.
  const values = isRecord(item.values) ? item.values : {};
  for (const [name, figure] of Object.entries(values)) {
    const label = `values.${name}`;
    if (!isRecord(figure) || figure.as_printed === undefined) {
      counts.figuresWithoutPrint += 1;
      continue;
    }
    counts.figures += 1;
    const printed = String(figure.as_printed);
    if (cited.length > 0 && !occursInRanges(report.spaced, cited, normaliseSpacing(printed), isWholeMatch)) {
      findings.error(shown, `${label}.as_printed "${printed}" is not in the cited lines ${citedText}${explainTextMiss(report, cited, printed)}`);
    } else if (cited.length > 0) {
      const dropped = droppedQualifier(report.spaced, cited, printed);
      if (dropped !== undefined) findings.error(shown, describeDroppedQualifier(`${label}.as_printed`, printed, dropped));
    }
    checkValueAgainstPrint(findings, shown, `${label}.value`, figure.value, printed);
  }

  // Check 4: public URLs.
  const urls = (Array.isArray(item.public_urls) ? item.public_urls : []).map(urlOf);
  for (const [position, url] of urls.entries()) {
    if (url === undefined) {
      findings.error(shown, `public_urls[${position}] has no url`);
      continue;
    }
    counts.urls += 1;
    if (cited.length > 0 && occursInRanges(report.compact, cited, removeSpacing(url), isWholeUrl)) continue;
    if (hasRepairNote(item, url, urls.length)) {
      counts.urlsOnRepairNote += 1;
      continue;
    }
    if (cited.length > 0) {
      findings.error(shown, `public URL ${url} is not in the cited lines ${citedText} and no review note says it was repaired${explainUrlMiss(report, url)}`);
    }
  }
}

/** Check 5 (and 3 for the `value` column) for one CSV table. */
function checkCsv(context, file) {
  const { report, findings, counts } = context;
  const shown = context.display(file);
  const records = parseCsv(fs.readFileSync(file, 'utf8'));
  if (records.length === 0) return;
  const header = records[0].fields.map((name) => name.trim());
  const column = (name) => header.indexOf(name);
  const linesColumn = column('report_lines');
  // Printed text sits in `as_printed` or in columns named like `title_as_printed`.
  const printedColumns = header.map((name, i) => ({ name, i })).filter((c) => c.name === 'as_printed' || c.name.endsWith('_as_printed'));
  const urlColumns = header.map((name, i) => ({ name, i })).filter((c) => c.name === 'url' || c.name.endsWith('_url'));
  const valueColumn = column('value');
  counts.csvFiles += 1;
  if (linesColumn === -1) {
    if (printedColumns.length > 0) findings.error(shown, 'has printed figures but no report_lines column');
    return;
  }
  for (const record of records.slice(1)) {
    counts.csvRows += 1;
    const cell = (i) => (i >= 0 && i < record.fields.length ? record.fields[i].trim() : '');
    const key = cell(0);
    const where = `line ${record.line} (${key})`;
    const range = parseLineRange(cell(linesColumn), report.lineCount);
    if (range.error) {
      findings.error(shown, `${where}: ${range.error}`);
      continue;
    }
    const ranges = [range];
    const citedText = describeRanges(ranges);
    for (const printedColumn of printedColumns) {
      const printed = cell(printedColumn.i);
      if (printed === '') continue;
      counts.csvTexts += 1;
      if (!occursInRanges(report.spaced, ranges, normaliseSpacing(printed), isWholeMatch)) {
        findings.error(shown, `${where}: ${printedColumn.name} "${printed}" is not in report_lines ${citedText}${explainTextMiss(report, ranges, printed)}`);
      } else {
        const dropped = droppedQualifier(report.spaced, ranges, printed);
        if (dropped !== undefined) findings.error(shown, `${where}: ${describeDroppedQualifier(printedColumn.name, printed, dropped)}`);
      }
      if (printedColumn.name === 'as_printed' && valueColumn !== -1 && cell(valueColumn) !== '') {
        const value = cell(valueColumn);
        checkValueAgainstPrint(findings, shown, `${where}: value`, /^-?\d+(?:\.\d+)?$/.test(value) ? Number(value) : value, printed);
      }
    }
    for (const urlColumn of urlColumns) {
      const url = cell(urlColumn.i);
      if (url === '') continue;
      counts.csvUrls += 1;
      if (!occursInRanges(report.compact, ranges, removeSpacing(url), isWholeUrl)) {
        findings.error(shown, `${where}: ${urlColumn.name} ${url} is not in report_lines ${citedText}${explainUrlMiss(report, url)}`);
      }
    }
  }
}

/** Institution facts have no line range: each printed figure must occur somewhere in the report. */
function checkFacts(context, configFile, config) {
  const { report, reportSource, findings, counts } = context;
  const shown = context.display(configFile);
  const facts = isRecord(config.facts) ? config.facts : {};
  for (const [name, fact] of Object.entries(facts)) {
    if (!isRecord(fact) || fact.source !== reportSource || fact.as_printed === undefined) continue;
    counts.facts += 1;
    const printed = String(fact.as_printed);
    if (findInReport(report.spaced, normaliseSpacing(printed), isWholeMatch, 1).length === 0) {
      findings.error(shown, `facts.${name}.as_printed "${printed}" is not in the report`);
    } else {
      const dropped = droppedQualifier(report.spaced, [{ first: 1, last: report.lineCount }], printed);
      if (dropped !== undefined) findings.error(shown, describeDroppedQualifier(`facts.${name}.as_printed`, printed, dropped));
    }
    checkValueAgainstPrint(findings, shown, `facts.${name}.value`, fact.value, printed);
  }
}

/** The key of the report among the config's sources: given, or the only one declared. */
function chooseReportSource(sources, requested) {
  const keys = Object.keys(sources);
  if (requested !== undefined) {
    return keys.includes(requested) ? { key: requested } : { error: `source "${requested}" is not declared in the pack config` };
  }
  if (keys.length === 1) return { key: keys[0] };
  return { error: `the pack config declares ${keys.length} sources (${keys.join(', ') || 'none'}); name the report with --source` };
}

function parseArguments(argv) {
  const fromEnvironment = process.env.PROVENANCE_REPORT;
  const report = fromEnvironment !== undefined && fromEnvironment !== '' ? path.resolve(fromEnvironment) : defaultReportPath;
  const options = { pack: defaultPackPath, report, source: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--pack' || flag === '--report' || flag === '--source') && value !== undefined) {
      options[flag.slice(2)] = flag === '--source' ? value : path.resolve(value);
      i += 1;
    } else if (flag === '--help' || flag === '-h') {
      return { help: true };
    } else {
      return { error: `unknown or incomplete argument: ${flag}` };
    }
  }
  return { options };
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

const USAGE = 'usage: node scripts/check-provenance.js [--pack evidence] [--report <report.txt>] [--source <source-key>] (or the report in $PROVENANCE_REPORT)';

/** Runs all checks; returns the printed lines and the exit code instead of printing, so it can be tested. */
function runCheck(options) {
  const output = [];
  const display = (file) => path.relative(process.cwd(), file) || file;
  if (!fs.existsSync(options.report)) return { output: [`report not found: ${options.report}`], exitCode: 2 };
  const configFile = ['impact-pack.yaml', 'impact-pack.yml'].map((n) => path.join(options.pack, n)).find((f) => fs.existsSync(f));
  if (configFile === undefined) return { output: [`no impact-pack.yaml in ${options.pack}`], exitCode: 2 };
  const configRead = readYaml(configFile);
  if (configRead.error || !isRecord(configRead.data)) {
    return { output: [`${display(configFile)}: cannot be read: ${configRead.error ?? 'not a mapping'}`], exitCode: 2 };
  }
  const config = configRead.data;
  const sources = isRecord(config.sources) ? config.sources : {};
  const chosen = chooseReportSource(sources, options.source);
  if (chosen.error) return { output: [`${display(configFile)}: ${chosen.error}`], exitCode: 2 };

  const folders = isRecord(config.folders) ? config.folders : {};
  const context = {
    report: loadReport(options.report),
    reportSource: chosen.key,
    declaredSources: new Set(Object.keys(sources)),
    findings: new Findings(),
    counts: createCounts(),
    display,
  };
  checkFacts(context, configFile, config);
  for (const file of listFiles(path.join(options.pack, folders.items ?? 'items'), ['.yaml', '.yml'])) checkItem(context, file);
  for (const file of listFiles(path.join(options.pack, folders.files ?? 'files'), ['.csv'])) checkCsv(context, file);

  const { findings, counts } = context;
  output.push(...findings.lines);
  const problems = findings.errors + findings.warnings;
  output.push(
    `${plural(counts.items, 'item')} checked, ${plural(problems, 'problem')} (${plural(findings.errors, 'error')}, ${plural(findings.warnings, 'warning')})`,
    `checked: ${counts.figures} item figures (${counts.figuresWithoutPrint} without as_printed skipped), ` +
      `${counts.urls} item URLs (${counts.urlsOnRepairNote} accepted on a repair note), ` +
      `${counts.csvRows} CSV rows in ${counts.csvFiles} tables (${counts.csvTexts} printed texts, ${counts.csvUrls} URLs), ` +
      `${counts.facts} institution facts; report ${display(options.report)} has ${context.report.lineCount} lines`,
  );
  return { output, exitCode: findings.errors > 0 ? 1 : 0, counts, errors: findings.errors, warnings: findings.warnings };
}

function main() {
  const parsed = parseArguments(process.argv.slice(2));
  if (parsed.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.error) {
    console.error(`${parsed.error}\n${USAGE}`);
    return 2;
  }
  const result = runCheck(parsed.options);
  const stream = result.exitCode === 2 ? console.error : console.log;
  for (const line of result.output) stream(line);
  return result.exitCode;
}

if (require.main === module) process.exitCode = main();

module.exports = { runCheck, compareValue, qualifierAround, printedFigures, parseLineRange, parseCsv, normaliseSpacing, removeSpacing };
