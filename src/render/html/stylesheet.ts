import { cssString } from './escape';

export interface StylesheetColours {
  /** The SDG colour as given, for rules and borders. */
  accent: string;
  /** The accent darkened until it reads as text on white. */
  accentText: string;
  /** A pale tint of the accent for shaded notes and table headers. */
  accentTint: string;
}

/**
 * The document's only stylesheet, inlined so the file is self-contained: no web fonts, no external sheets.
 * Fonts are named in order of preference and resolved from what the reader's device has.
 * The print part targets A4 and repeats the running header and "Page N of M" in the page margins where the
 * browser supports CSS page-margin boxes; the on-screen header is hidden in print so it is not printed twice.
 */
export function buildStylesheet(colours: StylesheetColours, runningHeader: string, marking = ''): string {
  const pageFooter = `${marking ? `${cssString(`${marking} · `)} ` : ''}"Page " counter(page) " of " counter(pages)`;
  return `:root {
  --accent: ${colours.accent};
  --accent-text: ${colours.accentText};
  --accent-tint: ${colours.accentTint};
  --ink: #1a1a1a;
  --muted: #4a4a4a;
  --rule: #9a9a9a;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: "DejaVu Sans", Calibri, "Segoe UI", "Helvetica Neue", Arial, sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: var(--ink);
  background: #fff;
}
.marking { background: #fff3cd; border-bottom: 2px solid #8a6d00; color: #3d3000; font-weight: bold; padding: 0.5rem 1rem; position: sticky; top: 0; z-index: 1; }
.running-header { border-bottom: 4px solid var(--accent); padding: 0.5rem 1rem; font-size: 0.875rem; color: var(--muted); }
main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; overflow-wrap: break-word; }
h1, h2, h3 { color: var(--accent-text); line-height: 1.25; margin: 1.6em 0 0.5em; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.75rem; border-bottom: 3px solid var(--accent); padding-bottom: 0.2em; }
h2 { font-size: 1.375rem; border-left: 6px solid var(--accent); padding-left: 0.4em; }
h3 { font-size: 1.125rem; }
p { margin: 0 0 0.75em; }
.title { font-size: 2.25rem; font-weight: bold; line-height: 1.2; margin: 1.2em 0 0.3em; color: var(--accent-text); }
.subtitle { font-size: 1.25rem; color: var(--muted); margin-bottom: 1.5em; }
.note { background: var(--accent-tint); border-left: 6px solid var(--accent); padding: 0.75em 1em; }
.small { font-size: 0.8125rem; color: var(--muted); }
code { font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", Menlo, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
a { color: #0b57b0; }
ul, ol { margin: 0 0 0.75em; padding-left: 1.5em; }
.toc { margin: 1em 0 2em; }
.toc-title { font-weight: bold; font-size: 1.25rem; color: var(--accent-text); }
.toc ol { list-style: none; padding-left: 1.25em; margin: 0; }
.toc > ol { padding-left: 0; }
.toc li { margin: 0.2em 0; }
.table-scroll { overflow-x: auto; margin: 0 0 1em; }
.table-scroll:focus { outline: 2px solid var(--accent-text); }
table { border-collapse: collapse; width: 100%; min-width: 36rem; table-layout: fixed; }
th, td { border: 1px solid var(--rule); padding: 0.35em 0.5em; text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead th { background: var(--accent-tint); border-bottom: 2px solid var(--accent); }
hr.page-break { border: 0; border-top: 1px dashed var(--rule); margin: 2em 0; }
.figure { margin: 0 0 1.25em; }
.figure img { display: block; max-width: 100%; height: auto; }
@media (max-width: 40rem) {
  main { padding: 0.75rem 0.75rem 2rem; }
  h1 { font-size: 1.5rem; }
  .title { font-size: 1.75rem; }
}
@page {
  size: A4;
  margin: 20mm 18mm 22mm;
  @top-center { content: ${cssString(runningHeader)}; font-size: 9pt; color: #555; }
  @bottom-center { content: ${pageFooter}; font-size: 9pt; color: #555; }
}
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .running-header { display: none; }
  .marking { position: static; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  hr.page-break { break-after: page; page-break-after: always; border: 0; margin: 0; }
  a { color: inherit; }
  a[href^="http:"]:not(.bare)::after,
  a[href^="https:"]:not(.bare)::after,
  a[href^="mailto:"]:not(.bare)::after { content: " (" attr(href) ")"; font-size: 0.85em; overflow-wrap: anywhere; }
  .table-scroll { overflow: visible; }
  table { min-width: 0; }
  thead { display: table-header-group; }
  tr, .note { break-inside: avoid; page-break-inside: avoid; }
  .note, thead th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
}
