import type { Diagnostic, StageResult } from '../../diagnostics/diagnostic';
import type { Block, DocumentIR, Heading } from '../ir/types';
import { planAnchors } from '../shared/anchors';
import { renderBlocks } from './blocks';
import { FALLBACK_ACCENT, readableOnWhite, resolveAccent, tintTowardsWhite, toHex } from '../shared/colour';
import { HTML_FORMAT, type HtmlContext } from './context';
import { escapeHtml } from './escape';
import { buildStylesheet } from './stylesheet';
import { duplicateAnchor, invalidAccent } from '../shared/writer-diagnostics';

/**
 * Nothing may be fetched or run: the file is read offline by assessors and archived with the submission.
 * The policy also stops anything that slipped past escaping from executing or calling home.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * Gives every heading an id: its own when it has a unique one, otherwise "section-N" (N counting headings),
 * skipping numbers whose id a heading already uses. Generated ids only serve the table of contents.
 */
function assignHeadingIds(blocks: Block[], ownIds: Map<Heading, string>, taken: Set<string>): Map<Heading, string> {
  const ids = new Map<Heading, string>();
  let counter = 0;
  for (const block of blocks) {
    if (block.type !== 'heading') continue;
    const own = ownIds.get(block);
    if (own !== undefined) {
      ids.set(block, own);
      continue;
    }
    let generated: string;
    do {
      counter += 1;
      generated = `section-${counter}`;
    } while (taken.has(generated));
    ids.set(block, generated);
  }
  return ids;
}

/** YYYY-MM-DD in UTC, or undefined for an invalid Date (the meta tag is then left out rather than throwing). */
function isoDay(date: Date): string | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

/**
 * Writes one self-contained HTML5 document: inline CSS, no scripts, no external resources, all text escaped,
 * only http/https/mailto/#anchor links. The same IR always gives the same string.
 */
export function renderHtml(ir: DocumentIR): StageResult<string> {
  const diagnostics: Diagnostic[] = [];
  const { meta, blocks } = ir;

  const anchors = planAnchors(blocks);
  for (const id of anchors.duplicates) diagnostics.push(duplicateAnchor(HTML_FORMAT, id));
  const context: HtmlContext = {
    headingIds: assignHeadingIds(blocks, anchors.idOf, anchors.targets),
    linkTargets: anchors.targets,
    diagnostics,
    tableCount: 0,
  };

  const { colour: accent, valid } = resolveAccent(meta.accent);
  if (!valid) diagnostics.push(invalidAccent(HTML_FORMAT, meta.accent, FALLBACK_ACCENT));
  const stylesheet = buildStylesheet(
    { accent: toHex(accent), accentText: toHex(readableOnWhite(accent)), accentTint: toHex(tintTowardsWhite(accent, 0.88)) },
    meta.header,
    meta.marking,
  );

  const body = renderBlocks(blocks, context);
  const day = isoDay(meta.date);
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(meta.title)}</title>`,
    `<meta name="description" content="${escapeHtml(meta.subject)}">`,
    `<meta name="author" content="${escapeHtml(meta.author)}">`,
    `<meta name="keywords" content="${escapeHtml(meta.keywords.join(', '))}">`,
    ...(day === undefined ? [] : [`<meta name="dcterms.created" content="${day}">`]),
    `<style>\n${stylesheet}</style>`,
  ];
  const header = [
    // A marking (DRAFT) is a banner that stays in view on screen; in print the page footer repeats it on every page.
    ...(meta.marking ? [`<div class="marking" role="note">${escapeHtml(meta.marking)}</div>`] : []),
    ...(meta.header === '' ? [] : [`<header class="running-header">${escapeHtml(meta.header)}</header>`]),
  ];
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(meta.language)}">`,
    '<head>',
    ...head,
    '</head>',
    '<body>',
    ...header,
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');

  return { value: html, diagnostics };
}
