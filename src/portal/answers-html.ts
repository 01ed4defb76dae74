/**
 * portal/index.html: the portal answers for the person at THE's portal, one copy button per field. Pure.
 *
 * Self-contained and inert beyond itself: the style and the script are inline, and a Content-Security-Policy
 * allows exactly those two by their SHA-256 and nothing else (no images, fonts, frames, fetches or form posts), so
 * opening the page makes no request beyond the file. Evidence text is escaped; links are only the evidence's own
 * http(s) URLs and the uploaded files beside the page, and only a click follows them.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from '../render/html/escape';
import { PORTAL_FOLDER, type PortalAnswers, type PortalEvidence, type PortalIndicator } from './answers';

const STYLE = `
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; margin: 0; color: #1a1a1a; line-height: 1.45; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
.marking { background: #fff3cd; border-bottom: 2px solid #8a6d00; color: #3d3000; font-weight: bold; padding: 0.5rem 1rem; position: sticky; top: 0; }
nav ol { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; }
h2 { border-bottom: 3px solid #555; padding-bottom: 0.2em; margin-top: 2em; }
.indicator { border: 1px solid #bbb; border-radius: 4px; padding: 0.5rem 1rem; margin: 1rem 0; }
.indicator h3 { margin: 0.3rem 0 0.6rem; font-size: 1.1rem; }
.field { display: grid; grid-template-columns: 11rem 1fr auto; gap: 0.5rem; align-items: start; padding: 0.3rem 0; border-top: 1px solid #eee; }
.label { font-weight: bold; color: #444; }
.value { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; font: inherit; }
.evidence { border-left: 4px solid #999; padding-left: 0.75rem; margin: 0.5rem 0; }
.over { color: #9b1c1c; font-weight: bold; }
.small { font-size: 0.85rem; color: #555; }
button { font: inherit; padding: 0.15rem 0.6rem; cursor: pointer; }
button.copied { background: #d7f0d7; }
@media print { button { display: none; } .marking { position: static; } }
`;

/** Copies the text of the field a button names; tells the reader (and tests) what was copied. */
const SCRIPT = `
(function () {
  function copied(button, text) {
    document.body.setAttribute('data-last-copied', text);
    button.classList.add('copied');
    button.textContent = 'Copied';
    setTimeout(function () { button.classList.remove('copied'); button.textContent = 'Copy'; }, 1500);
  }
  function fallback(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) {}
    document.body.removeChild(area);
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button[data-copy]') : null;
    if (!button) return;
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) return;
    var text = source.textContent;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { copied(button, text); }, function () { fallback(text); copied(button, text); });
    } else {
      fallback(text);
      copied(button, text);
    }
  });
})();
`;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

export const PORTAL_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${sha256(STYLE)}'`,
  `script-src 'sha256-${sha256(SCRIPT)}'`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export interface PortalPageOptions {
  /** Said in a banner at the top, e.g. for a build --draft. */
  marking?: string;
}

export function portalAnswersHtml(answers: PortalAnswers, options: PortalPageOptions = {}): string {
  let fieldCount = 0;
  const field = (label: string, value: string, extra = ''): string => {
    const id = `field-${++fieldCount}`;
    return [
      '<div class="field">',
      `<span class="label">${escapeHtml(label)}</span>`,
      `<div><pre class="value" id="${id}">${escapeHtml(value)}</pre>${extra}</div>`,
      `<button type="button" data-copy="${id}" aria-label="Copy ${escapeHtml(label.toLowerCase())}">Copy</button>`,
      '</div>',
    ].join('');
  };
  const note = (label: string, html: string): string => `<div class="field"><span class="label">${escapeHtml(label)}</span><div>${html}</div><span></span></div>`;

  const evidenceHtml = (e: PortalEvidence, limit: number): string => {
    const parts = [`<div class="evidence"><p class="small">Evidence item <code>${escapeHtml(e.itemId)}</code> (${escapeHtml(e.itemFile)}): ${escapeHtml(e.title)}</p>`];
    if (e.url) {
      parts.push(field('Evidence URL', e.url, /^https?:\/\//i.test(e.url) ? ` <a class="small" href="${escapeHtml(e.url)}" rel="noopener noreferrer" target="_blank">open</a>` : ''));
    } else if (e.upload) {
      const relative = e.upload.name.startsWith(`${PORTAL_FOLDER}/`) ? e.upload.name.slice(PORTAL_FOLDER.length + 1) : e.upload.name;
      parts.push(field('File to upload', relative, ` <a class="small" href="${escapeHtml(relative)}">open</a> <span class="small">(from ${escapeHtml(e.upload.from)})</span>`));
    } else {
      parts.push(note('Evidence', '<span class="over">No public URL and no supporting file: nothing to give as evidence.</span>'));
    }
    parts.push(field('Public', e.public ? 'Yes' : 'No'));
    if (e.policyCreated) parts.push(field('Policy created', e.policyCreated));
    if (e.policyReviewed) parts.push(field('Policy reviewed', e.policyReviewed));
    const count = `<p class="small${e.overLimit ? ' over' : ''}">${e.descriptionLength} of at most ${limit} characters${e.overLimit ? ': over the limit, shorten it' : ''}</p>`;
    parts.push(field('Description', e.description, count));
    parts.push('</div>');
    return parts.join('\n');
  };

  const indicatorHtml = (ind: PortalIndicator, limit: number): string => {
    const parts = [`<section class="indicator" id="indicator-${escapeHtml(ind.indicator)}">`, `<h3>${escapeHtml(ind.indicator)} ${escapeHtml(ind.title)}</h3>`];
    if (ind.notScored) parts.push('<p class="small">THE asks this question but does not score it in this edition.</p>');
    parts.push(field('Indicator', ind.indicator));
    parts.push(ind.statement === '' ? note('Statement', '<span class="small">no answer in the pack</span>') : field('Statement', ind.statement));
    if (ind.evidence.length === 0) parts.push(note('Evidence', '<span class="small">none in the pack</span>'));
    for (const e of ind.evidence) parts.push(evidenceHtml(e, limit));
    if (ind.leftOut.length > 0) {
      const list = ind.leftOut.map((l) => `<li><code>${escapeHtml(l.itemId)}</code>: ${escapeHtml(l.reason)}</li>`).join('');
      parts.push(`<p class="small">Not given to THE:</p><ul class="small">${list}</ul>`);
    }
    parts.push('</section>');
    return parts.join('\n');
  };

  const title = `Portal answers: ${answers.institution}, ${answers.edition}`;
  const perIndicator =
    answers.evidencePerIndicator === 1
      ? 'This edition reads one piece of evidence per indicator.'
      : answers.evidencePerIndicator === null
        ? 'This edition reads several pieces of evidence per indicator.'
        : `This edition reads up to ${answers.evidencePerIndicator} pieces of evidence per indicator.`;
  const body = [
    ...(options.marking ? [`<div class="marking" role="note">${escapeHtml(options.marking)}</div>`] : []),
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>What to type into THE's portal, indicator by indicator, for data year ${answers.dataYear}. ${escapeHtml(perIndicator)} ` +
      `An uploaded file ${answers.attachmentCountsAsPublic ? 'counts' : 'does not count'} as public evidence. ` +
      `Descriptions are the items' narratives; the limit of ${answers.descriptionMaxChars} characters is the pack's setting (portal.description_max_chars).</p>`,
    ...(answers.descriptionLanguage.toLowerCase().startsWith('en')
      ? []
      : [`<p class="over">The narratives are written in "${escapeHtml(answers.descriptionLanguage)}" (languages.evidence); THE's portal takes descriptions in English.</p>`]),
    `<nav><ol>${answers.sdgs.map((s) => `<li><a href="#sdg-${s.sdg}">SDG ${s.sdg}</a></li>`).join('')}</ol></nav>`,
    ...answers.sdgs.map((s) =>
      [`<h2 id="sdg-${s.sdg}">SDG ${s.sdg}: ${escapeHtml(s.title)}${s.submitted ? '' : ' <span class="small">(not listed under submit)</span>'}</h2>`, ...s.indicators.map((i) => indicatorHtml(i, answers.descriptionMaxChars))].join('\n'),
    ),
    '</main>',
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PORTAL_CONTENT_SECURITY_POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
